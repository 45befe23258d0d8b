import { z } from 'zod';
import type { Lang } from '../errors.js';

/** The administrator's console for people: staff, classes, pupils, guardians, movement, imports. */

const id = z.coerce.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date');
const name = (max = 60) => z.string().trim().min(1, 'required').max(max);
const optionalName = z.string().trim().max(60).default('');
const email = z
  .string()
  .trim()
  .max(200)
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'invalid_email');
const phone = z
  .string()
  .trim()
  .max(40)
  .refine((v) => v === '' || normalizePhone(v) !== null, 'invalid_phone');

export const STAFF_ROLES = ['head', 'controller', 'admin', 'teacher'] as const;
export const RELATIONS = ['mother', 'father', 'parent', 'guardian'] as const;
/** Capital Ukrainian letters a class may carry (А-Я with Ґ, Є, І, Ї). */
export const CLASS_LETTER = /^[А-ЩЬЮЯҐЄІЇ]$/;

/** A Ukrainian phone number as +380XXXXXXXXX, or null when it is not one. */
export function normalizePhone(raw: string): string | null {
  const digits = raw.replace(/[^\d+]/g, '');
  const d = digits.replace(/^\+/, '');
  if (/^380\d{9}$/.test(d)) return `+${d}`;
  if (/^80\d{9}$/.test(d)) return `+3${d}`;
  if (/^0\d{9}$/.test(d)) return `+38${d}`;
  if (/^\+\d{8,15}$/.test(digits)) return digits;
  return null;
}

export const ZStaffParams = z.object({ schoolId: id, userId: id });
export const ZAdminClassParams = z.object({ schoolId: id, classId: id });
export const ZAdminPupilParams = z.object({ schoolId: id, pupilId: id });
export const ZGuardianParams = z.object({ schoolId: id, guardianId: id });
export const ZPupilGuardianParams = z.object({ schoolId: id, pupilId: id, guardianId: id });
export const ZImportParams = z.object({ schoolId: id, importId: id });

// ---------- staff ----------

export const ZStaffMember = z.object({
  userId: z.number(),
  login: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string(),
  email: z.string().nullable(),
  position: z.string(),
  active: z.boolean(),
  roles: z.array(z.enum(STAFF_ROLES)),
  classes: z.array(z.object({ id: z.number(), label: z.string() })),
  mustChangePassword: z.boolean(),
});
export type TStaffMember = z.infer<typeof ZStaffMember>;
export const ZStaffList = z.object({ staff: z.array(ZStaffMember) });

export const ZStaffCreate = z.object({
  lastName: name(),
  firstName: name(),
  middleName: optionalName,
  position: z.string().trim().max(100).default(''),
  email: email.default(''),
  login: z
    .string()
    .trim()
    .toLowerCase()
    .max(60)
    .refine((v) => v === '' || /^[a-z0-9][a-z0-9.-]{2,59}$/.test(v), 'invalid_login')
    .default(''),
  roles: z.array(z.enum(STAFF_ROLES)).min(1, 'required').default(['teacher']),
});
export type TStaffCreate = z.input<typeof ZStaffCreate>;

export const ZStaffPatch = z.object({
  lastName: name().optional(),
  firstName: name().optional(),
  middleName: z.string().trim().max(60).optional(),
  position: z.string().trim().max(100).optional(),
  email: email.optional(),
});
export type TStaffPatch = z.infer<typeof ZStaffPatch>;

/** Roles in one school year: the current one unless yearId names another year of the school. */
export const ZStaffRoles = z.object({ roles: z.array(z.enum(STAFF_ROLES)).max(4), yearId: id.optional() });

/** A person's roles in each school year of the school (closed years are kept and read-only). */
export const ZStaffYearRoles = z.object({
  years: z.array(
    z.object({
      yearId: z.number(),
      name: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      closed: z.boolean(),
      current: z.boolean(),
      roles: z.array(z.enum(STAFF_ROLES)),
    }),
  ),
});
export type TStaffYearRoles = z.infer<typeof ZStaffYearRoles>;

/** A new account or a reset: the one-time password is shown once and never again. */
export const ZStaffCredentials = z.object({ staff: ZStaffMember, login: z.string(), initialPassword: z.string() });

