import { z } from 'zod';

const id = z.coerce.number().int().positive();

// ---------- the end of the year: closing, reopening, promotion ----------

export const ZYearParams = z.object({ schoolId: id, yearId: id });

export const ZYearEvent = z.object({
  action: z.enum(['close', 'reopen']),
  reason: z.string(),
  at: z.string(),
  user: z.string(),
  /** gaps open at closing, by kind */
  gaps: z.record(z.string(), z.number()),
});

export const ZSchoolYear = z.object({
  id: z.number(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(['open', 'closed']),
  closedAt: z.string().nullable(),
  classes: z.number(),
  events: z.array(ZYearEvent),
});
export type TSchoolYear = z.infer<typeof ZSchoolYear>;
export const ZSchoolYears = z.object({ years: z.array(ZSchoolYear) });
export type TSchoolYears = z.infer<typeof ZSchoolYears>;

const ZGapPage = z.object({
  pageId: z.number(),
  classLabel: z.string(),
  subjectName: z.string(),
  groupName: z.string().nullable(),
  teacherName: z.string().nullable(),
});

export const ZCompleteness = z.object({
  yearId: z.number(),
  yearName: z.string(),
  status: z.enum(['open', 'closed']),
  /** pages (not on a verbal scale) where enrolled pupils have no annual mark */
  annualMarks: z.array(ZGapPage.extend({ missing: z.number(), pupils: z.array(z.string()) })),
  /** pages with lessons that have no topic */
  topics: z.array(ZGapPage.extend({ missing: z.number(), dates: z.array(z.string()) })),
  /** the controller's remarks not yet closed; null when this installation keeps no remarks */
  remarks: z
    .array(ZGapPage.extend({ remarkId: z.number(), status: z.string(), deadline: z.string(), text: z.string() }))
    .nullable(),
  total: z.number(),
});
export type TCompleteness = z.infer<typeof ZCompleteness>;

export const ZCloseYearBody = z.object({ reason: z.string().trim().max(2000).default('') });
export const ZReopenYearBody = z.object({ reason: z.string().trim().min(1, 'required').max(2000) });

export const PROMOTION_OUTCOMES = ['promote', 'repeat', 'leave', 'graduate'] as const;
export const ZPromotionOutcome = z.enum(PROMOTION_OUTCOMES);
export type TPromotionOutcome = z.infer<typeof ZPromotionOutcome>;

const ZScaleCode = z.string();

/** One promoted class's structure as the next year gets it. */
export const ZStructureClass = z.object({
  fromClass: z.string(),
  toClass: z.string(),
  /** the class already exists in the next year */
  targetExists: z.boolean(),
  /** the class of the next year already has pages: nothing is copied into it */
  skipped: z.boolean(),
  groups: z.array(z.string()),
  pages: z.array(
    z.object({
      subject: z.string(),
      group: z.string().nullable(),
      /** the same teacher, when still working at the school */
      teacher: z.string().nullable(),
      /** the former teacher who no longer works at the school: the page is copied without a teacher */
      teacherLeft: z.string().nullable(),
      hoursPerWeek: z.number(),
      /** hours come from the curriculum of the new grade (otherwise the page's own) */
      hoursFromPlan: z.boolean(),
      scaleFrom: ZScaleCode,
      scaleTo: ZScaleCode,
      /** timetable entries in force at the year's end */
      slots: z.number(),
    }),
  ),
});
export type TStructureClass = z.infer<typeof ZStructureClass>;

export const ZStructurePlan = z.object({
  classes: z.array(ZStructureClass),
  /** curriculum rows (grade x subject x hours) to copy for grades the next year has no plan for */
  curriculumRows: z.number(),
});
export type TStructurePlan = z.infer<typeof ZStructurePlan>;

export const ZStructureResult = z.object({
  classes: z.number(),
  pages: z.number(),
  groups: z.number(),
  members: z.number(),
  curriculumRows: z.number(),
  timetableEntries: z.number(),
  /** entries not copied: their teacher already teaches at that slot in the next year */
  timetableSkipped: z.number(),
  lessons: z.number(),
});
export type TStructureResult = z.infer<typeof ZStructureResult>;

export const ZPromotionPreview = z.object({
  fromYear: z.object({ id: z.number(), name: z.string(), status: z.enum(['open', 'closed']) }),
  toYear: z.object({
    id: z.number().nullable(),
    name: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    semesters: z.array(z.object({ number: z.number(), startsOn: z.string(), endsOn: z.string() })),
  }),
  /** the promotion has been applied: outcomes are what was recorded */
  applied: z.boolean(),
  /** the pages, groups and timetable to copy into the next year; null once applied */
  structure: ZStructurePlan.nullable(),
  classes: z.array(
    z.object({
      classId: z.number(),
      label: z.string(),
      grade: z.number(),
      pupils: z.array(
        z.object({ id: z.number(), name: z.string(), outcome: ZPromotionOutcome, toClass: z.string().nullable(), allowed: z.array(ZPromotionOutcome) }),
      ),
    }),
  ),
});
export type TPromotionPreview = z.infer<typeof ZPromotionPreview>;

export const ZPromotionBody = z.object({
  /** the order number and date, recorded as the arrival order of the new enrolments */
  order: z.string().trim().max(200).default(''),
  exceptions: z.array(z.object({ pupilId: z.number().int().positive(), outcome: ZPromotionOutcome })).max(5000).default([]),
  /** copy the promoted classes' pages, groups and the curriculum into the next year */
  copyStructure: z.boolean().default(true),
  /** also copy their timetable (entries in force at the year's end) and generate lessons */
  copyTimetable: z.boolean().default(false),
});
export type TPromotionBody = z.input<typeof ZPromotionBody>;

export const ZPromotionResult = z.object({
  toYearId: z.number(),
  toYearName: z.string(),
  counts: z.object({ promote: z.number(), repeat: z.number(), leave: z.number(), graduate: z.number() }),
  classesCreated: z.number(),
  /** what was copied into the next year; null when copying was not asked for */
  structure: ZStructureResult.nullable(),
});
export type TPromotionResult = z.infer<typeof ZPromotionResult>;

// ---------- the archive ----------

export const ZArchiveParams = z.object({ schoolId: id, archiveId: id });
export const ZArchiveFileQuery = z.object({ path: z.string().min(1).max(300) });
export const ZBuildArchiveBody = z.object({ yearId: z.number().int().positive() });

export const ZSignatureInfo = z.object({
  id: z.number(),
  method: z.enum(['pkcs12', 'upload']),
  file: z.string(),
  signer: z.string(),
  issuer: z.string(),
  serial: z.string(),
  signingTime: z.string().nullable(),
  algorithm: z.string(),
  certNotAfter: z.string().nullable(),
  user: z.string(),
  at: z.string(),
});
export type TSignatureInfo = z.infer<typeof ZSignatureInfo>;

export const ZArchive = z.object({
  id: z.number(),
  yearId: z.number(),
  yearName: z.string(),
  version: z.number(),
  status: z.enum(['building', 'built', 'failed']),
  files: z.number(),
  bytes: z.number(),
  pdfPages: z.number(),
  manifestSha256: z.string().nullable(),
  createdAt: z.string(),
  builtAt: z.string().nullable(),
  error: z.string().nullable(),
  progress: z.object({ done: z.number(), total: z.number(), message: z.string().optional() }).nullable(),
  /** the latest date until which any file must be kept */
  retainUntil: z.string().nullable(),
  signatures: z.array(ZSignatureInfo),
});
export type TArchive = z.infer<typeof ZArchive>;

export const ZArchiveList = z.object({
  years: z.array(z.object({ id: z.number(), name: z.string(), status: z.enum(['open', 'closed']) })),
  archives: z.array(ZArchive),
});
export type TArchiveList = z.infer<typeof ZArchiveList>;

export const ZArchiveFile = z.object({
  path: z.string(),
  kind: z.string(),
  classLabel: z.string().nullable(),
  sha256: z.string(),
  bytes: z.number(),
  retentionYears: z.number(),
  retainUntil: z.string(),
  /** destroyed by an act after its retention ended: only this record of it is kept */
  destroyed: z.boolean(),
});
export const ZArchiveFiles = z.object({ files: z.array(ZArchiveFile) });
export type TArchiveFile = z.infer<typeof ZArchiveFile>;

export const ZSignWithKeyBody = z.object({
  /** the PKCS#12 file, base64 */
  p12: z.string().min(1).max(200_000),
  /** used once to open the file, never stored */
  password: z.string().max(500),
});
export const ZUploadSignatureBody = z.object({
  /** the detached CMS signature (.p7s: DER, PEM or base64), base64 */
  p7s: z.string().min(1).max(500_000),
});

export const ZVerifyProblem = z.object({ file: z.string(), code: z.string(), message: z.string() });
export const ZVerifyReport = z.object({
  ok: z.boolean(),
  filesChecked: z.number(),
  /** files of the manifest destroyed by an act after their retention ended (listed in destroyed.json, not a failure) */
  filesDestroyed: z.number(),
  historyEntries: z.number(),
  signatures: z.array(
    z.object({
      file: z.string(),
      /** the signature is intact and made over this manifest (trust in the CA is separate) */
      ok: z.boolean(),
      signer: z.string().nullable(),
      /** the CA that issued the signer's certificate */
      issuer: z.string().nullable(),
      signingTime: z.string().nullable(),
      /** the signer's certificate dates and whether it was valid at the signing time */
      certificate: z.object({ validFrom: z.string(), validTo: z.string(), validAtSigning: z.boolean() }).nullable(),
      trustedChain: z.boolean(),
      /** trusted: chains to a trusted CA; unknown_ca: it does not (not a failure of integrity); no_list: no trusted CAs configured */
      trust: z.enum(['trusted', 'unknown_ca', 'no_list']),
      /** the chain found, from the signer up to the trusted CA */
      chain: z.array(z.string()),
      /** the trust in plain words, in the request's language */
      trustNote: z.string(),
    }),
  ),
  problems: z.array(ZVerifyProblem),
});
export type TVerifyReport = z.infer<typeof ZVerifyReport>;

/** The archived data of one class as stored (the read-only view renders these, not the live tables). */
export const ZArchiveClassView = z.object({
  classLabel: z.string(),
  files: z.array(z.object({ path: z.string(), kind: z.string() })),
});

export const ARCHIVE_FORMAT = 'klasnyi-archive/1';

/** Why a file of an archive failed verification, in both languages ({line}, {algorithm} filled in). */
export const ARCHIVE_PROBLEMS: Record<string, { uk: string; en: string }> = {
  manifest_missing: { uk: 'В архіві немає маніфесту.', en: 'The archive has no manifest.' },
  manifest_invalid: { uk: 'Маніфест пошкоджено або він не є маніфестом Класного.', en: 'The manifest is damaged or not a Klasnyi manifest.' },
  missing: { uk: 'Файлу, зазначеного в маніфесті, немає.', en: 'A file listed in the manifest is missing.' },
  hash_mismatch: { uk: 'Файл змінено: його SHA-256 не збігається з маніфестом.', en: 'The file was changed: its SHA-256 differs from the manifest.' },
  unlisted: { uk: 'Файлу немає в маніфесті.', en: 'The file is not listed in the manifest.' },
  chain_broken: {
    uk: 'Ланцюжок історії змін порушено в рядку {line}: запис змінено, вилучено або додано.',
    en: 'The change history chain breaks at line {line}: an entry was changed, removed or added.',
  },
  chain_head: {
    uk: 'Кінець ланцюжка історії не збігається з маніфестом: записи вилучено або додано в кінці.',
    en: 'The end of the history chain differs from the manifest: entries were removed or added at the end.',
  },
  not_cms: { uk: 'Файл не є підписом CMS (.p7s).', en: 'The file is not a CMS signature (.p7s).' },
  not_detached: { uk: 'Підпис не є відокремленим (містить дані).', en: 'The signature is not detached (it contains the data).' },
  unsupported_algorithm: {
    uk: 'Алгоритм підпису ({algorithm}) не підтримується: перевіряються ДСТУ 4145 з ГОСТ 34.311, ECDSA і RSA.',
    en: 'The signature algorithm ({algorithm}) is not supported: DSTU 4145 with GOST 34.311, ECDSA and RSA are checked.',
  },
  no_certificate: { uk: 'Підпис не містить сертифіката підписувача.', en: 'The signature does not include the signer’s certificate.' },
  content_type: { uk: 'Підпис не містить належного типу даних.', en: 'The signature has the wrong content type.' },
  digest_mismatch: {
    uk: 'Підпис зроблено не для цього маніфесту (геш не збігається).',
    en: 'The signature was made for another manifest (the digest differs).',
  },
  bad_signature: { uk: 'Значення підпису неправильне.', en: 'The signature value is wrong.' },
  certificate_mismatch: {
    uk: 'Сертифікат у підписі не той, що зазначено в підписаних атрибутах.',
    en: 'The certificate in the signature is not the one named in the signed attributes.',
  },
  certificate_expired: {
    uk: 'Сертифікат підписувача не був чинним на час підписання.',
    en: 'The signer’s certificate was not valid at the time of signing.',
  },
};

/** What a verification says about the signer's CA ({chain}, {issuer} filled in). */
export const TRUST_NOTES: Record<'trusted' | 'unknown_ca' | 'no_list', { uk: string; en: string }> = {
  trusted: { uk: 'Ланцюжок сертифікатів веде до довіреного центру: {chain}.', en: 'The certificate chain leads to a trusted authority: {chain}.' },
  unknown_ca: {
    uk: 'Центр, що видав сертифікат ({issuer}), не входить до переліку довірених. Цілісність не порушено: підпис відповідає маніфесту, але чи довіряти цьому центру, вирішуєте ви.',
    en: 'The authority that issued the certificate ({issuer}) is not on the trusted list. Integrity is intact: the signature matches the manifest, but whether to trust this authority is your decision.',
  },
  no_list: {
    uk: 'Перелік довірених центрів сертифікації не налаштовано: перевірено лише цілісність підпису.',
    en: 'No trusted certificate authorities are configured: only the signature’s integrity was checked.',
  },
};

// ---------- the archived files the read-only view renders (written by the archive build) ----------

export interface TArchivedHeader {
  format: string;
  school: { id: number; name: string; shortName: string; address: string; city: string };
  year: { id: number; name: string; startsOn: string; endsOn: string; status: string; closedAt: string | null };
}

export interface TArchivedSchool extends TArchivedHeader {
  kind: 'school';
  semesters: { number: number; startsOn: string; endsOn: string }[];
  classes: { id: number; label: string; classTeacher: string | null }[];
}

export interface TArchivedPage {
  id: number;
  subject: string;
  group: string | null;
  teacher: string | null;
  hoursPerWeek: number;
  scale: { code: string; name: string; values: string[] };
  pupils: { id: number; name: string; fromDate: string; toDate: string | null }[];
  lessons: { id: number; date: string; period: number; topic: string; homework: string; remote: boolean; kind: string; cancelled: boolean; substitute: string | null }[];
  columns: { id: number; kind: string; semester: number | null; title: string; afterDate: string | null; position: number }[];
  /** [lessonId, pupilId, mark, absent] */
  cells: [number, number, string, boolean][];
  /** [columnId, pupilId, mark] */
  summary: [number, number, string][];
}

export interface TArchivedJournal extends TArchivedHeader {
  kind: 'journal';
  class: { id: number; label: string; grade: number; letter: string; classTeacher: string | null };
  pages: TArchivedPage[];
}

export interface TArchivedClassTeacher extends TArchivedHeader {
  kind: 'class-teacher';
  pupils: {
    id: number;
    lastName: string;
    firstName: string;
    middleName: string;
    birthDate: string | null;
    enrollments: { fromDate: string; toDate: string | null; arrivalOrder: string; departureOrder: string }[];
    guardians: { name: string; relation: string; phone: string }[];
  }[];
  attendance: { pupilId: number; semester: number; lessons: number; days: number; illness: number; family: number; other: number; unexplained: number }[];
}

export interface TArchivedSummarySheet extends TArchivedHeader {
  kind: 'summary-sheet';
  subjects: { pageId: number; subject: string; group: string | null }[];
  pupils: { id: number; name: string }[];
  /** [pageId, pupilId, kind, semester, mark] */
  marks: [number, number, string, number | null, string][];
}

export interface TArchivedAttachments extends TArchivedHeader {
  kind: 'attachments';
  attachments: { id: number; lessonId: number; pageId: number; subject: string; group: string | null; date: string; name: string; mediaType: string; size: number; sha256: string; file: string }[];
}
