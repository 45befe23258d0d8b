import { normalizePhone } from '../../../../shared/api/admin.js';
import type { Cell, Table } from './read.js';
import { cleanName, displayDate, isEmail, nameKey, parseClassLabel, parseDate, parseGender, splitFullName, text } from './values.js';

/** One problem of one row, before it is put into words. */
export interface RawProblem {
  row: number;
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

export interface GuardianIn {
  key: string;
  lastName: string;
  firstName: string;
  middleName: string;
  phone: string;
  email: string | null;
  relation: 'mother' | 'father' | 'parent' | 'guardian';
}

export interface PupilRow {
  row: number;
  status: 'new' | 'existing' | 'error';
  values: Record<string, string>;
  /** the existing pupil this row is, when matched by names and date of birth */
  pupilId: number | null;
  /** the class to enroll in, when the pupil is not already in it */
  enrollIn: number | null;
  lastName: string;
  firstName: string;
  middleName: string;
  birthDate: string | null;
  gender: 'm' | 'f' | null;
  guardians: GuardianIn[];
}

export interface PupilContext {
  today: string;
  /** classes of the open year by label (5-А) */
  classes: Map<string, number>;
  /** existing pupils by nameKey|birthDate: their id and the open year's classes they were in, in order */
  pupils: Map<string, { id: number; classIds: number[] }>;
  classLabels: Map<number, string>;
  /** existing guardians of the school by key, and links pupil -> guardian keys */
  guardians: Map<string, number>;
  links: Set<string>;
}

const GUARDIAN_SLOTS = [
  { name: 'motherName', phone: 'motherPhone', email: 'motherEmail', relation: 'mother' },
  { name: 'fatherName', phone: 'fatherPhone', email: 'fatherEmail', relation: 'father' },
  { name: 'guardianName', phone: 'guardianPhone', email: 'guardianEmail', relation: null },
] as const;

function relationOf(raw: string): GuardianIn['relation'] {
  const s = raw.toLowerCase();
  if (/^(мати|мама|матір|mother)/.test(s)) return 'mother';
  if (/^(батько|тато|father)/.test(s)) return 'father';
  if (/(опікун|піклувальник|guardian)/.test(s)) return 'guardian';
  return 'parent';
}

export function guardianKey(lastName: string, firstName: string, middleName: string, phone: string): string {
  return `${nameKey(lastName, firstName, middleName)}|${phone}`;
}

function ageOn(today: string, birth: string): number {
  const [ty, tm, td] = today.split('-').map(Number);
  const [by, bm, bd] = birth.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

function readGuardians(get: (f: string) => Cell | undefined, has: (f: string) => boolean, row: number, problems: RawProblem[]): GuardianIn[] {
  const out: GuardianIn[] = [];
  for (const slot of GUARDIAN_SLOTS) {
    if (!has(slot.name)) continue;
    const names = splitFullName(cleanName(get(slot.name) ?? ''));
    const rawPhone = text(get(slot.phone));
    const rawEmail = text(get(slot.email));
    if (!names.lastName) {
      if (rawPhone || rawEmail) problems.push({ row, field: slot.name, code: 'required' });
      continue;
    }
    if (!names.firstName) {
      problems.push({ row, field: slot.name, code: 'required' });
      continue;
    }
    const phone = rawPhone ? normalizePhone(rawPhone) : '';
    if (phone === null) problems.push({ row, field: slot.phone, code: 'bad_phone', params: { value: rawPhone } });
    if (rawEmail && !isEmail(rawEmail)) problems.push({ row, field: slot.email, code: 'bad_email', params: { value: rawEmail } });
    const relation = slot.relation ?? relationOf(text(get('guardianRelation')));
    out.push({ ...names, phone: phone ?? '', email: rawEmail || null, relation, key: guardianKey(names.lastName, names.firstName, names.middleName, phone ?? '') });
  }
  return out;
}

/**
 * Checks every row of a pupils file against the school: names, date of birth, class, gender,
 * guardians' contacts, duplicates in the file, and pupils already there (matched by names and
 * date of birth: such a row changes nothing, or only adds what is new).
 */
export function checkPupils(table: Table, fields: (string | null)[], ctx: PupilContext): { rows: PupilRow[]; problems: RawProblem[] } {
  const col = new Map<string, number>();
  fields.forEach((f, i) => {
    if (f) col.set(f, i);
  });
  const has = (f: string) => col.has(f);
  const problems: RawProblem[] = [];
  const firstRowOf = new Map<string, number>();
  const rows = table.rows.map(({ row, cells }): PupilRow => {
    const get = (f: string) => (col.has(f) ? cells[col.get(f)!] : undefined);
    const before = problems.length;
    let names = { lastName: cleanName(get('lastName') ?? ''), firstName: cleanName(get('firstName') ?? ''), middleName: cleanName(get('middleName') ?? '') };
    if (has('fullName') && !names.lastName && !names.firstName) names = splitFullName(cleanName(get('fullName') ?? ''));
    const nameField = has('lastName') ? 'lastName' : 'fullName';
    if (!names.lastName) problems.push({ row, field: nameField, code: 'required' });
    if (!names.firstName) problems.push({ row, field: has('firstName') ? 'firstName' : 'fullName', code: 'required' });
    for (const f of ['lastName', 'firstName', 'middleName'] as const) {
      if (names[f].length > 60) problems.push({ row, field: f, code: 'too_long' });
    }
    const rawBirth = get('birthDate') ?? '';
    const birthDate = parseDate(rawBirth);
    if (rawBirth === '') problems.push({ row, field: 'birthDate', code: 'required' });
    else if (!birthDate) problems.push({ row, field: 'birthDate', code: 'bad_date', params: { value: text(rawBirth) } });
    else if (ageOn(ctx.today, birthDate) < 3 || ageOn(ctx.today, birthDate) > 25) {
      problems.push({ row, field: 'birthDate', code: 'implausible_date', params: { value: text(rawBirth) } });
    }
    const rawClass = text(get('classLabel'));
    const cls = parseClassLabel(rawClass);
    const label = cls ? `${cls.grade}-${cls.letter}` : '';
    const classId = cls ? ctx.classes.get(label) : undefined;
    if (!rawClass) problems.push({ row, field: 'classLabel', code: 'required' });
    else if (!cls) problems.push({ row, field: 'classLabel', code: 'bad_class', params: { value: rawClass } });
    else if (!classId) problems.push({ row, field: 'classLabel', code: 'unknown_class', params: { value: label } });
    const gender = parseGender(get('gender') ?? '');
    if (gender === undefined) problems.push({ row, field: 'gender', code: 'bad_gender', params: { value: text(get('gender')) } });
    const guardians = readGuardians(get, has, row, problems);

    const key = `${nameKey(names.lastName, names.firstName, names.middleName)}|${birthDate ?? text(rawBirth)}`;
    if (names.lastName && names.firstName) {
      const first = firstRowOf.get(key);
      if (first !== undefined) problems.push({ row, field: nameField, code: 'duplicate_in_file', params: { other: first } });
      else firstRowOf.set(key, row);
    }
    const existing = birthDate ? ctx.pupils.get(key) : undefined;
    let enrollIn: number | null = classId ?? null;
    if (existing && classId) {
      if (existing.classIds.includes(classId)) enrollIn = null;
      else if (existing.classIds.length) {
        const other = ctx.classLabels.get(existing.classIds[existing.classIds.length - 1]) ?? '';
        problems.push({ row, field: 'classLabel', code: 'in_other_class', params: { value: other } });
      }
    }
    const values: Record<string, string> = { ...names, birthDate: birthDate ? displayDate(birthDate) : text(rawBirth), classLabel: label || rawClass };
    if (has('gender')) values.gender = text(get('gender'));
    values.guardians = guardians.map((g) => `${g.lastName} ${g.firstName}${g.phone ? ` ${g.phone}` : ''}`).join('; ');
    const errored = problems.length > before;
    const newGuardians = guardians.some((g) => !existing || !ctx.links.has(`${existing.id}|${g.key}`));
    return {
      row,
      status: errored ? 'error' : !existing || enrollIn !== null || newGuardians ? 'new' : 'existing',
      values,
      pupilId: existing?.id ?? null,
      enrollIn,
      ...names,
      birthDate,
      gender: gender ?? null,
      guardians,
    };
  });
  return { rows, problems };
}
