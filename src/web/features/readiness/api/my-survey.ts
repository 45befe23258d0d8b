import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TMySurvey, TSurveyInput } from '../../../../shared/api/readiness.js';
import { api } from '../../../lib/api.js';

/** The signed-in teacher's own readiness survey of the year. */
export function getMySurvey(schoolId: number): Promise<TMySurvey> {
  return api(`/api/schools/${schoolId}/readiness/survey/mine`);
}

export const mySurveyQueryOptions = (schoolId: number) => queryOptions({ queryKey: ['schools', schoolId, 'readiness', 'mine'], queryFn: () => getMySurvey(schoolId), meta: { quietNotFound: true } });

export function useMySurvey(schoolId: number) {
  return useQuery(mySurveyQueryOptions(schoolId));
}

export function answerMySurvey(schoolId: number, body: TSurveyInput): Promise<TMySurvey> {
  return api(`/api/schools/${schoolId}/readiness/survey/mine`, { method: 'PUT', body });
}

export function useAnswerMySurvey(schoolId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TSurveyInput) => answerMySurvey(schoolId, body),
    onSuccess: (data) => {
      qc.setQueryData(mySurveyQueryOptions(schoolId).queryKey, data);
      qc.invalidateQueries({ queryKey: ['schools', schoolId, 'readiness'] });
    },
    meta: { inlineErrors: true },
  });
}
