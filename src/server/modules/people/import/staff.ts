import type { RawProblem } from './pupils.js';
import type { Table } from './read.js';
import { cleanName, isEmail, nameKey, splitFullName, text } from './values.js';

export interface StaffRow {
  row: number;
  status: 'new' | 'existing' | 'error';
  values: Record<string, string>;
  lastName: string;
  firstName: string;
  middleName: string;
  position: string;
  email: string | null;
  login: string;
  roles: string[];
}

const ROLE_WORDS: [RegExp, string | null][] = [
  [/^(вчитель|учитель|педагог|teacher)/, 'teacher'],
  [/^(директор|керівник закладу|head|principal)/, 'head'],
  [/^(заступник|контролер|відповідальний за контроль|controller|deputy)/, 'controller'],
  [/^(адміністратор|адмін|admin)/, 'admin'],
  [/^(класний керівник|class teacher)/, null],
];

/** "вчитель, адміністратор" -> ['teacher', 'admin']; unknown words are returned apart. */
export function parseRoles(raw: string): { roles: string[]; unknown: string[] } {
  const roles = new Set<string>();
  const unknown: string[] = [];
  for (const word of raw.split(/[,;/]+/).map((w) => w.trim().toLowerCase()).filter(Boolean)) {
    const hit = ROLE_WORDS.find(([re]) => re.test(word));
    if (!hit) unknown.push(word);
    else if (hit[1]) roles.add(hit[1]);
  }
  return { roles: [...roles], unknown };
}

/**
 * Checks every row of a staff file: names, e-mail, roles (a teacher when none is named), login,
 * duplicates in the file, and people already on the staff (matched by their full name).
 */
export function checkStaff(
  table: Table,
  fields: (string | null)[],
  ctx: { staff: Set<string>; takenLogins: Set<string> },
): { rows: StaffRow[]; problems: RawProblem[] } {
  const col = new Map<string, number>();
  fields.forEach((f, i) => {
    if (f) col.set(f, i);
  });
  const problems: RawProblem[] = [];
  const firstRowOf = new Map<string, number>();
  const loginRow = new Map<string, number>();
  const rows = table.rows.map(({ row, cells }): StaffRow => {
    const get = (f: string) => (col.has(f) ? cells[col.get(f)!] : undefined);
    const before = problems.length;
    let names = { lastName: cleanName(get('lastName') ?? ''), firstName: cleanName(get('firstName') ?? ''), middleName: cleanName(get('middleName') ?? '') };
    if (col.has('fullName') && !names.lastName && !names.firstName) names = splitFullName(cleanName(get('fullName') ?? ''));
    const nameField = col.has('lastName') ? 'lastName' : 'fullName';
    if (!names.lastName) problems.push({ row, field: nameField, code: 'required' });
    if (!names.firstName) problems.push({ row, field: col.has('firstName') ? 'firstName' : 'fullName', code: 'required' });
    const email = text(get('email'));
    if (email && !isEmail(email)) problems.push({ row, field: 'email', code: 'bad_email', params: { value: email } });
    const { roles, unknown } = parseRoles(text(get('roles')));
    for (const u of unknown) problems.push({ row, field: 'roles', code: 'bad_role', params: { value: u } });
    const login = text(get('login')).toLowerCase();
    if (login && !/^[a-z0-9][a-z0-9.-]{2,59}$/.test(login)) problems.push({ row, field: 'login', code: 'bad_login', params: { value: login } });
    const key = nameKey(names.lastName, names.firstName, names.middleName);
    const existing = ctx.staff.has(key);
    if (login && !existing && (ctx.takenLogins.has(login) || loginRow.has(login))) {
      problems.push({ row, field: 'login', code: 'login_taken', params: { value: login } });
    }
    if (login) loginRow.set(login, row);
    if (names.lastName && names.firstName) {
      const first = firstRowOf.get(key);
      if (first !== undefined) problems.push({ row, field: nameField, code: 'duplicate_in_file', params: { other: first } });
      else firstRowOf.set(key, row);
    }
    const position = text(get('position')).slice(0, 100);
    return {
      row,
      status: problems.length > before ? 'error' : existing ? 'existing' : 'new',
      values: { ...names, position, email, roles: roles.join(', '), login },
      ...names,
      position,
      email: email || null,
      login,
      roles: roles.length ? roles : ['teacher'],
    };
  });
  return { rows, problems };
}
