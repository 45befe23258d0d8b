import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TPlan, TPlanSave } from '../../../../shared/api/planning.js';
import { api } from '../../../lib/api.js';
import { journalPageKey } from '../../journal/api/page.js';
import { planKey, planUrl } from './get-plan.js';

export function savePlan(schoolId: number, pageId: number, semester: number, body: TPlanSave): Promise<TPlan> {
  return api(planUrl(schoolId, pageId, semester), { method: 'PUT', body });
}

/** Saves the plan; the plan and the journal page (topics, thematic columns) are refreshed. */
export function useSavePlan(schoolId: number, pageId: number, semester: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TPlanSave) => savePlan(schoolId, pageId, semester, body),
    meta: { inlineErrors: true },
    onSuccess: (plan) => {
      client.setQueryData([...planKey(schoolId, pageId), semester], plan);
      void client.invalidateQueries({ queryKey: journalPageKey(schoolId, pageId) });
    },
  });
}
