import type { TImportKind } from '../../../../shared/api/admin.js';

/**
 * Columns are found by their header, as registries and schools name them (Ukrainian first,
 * English too). A header is compared without case, spaces, punctuation and apostrophes.
 */
export function headerKey(header: string): string {
  return header
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/['’ʼ`"«»]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const PUPIL_HEADERS: Record<string, string[]> = {
  lastName: ['прізвище', 'прізвищеучня', 'прізвищеучениці', 'фамилия', 'lastname', 'surname', 'familyname'],
  firstName: ['імя', 'імяучня', 'имя', 'firstname', 'givenname', 'name'],
  middleName: ['побатькові', 'побатьковіучня', 'отчество', 'middlename', 'patronymic'],
  fullName: ['піб', 'піб учня', 'прізвищеімяпобатькові', 'учень', 'учениця', 'фіо', 'фио', 'fullname', 'pupil', 'student'],
  birthDate: ['датанародження', 'датанар', 'дн', 'народження', 'датарождения', 'birthdate', 'dateofbirth', 'dob', 'birthday'],
  classLabel: ['клас', 'класгрупа', 'класс', 'class', 'form', 'grade', 'classname'],
  gender: ['стать', 'пол', 'gender', 'sex'],
  motherName: ['пібматері', 'мати', 'матір', 'прізвищематері', 'пібматеріабоособиякаїїзамінює', 'mother', 'mothername', 'mothersname'],
  motherPhone: ['телефонматері', 'телматері', 'motherphone', 'mothersphone'],
  motherEmail: ['emailматері', 'елпоштаматері', 'motheremail', 'mothersemail'],
  fatherName: ['піббатька', 'батько', 'прізвищебатька', 'father', 'fathername', 'fathersname'],
  fatherPhone: ['телефонбатька', 'телбатька', 'fatherphone', 'fathersphone'],
  fatherEmail: ['emailбатька', 'елпоштабатька', 'fatheremail', 'fathersemail'],
  guardianName: [
    'піббатьків', 'батьки', 'пібопікуна', 'опікун', 'законнийпредставник', 'пібзаконногопредставника',
    'прізвищебатькаматері', 'батькимати', 'parent', 'parents', 'guardian', 'guardianname', 'parentname',
  ],
  guardianPhone: ['телефон', 'мобільний', 'phone', 'mobile', 'телефонбатьків', 'телефонопікуна', 'телефонзаконногопредставника', 'телбатьків', 'parentphone', 'parentsphone', 'guardianphone'],
  guardianEmail: ['email', 'eмейл', 'електроннапошта', 'елпошта', 'емейл', 'пошта', 'mail', 'emailбатьків', 'елпоштабатьків', 'поштабатьків', 'parentemail', 'parentsemail', 'guardianemail'],
  guardianRelation: ['кимдоводиться', 'ступіньспоріднення', 'родиннізвязки', 'relation', 'relationship'],
};

const STAFF_HEADERS: Record<string, string[]> = {
  lastName: PUPIL_HEADERS.lastName,
  firstName: PUPIL_HEADERS.firstName,
  middleName: PUPIL_HEADERS.middleName,
  fullName: ['піб', 'прізвищеімяпобатькові', 'працівник', 'вчитель', 'фіо', 'фио', 'fullname', 'name', 'teacher', 'employee'],
  position: ['посада', 'должность', 'position', 'jobtitle', 'title'],
  email: ['email', 'eмейл', 'електроннапошта', 'елпошта', 'емейл', 'пошта', 'mail'],
  phone: ['телефон', 'phone', 'mobile'],
  roles: ['ролі', 'роль', 'роліусистемі', 'roles', 'role'],
  login: ['логін', 'login', 'username'],
};

const HEADERS: Record<TImportKind, Record<string, string[]>> = { pupils: PUPIL_HEADERS, staff: STAFF_HEADERS };

/** For each column, the field it holds (or null for a column we do not take). */
export function mapColumns(kind: TImportKind, headers: string[]): (string | null)[] {
  const byKey = new Map<string, string>();
  for (const [field, keys] of Object.entries(HEADERS[kind])) for (const k of keys) byKey.set(headerKey(k), field);
  const seen = new Set<string>();
  return headers.map((h) => {
    const field = byKey.get(headerKey(h)) ?? null;
    if (!field || seen.has(field)) return null;
    seen.add(field);
    return field;
  });
}

/** How many headers of a row we recognise: the header row is the first that names the people. */
export function recognised(kind: TImportKind, cells: string[]): number {
  return mapColumns(kind, cells).filter(Boolean).length;
}

/** What a file must have: names (separately or in one column), and a class for pupils. */
export function missingColumns(kind: TImportKind, fields: (string | null)[]): string[] {
  const has = new Set(fields.filter((f): f is string => !!f));
  const missing: string[] = [];
  if (!has.has('fullName') && !(has.has('lastName') && has.has('firstName'))) {
    if (!has.has('lastName')) missing.push('lastName');
    if (!has.has('firstName')) missing.push('firstName');
  }
  if (kind === 'pupils' && !has.has('classLabel')) missing.push('classLabel');
  if (kind === 'pupils' && !has.has('birthDate')) missing.push('birthDate');
  return missing;
}
