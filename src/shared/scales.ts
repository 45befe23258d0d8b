/** Marks a scale allows, and the summative special entries of the domain. */
export interface TScale {
  code: string;
  name: string;
  values: string[];
  freeText: boolean;
}

/** не атестований, звільнений: allowed in summative columns of every graded scale. */
export const SUMMATIVE_SPECIAL = ['н/а', 'зв.'] as const;
/** зараховано / не зараховано: grades 5-8 and 10 in wartime by the council's decision (MON order 563). */
export const PASS_FAIL = ['зарах.', 'не зарах.'] as const;
export const PASS_FAIL_GRADES = [5, 6, 7, 8, 10];
export const VERBAL_MAX_LENGTH = 200;

export type ColumnKind = 'lesson' | 'thematic' | 'semester' | 'corrected' | 'annual' | 'dpa';

/** Problem keys of one cell, translated by CELL_PROBLEMS. */
export type CellProblem = 'out_of_scale' | 'too_long' | 'no_summative_in_verbal';

/**
 * Checks one value against the page's scale. Empty means "cleared" and is always allowed.
 * Returns null when the value may be stored.
 */
export function checkMark(
  scale: TScale,
  value: string,
  column: ColumnKind,
  opts: { grade: number; passFail: boolean },
): CellProblem | null {
  if (value === '') return null;
  if (scale.freeText) {
    if (column !== 'lesson') return 'no_summative_in_verbal';
    return value.length > VERBAL_MAX_LENGTH ? 'too_long' : null;
  }
  if (scale.values.includes(value)) return null;
  if (column === 'lesson') return 'out_of_scale';
  if ((SUMMATIVE_SPECIAL as readonly string[]).includes(value)) return null;
  if (opts.passFail && PASS_FAIL_GRADES.includes(opts.grade) && (PASS_FAIL as readonly string[]).includes(value)) return null;
  return 'out_of_scale';
}

/** Normalises what a teacher types: trims, maps Latin look-alikes of П/С/Д/В, lower-cases special entries. */
export function normalizeMark(raw: string): string {
  const v = raw.trim();
  const latin: Record<string, string> = { P: 'П', C: 'С', D: 'Д', B: 'В', p: 'П', c: 'С', d: 'Д', b: 'В', п: 'П', с: 'С', д: 'Д', в: 'В' };
  if (v.length === 1 && latin[v]) return latin[v];
  const lower = v.toLowerCase();
  if (lower === 'на' || lower === 'н/а') return 'н/а';
  if (lower === 'зв' || lower === 'зв.') return 'зв.';
  if (lower === 'зарах' || lower === 'зарах.') return 'зарах.';
  if (lower === 'не зарах' || lower === 'не зарах.') return 'не зарах.';
  return v;
}

/**
 * A suggestion for a semester mark from thematic marks: the mean with one decimal on 1-12,
 * the middle level for П/С/Д/В. Only a suggestion: the teacher sets the mark.
 */
export function suggestSemesterMark(scale: TScale, thematic: string[]): string | null {
  const graded = thematic.filter((m) => scale.values.includes(m));
  if (graded.length === 0 || scale.freeText) return null;
  if (scale.code === 'points12') {
    const mean = graded.reduce((s, m) => s + Number(m), 0) / graded.length;
    return mean.toFixed(1);
  }
  const idx = graded.map((m) => scale.values.indexOf(m)).sort((a, b) => a - b);
  return scale.values[idx[Math.floor((idx.length - 1) / 2)]];
}
