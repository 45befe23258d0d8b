import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TCopyResult } from '../../../../shared/api/planning.js';
import { api } from '../../../lib/api.js';
import { planKey, planUrl } from './get-plan.js';

export function copyPlanTo(schoolId: number, pageId: number, semester: number, body: { pageIds: number[]; replace: boolean }): Promise<TCopyResult> {
  return api(`${planUrl(schoolId, pageId, semester)}/copy-to`, { method: 'POST', body });
}

/** Copies the plan to parallel classes' pages; each is copied or skipped with its reason. */
export function useCopyPlanTo(schoolId: number, pageId: number, semester: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { pageIds: number[]; replace: boolean }) => copyPlanTo(schoolId, pageId, semester, body),
    meta: { inlineErrors: true },
    onSuccess: (result) => {
      void client.invalidateQueries({ queryKey: [...planKey(schoolId, pageId), semester, 'copy'] });
      for (const c of result.copied) void client.invalidateQueries({ queryKey: planKey(schoolId, c.pageId) });
    },
  });
}
