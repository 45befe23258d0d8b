import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TPlan } from '../../../../shared/api/planning.js';
import { api } from '../../../lib/api.js';
import { journalPageKey } from '../../journal/api/page.js';
import { planKey, planUrl } from './get-plan.js';

export function copyPlanFrom(schoolId: number, pageId: number, semester: number, body: { sourcePageId: number; version: number }): Promise<TPlan> {
  return api(`${planUrl(schoolId, pageId, semester)}/copy-from`, { method: 'POST', body });
}

/** Takes the same semester's plan of last year's page of this subject and grade. */
export function useCopyPlanFrom(schoolId: number, pageId: number, semester: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { sourcePageId: number; version: number }) => copyPlanFrom(schoolId, pageId, semester, body),
    meta: { inlineErrors: true },
    onSuccess: (plan) => {
      client.setQueryData([...planKey(schoolId, pageId), semester], plan);
      void client.invalidateQueries({ queryKey: journalPageKey(schoolId, pageId) });
    },
  });
}
