import { z } from 'zod';

const id = z.coerce.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date');

export const ZConsentAction = z.enum(['given', 'withdrawn']);
export const ZConsentChannel = z.enum(['paper', 'electronic']);
export type TConsentAction = z.infer<typeof ZConsentAction>;

export const ZPupilConsentParams = z.object({ schoolId: id, pupilId: id });
export const ZClassConsentParams = z.object({ schoolId: id, classId: id });
export const ZScanParams = z.object({ schoolId: id, scanId: id });

/** A version of the privacy notice (Ukrainian text) a guardian reads before consenting. */
export const ZNotice = z.object({
  id: z.number(),
  level: z.enum(['default', 'city', 'school']),
  scope: z.string(),
  version: z.number(),
  title: z.string(),
  body: z.string(),
  purposes: z.array(z.string()),
  publishedAt: z.string(),
});
export type TNotice = z.infer<typeof ZNotice>;
export const ZNoticeList = z.object({ current: ZNotice, versions: z.array(ZNotice) });

export const ZPublishNoticeBody = z.object({
  title: z.string().trim().min(1, 'required').max(300),
  body: z.string().trim().min(1, 'required').max(20_000),
  purposes: z.array(z.string().trim().min(1, 'required').max(300)).min(1).max(10),
});

/** A scan of a signed paper, base64: PDF, JPEG or PNG up to 4 MB (the type is read from the bytes). */
export const ZScanUpload = z.object({
  fileName: z.string().trim().max(200).default(''),
  contentBase64: z.string().min(1, 'required').max(5_800_000),
});

/** The school records a guardian's paper consent (with its scan) or withdrawal. */
export const ZRecordConsentBody = z.object({
  guardianId: id,
  action: ZConsentAction,
  signedOn: isoDate,
  noticeId: id.optional(),
  scan: ZScanUpload.optional(),
  note: z.string().trim().max(500).default(''),
});
export type TRecordConsentBody = z.infer<typeof ZRecordConsentBody>;

export const ZConsentRecord = z.object({
  id: z.number(),
  pupilId: z.number(),
  guardianId: z.number(),
  guardianName: z.string(),
  scope: z.string(),
  purposes: z.array(z.string()),
  noticeId: z.number(),
  noticeVersion: z.number(),
  action: ZConsentAction,
  channel: ZConsentChannel,
  signedOn: z.string(),
  scanId: z.number().nullable(),
  scanType: z.string().nullable(),
  note: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
});
export type TConsentRecord = z.infer<typeof ZConsentRecord>;

export const ZConsentHistory = z.object({
  pupil: z.object({ id: z.number(), name: z.string(), classLabel: z.string().nullable() }),
  valid: z.boolean(),
  records: z.array(ZConsentRecord),
});
export type TConsentHistory = z.infer<typeof ZConsentHistory>;

export const ZRecordConsentResult = z.object({ record: ZConsentRecord, valid: z.boolean(), cancelledNotifications: z.number() });

const ZInvitationState = z.object({ expiresAt: z.string(), usedAt: z.string().nullable() }).nullable();

export const ZRegisterGuardian = z.object({
  id: z.number(),
  name: z.string(),
  relation: z.string(),
  hasAccount: z.boolean(),
  latest: ZConsentRecord.nullable(),
  invitation: ZInvitationState,
});
export const ZRegisterPupil = z.object({
  id: z.number(),
  name: z.string(),
  valid: z.boolean(),
  hasAccount: z.boolean(),
  invitation: ZInvitationState,
  guardians: z.array(ZRegisterGuardian),
});
export type TRegisterPupil = z.infer<typeof ZRegisterPupil>;
export const ZClassConsentRegister = z.object({
  class: z.object({ id: z.number(), label: z.string() }),
  notice: ZNotice,
  consented: z.number(),
  total: z.number(),
  pupils: z.array(ZRegisterPupil),
});
export type TClassConsentRegister = z.infer<typeof ZClassConsentRegister>;

