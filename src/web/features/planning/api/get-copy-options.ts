import { useQuery } from '@tanstack/react-query';
import type { TCopyOptions } from '../../../../shared/api/planning.js';
import { api } from '../../../lib/api.js';
import { planKey, planUrl } from './get-plan.js';

export function getCopyOptions(schoolId: number, pageId: number, semester: number): Promise<TCopyOptions> {
  return api(`${planUrl(schoolId, pageId, semester)}/copy`);
}

/** Parallel pages the plan may go to, and last year's plans it may take. */
export function useCopyOptions(schoolId: number, pageId: number, semester: number, enabled: boolean) {
  return useQuery({
    queryKey: [...planKey(schoolId, pageId), semester, 'copy'],
    queryFn: () => getCopyOptions(schoolId, pageId, semester),
    enabled,
  });
}