export const ZStaffChange = z.object({
  at: z.string(),
  action: z.string(),
  by: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export const ZStaffHistory = z.object({ changes: z.array(ZStaffChange) });

// ---------- classes, pupils, guardians ----------

export const ZClassCreate = z.object({
  grade: z.coerce.number().int().min(1).max(11),
  letter: z.string().trim().toUpperCase().regex(CLASS_LETTER, 'invalid_class_letter'),
  classTeacherId: id.nullable().default(null),
});
export const ZClassPatch = z.object({ classTeacherId: id.nullable() });

export const ZAdminClass = z.object({
  id: z.number(),
  label: z.string(),
  grade: z.number(),
  letter: z.string(),
  yearId: z.number(),
  classTeacher: z.object({ id: z.number(), name: z.string() }).nullable(),
  pupils: z.number(),
});
export type TAdminClass = z.infer<typeof ZAdminClass>;

export const ZGuardian = z.object({
  id: z.number(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  relation: z.enum(RELATIONS),
});
export type TGuardian = z.infer<typeof ZGuardian>;

export const ZAdminPupil = z.object({
  id: z.number(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string(),
  birthDate: z.string().nullable(),
  gender: z.enum(['m', 'f']).nullable(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  guardians: z.array(ZGuardian),
});
export type TAdminPupil = z.infer<typeof ZAdminPupil>;

export const ZMovementEntry = z.object({
  pupilId: z.number(),
  pupilName: z.string(),
  kind: z.enum(['arrived', 'left']),
  date: z.string(),
  order: z.string(),
  /** the class the pupil came from or went to, for a transfer inside the school */
  otherClass: z.string().nullable(),
});
export type TMovementEntry = z.infer<typeof ZMovementEntry>;
export const ZMovement = z.object({ movement: z.array(ZMovementEntry) });

export const ZClassDetail = z.object({
  class: ZAdminClass,
  year: z.object({ id: z.number(), name: z.string(), startsOn: z.string(), endsOn: z.string() }),
  pupils: z.array(ZAdminPupil),
  movement: z.array(ZMovementEntry),
});
export type TClassDetail = z.infer<typeof ZClassDetail>;

const gender = z.enum(['m', 'f']).nullable().default(null);
const birthDate = isoDate.nullable().default(null);

export const ZPupilCreate = z.object({
  lastName: name(),
  firstName: name(),
  middleName: optionalName,
  birthDate,
  gender,
  fromDate: isoDate.optional(),
  order: z.string().trim().max(60).default(''),
});
export type TPupilCreate = z.input<typeof ZPupilCreate>;

export const ZPupilPatch = z.object({
  lastName: name().optional(),
  firstName: name().optional(),
  middleName: z.string().trim().max(60).optional(),
  birthDate: isoDate.nullable().optional(),
  gender: z.enum(['m', 'f']).nullable().optional(),
});

export const ZGuardianCreate = z.object({
  lastName: name(),
  firstName: name(),
  middleName: optionalName,
  phone: phone.default(''),
  email: email.default(''),
  relation: z.enum(RELATIONS).default('parent'),
});
export type TGuardianCreate = z.input<typeof ZGuardianCreate>;
export const ZGuardianPatch = z.object({
  lastName: name().optional(),
  firstName: name().optional(),
  middleName: z.string().trim().max(60).optional(),
  phone: phone.optional(),
  email: email.optional(),
  relation: z.enum(RELATIONS).optional(),
});

// ---------- movement ----------

const order = z.string().trim().min(1, 'required').max(60);
export const ZArrival = z.object({ classId: id, date: isoDate, order });
export const ZDeparture = z.object({ date: isoDate, order });
export const ZTransfer = z.object({ toClassId: id, date: isoDate, order });
export const ZEnrollment = z.object({ pupilId: z.number(), classId: z.number(), fromDate: z.string(), toDate: z.string().nullable() });
export const ZEnrollments = z.object({ enrollments: z.array(ZEnrollment) });

// ---------- imports ----------

export const IMPORT_KINDS = ['pupils', 'staff'] as const;
export type TImportKind = (typeof IMPORT_KINDS)[number];

/** Up to 20 MB of file, base64 in JSON (so one schema documents and checks it). */
export const ZImportUpload = z.object({
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string().trim().min(1, 'required').max(200),
  contentBase64: z.string().min(1, 'required').max(28_000_000),
});

export const ZImportProblem = z.object({
  row: z.number(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export type TImportProblem = z.infer<typeof ZImportProblem>;

export const ZImportRow = z.object({
  row: z.number(),
  status: z.enum(['new', 'existing', 'error']),
  values: z.record(z.string(), z.string()),
});
export type TImportRow = z.infer<typeof ZImportRow>;

export const ZImportPreview = z.object({
  importId: z.number(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  status: z.enum(['previewed', 'committed']),
  alreadyImportedAt: z.string().nullable(),
  columns: z.array(z.object({ header: z.string(), field: z.string().nullable() })),
  totalRows: z.number(),
  newRows: z.number(),
  existingRows: z.number(),
  errorRows: z.number(),
  problems: z.array(ZImportProblem),
  /** the first rows and every row with a problem, for the preview table */
  rows: z.array(ZImportRow),
  result: z.record(z.string(), z.unknown()).nullable(),
});
export type TImportPreview = z.infer<typeof ZImportPreview>;

export const ZImportCommit = z.object({ fromDate: isoDate.optional() });

export const ZImportResult = z.object({
  importId: z.number(),
  alreadyImported: z.boolean(),
  pupilsCreated: z.number(),
  pupilsExisting: z.number(),
  enrollmentsCreated: z.number(),
  guardiansCreated: z.number(),
  staffCreated: z.number(),
  staffExisting: z.number(),
  /** new staff accounts with their one-time passwords, shown once */
  credentials: z.array(z.object({ name: z.string(), login: z.string(), initialPassword: z.string() })),
  ms: z.number(),
});
export type TImportResult = z.infer<typeof ZImportResult>;

export const ZImportList = z.object({
  imports: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(IMPORT_KINDS),
      fileName: z.string(),
      status: z.enum(['previewed', 'committed']),
      rows: z.number(),
      createdAt: z.string(),
      committedAt: z.string().nullable(),
      by: z.string(),
    }),
  ),
});

/** Why one row of an imported file cannot be taken, in both languages. */
export const IMPORT_PROBLEMS: Record<string, Record<Lang, string>> = {
  required: { uk: 'Не заповнено: {field}.', en: 'Missing: {field}.' },
  bad_date: { uk: 'Неправильна дата народження: «{value}».', en: 'Invalid date of birth: "{value}".' },
  implausible_date: {
    uk: 'Дата народження {value} не підходить для учня.',
    en: 'The date of birth {value} does not fit a pupil.',
  },
  bad_class: { uk: 'Неправильний клас: «{value}» (очікується, наприклад, 5-А).', en: 'Invalid class: "{value}" (expected e.g. 5-А).' },
  unknown_class: { uk: 'Класу {value} немає в цьому навчальному році.', en: 'There is no class {value} this school year.' },
  duplicate_in_file: { uk: 'Повторює рядок {other}.', en: 'Repeats row {other}.' },
  in_other_class: {
    uk: 'Учень уже навчається в {value}: скористайтеся переведенням.',
    en: 'The pupil already studies in {value}: use a transfer.',
  },
  bad_gender: { uk: 'Невідома стать: «{value}».', en: 'Unknown gender: "{value}".' },
  bad_phone: { uk: 'Неправильний телефон: «{value}».', en: 'Invalid phone number: "{value}".' },
  bad_email: { uk: 'Неправильна ел. пошта: «{value}».', en: 'Invalid e-mail: "{value}".' },
  bad_role: { uk: 'Невідома роль: «{value}».', en: 'Unknown role: "{value}".' },
  login_taken: { uk: 'Логін {value} уже зайнятий.', en: 'The login {value} is already taken.' },
  bad_login: { uk: 'Логін «{value}»: латинські літери, цифри, крапка, дефіс.', en: 'Login "{value}": Latin letters, digits, dot, hyphen.' },
  too_long: { uk: 'Занадто довге значення: {field}.', en: 'The value is too long: {field}.' },
};

/** Field names of imported columns, for problems and the preview's header. */
export const IMPORT_FIELDS: Record<string, Record<Lang, string>> = {
  lastName: { uk: 'Прізвище', en: 'Last name' },
  firstName: { uk: 'Імʼя', en: 'First name' },
  middleName: { uk: 'По батькові', en: 'Middle name' },
  fullName: { uk: 'ПІБ', en: 'Full name' },
  birthDate: { uk: 'Дата народження', en: 'Date of birth' },
  classLabel: { uk: 'Клас', en: 'Class' },
  gender: { uk: 'Стать', en: 'Gender' },
  phone: { uk: 'Телефон', en: 'Phone' },
  email: { uk: 'Ел. пошта', en: 'E-mail' },
  position: { uk: 'Посада', en: 'Position' },
  roles: { uk: 'Ролі', en: 'Roles' },
  login: { uk: 'Логін', en: 'Login' },
  motherName: { uk: 'ПІБ матері', en: "Mother's name" },
  motherPhone: { uk: 'Телефон матері', en: "Mother's phone" },
  motherEmail: { uk: 'Ел. пошта матері', en: "Mother's e-mail" },
  fatherName: { uk: 'ПІБ батька', en: "Father's name" },
  fatherPhone: { uk: 'Телефон батька', en: "Father's phone" },
  fatherEmail: { uk: 'Ел. пошта батька', en: "Father's e-mail" },
  guardianName: { uk: 'ПІБ батьків / опікуна', en: "Parent's / guardian's name" },
  guardianPhone: { uk: 'Телефон батьків', en: "Parents' phone" },
  guardianEmail: { uk: 'Ел. пошта батьків', en: "Parents' e-mail" },
  guardianRelation: { uk: 'Ким доводиться', en: 'Relation' },
};
