import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TPlanImportPreview } from '../../../../shared/api/planning.js';
import { api } from '../../../lib/api.js';
import { journalPageKey } from '../../journal/api/page.js';
import { fileToBase64 } from '../../people/api/upload-import.js';
import { planKey, planUrl } from './get-plan.js';

export async function importPlan(schoolId: number, pageId: number, semester: number, input: { file: File; confirm: boolean; version: number }): Promise<TPlanImportPreview> {
  const body = { fileName: input.file.name, contentBase64: await fileToBase64(input.file), confirm: input.confirm, version: input.version };
  return api(`${planUrl(schoolId, pageId, semester)}/import`, { method: 'POST', body });
}

/** Checks a plan file (a preview with every row's problem) or, confirmed, writes it. */
export function useImportPlan(schoolId: number, pageId: number, semester: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { file: File; confirm: boolean; version: number }) => importPlan(schoolId, pageId, semester, input),
    meta: { inlineErrors: true },
    onSuccess: (preview) => {
      if (!preview.saved) return;
      client.setQueryData([...planKey(schoolId, pageId), semester], preview.saved);
      void client.invalidateQueries({ queryKey: journalPageKey(schoolId, pageId) });
    },
  });
}
