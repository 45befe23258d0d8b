import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.js';
import { adminKey } from './admin-keys.js';

export interface TImportListItem {
  id: number;
  kind: 'pupils' | 'staff';
  fileName: string;
  status: 'previewed' | 'committed';
  rows: number;
  createdAt: string;
  committedAt: string | null;
  by: string;
}

/** The school's recent imports, newest first. */
export function getImports(schoolId: number): Promise<{ imports: TImportListItem[] }> {
  return api(`/api/schools/${schoolId}/admin/imports`);
}

export const importsQueryOptions = (schoolId: number) =>
  queryOptions({ queryKey: [...adminKey(schoolId), 'imports'], queryFn: () => getImports(schoolId), select: (d) => d.imports });

export function useImports(schoolId: number) {
  return useQuery(importsQueryOptions(schoolId));
}
