import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TPupilCard } from '../../../../shared/api/people.js';
import { api } from '../../../lib/api.js';

/** A pupil's card: name, class, date of birth, parents and guardians. */
export function getPupilCard(schoolId: number, pupilId: number): Promise<TPupilCard> {
  return api(`/api/schools/${schoolId}/pupils/${pupilId}`);
}

export const pupilCardQueryOptions = (schoolId: number, pupilId: number) =>
  queryOptions({ queryKey: ['schools', schoolId, 'pupils', pupilId], queryFn: () => getPupilCard(schoolId, pupilId) });

export function usePupilCard(schoolId: number, pupilId: number) {
  return useQuery(pupilCardQueryOptions(schoolId, pupilId));
}
