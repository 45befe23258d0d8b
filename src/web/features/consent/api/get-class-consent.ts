import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TClassConsentRegister } from '../../../../shared/api/consent.js';
import { api } from '../../../lib/api.js';
import { consentKey } from './keys.js';

/** A class's consent register: every pupil, each guardian's latest answer, accounts and codes. */
export function getClassConsent(schoolId: number, classId: number): Promise<TClassConsentRegister> {
  return api(`/api/schools/${schoolId}/classes/${classId}/consent`);
}

export const classConsentQueryOptions = (schoolId: number, classId: number) =>
  queryOptions({ queryKey: [...consentKey(schoolId), 'class', classId], queryFn: () => getClassConsent(schoolId, classId) });

export function useClassConsent(schoolId: number, classId: number) {
  return useQuery(classConsentQueryOptions(schoolId, classId));
}

/** The printable consent forms of a class (or one family), opened by the browser as a PDF. */
export function consentFormsUrl(schoolId: number, classId: number, pupilId?: number): string {
  return `/api/schools/${schoolId}/classes/${classId}/consent/forms.pdf${pupilId ? `?pupilId=${pupilId}` : ''}`;
}

/** A stored scan of a signed form. */
export function scanUrl(schoolId: number, scanId: number): string {
  return `/api/schools/${schoolId}/consent/scans/${scanId}`;
}