export const ZCoverage = z.object({ total: z.number(), consented: z.number(), share: z.number() });
export const ZConsentDashboard = z.object({
  school: ZCoverage,
  classes: z.array(ZCoverage.extend({ classId: z.number(), label: z.string() })),
  missing: z.array(
    z.object({ pupilId: z.number(), name: z.string(), classId: z.number(), classLabel: z.string(), withdrawn: z.boolean(), guardians: z.number() }),
  ),
  /** the notice shown now */
  notice: ZNotice.pick({ id: true, version: true, level: true, publishedAt: true }),
  /** pupils with valid consent given only to an older version of the notice (asked to confirm the new one) */
  olderVersion: z.number(),
});
export type TConsentDashboard = z.infer<typeof ZConsentDashboard>;

/** For the city dashboard: aggregates only, no names. */
export const ZSchoolCoverage = ZCoverage.extend({ schoolId: z.number(), schoolName: z.string() });
export type TSchoolCoverage = z.infer<typeof ZSchoolCoverage>;

// ---------- the parent's own consents ----------

export const ZMyConsent = z.object({
  schoolId: z.number(),
  schoolName: z.string(),
  pupilId: z.number(),
  pupilName: z.string(),
  classLabel: z.string().nullable(),
  guardianId: z.number(),
  /** the pupil has a valid consent (from this or another guardian) */
  valid: z.boolean(),
  mine: ZConsentRecord.nullable(),
  notice: ZNotice,
  /** my consent was given to an older version of the notice: I am asked to read the new one and confirm */
  reconfirm: z.boolean(),
});
export type TMyConsent = z.infer<typeof ZMyConsent>;
export const ZMyConsents = z.object({ items: z.array(ZMyConsent) });
export const ZConsentFormsQuery = z.object({ pupilId: id.optional() });
export const ZMyConsentBody = z.object({ schoolId: id, pupilId: id, action: ZConsentAction, noticeId: id });

// ---------- invitations ----------

export const ZInvitationBody = z.object({
  pupilIds: z.array(id).max(60).optional(),
  include: z.enum(['guardians', 'pupils', 'both']).default('both'),
  validDays: z.coerce.number().int().min(1).max(90).optional(),
});
export type TInvitationBody = z.infer<typeof ZInvitationBody>;

export const ZIssuedCode = z.object({
  invitationId: z.number(),
  pupilId: z.number(),
  pupilName: z.string(),
  guardianId: z.number().nullable(),
  personName: z.string(),
  code: z.string(),
  expiresAt: z.string(),
});
export type TIssuedCode = z.infer<typeof ZIssuedCode>;
export const ZInvitationBatch = z.object({
  issued: z.array(ZIssuedCode),
  skipped: z.array(
    z.object({ pupilId: z.number(), pupilName: z.string(), personName: z.string(), reason: z.enum(['no_consent', 'has_account', 'no_guardians']) }),
  ),
});
export type TInvitationBatch = z.infer<typeof ZInvitationBatch>;

export const ZInvitationLookupBody = z.object({ code: z.string().trim().min(1, 'required').max(40) });
export const ZInvitationInfo = z.object({
  kind: z.enum(['guardian', 'pupil']),
  schoolName: z.string(),
  pupilName: z.string(),
  personName: z.string(),
  /** the family must consent before the account opens (guardians only) */
  consentNeeded: z.boolean(),
  notice: ZNotice,
  expiresAt: z.string(),
});
export type TInvitationInfo = z.infer<typeof ZInvitationInfo>;

export const ZRedeemBody = z.object({
  code: z.string().trim().min(1, 'required').max(40),
  login: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'required')
    .refine((v) => /^[a-z0-9][a-z0-9.-]{2,59}$/.test(v), 'invalid_login'),
  password: z.string().min(1, 'required').max(200),
  email: z.union([z.literal(''), z.email()]).optional(),
  consent: z.object({ noticeId: id, accept: z.literal(true) }).optional(),
});
export type TRedeemBody = z.infer<typeof ZRedeemBody>;
export const ZRedeemResult = z.object({ ok: z.literal(true), schoolId: z.number(), pupilId: z.number(), kind: z.enum(['guardian', 'pupil']) });
