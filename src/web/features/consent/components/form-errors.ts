import { ApiError } from '../../../lib/api-error.js';

/** A failed request's problems: per field (by path) and one for the whole form. */
export function errorsOf(error: Error | null): { fields: Record<string, string>; form: string | null } {
  const api = error instanceof ApiError ? error : null;
  return { fields: api?.fieldMap() ?? {}, form: error && !api?.fields.length ? error.message : null };
}
