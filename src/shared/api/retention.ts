import { z } from 'zod';

const id = z.coerce.number().int().positive();

export const ZActParams = z.object({ schoolId: id, actId: id });

/** A file of an archive and how long it is kept. */
export const ZRetentionItem = z.object({
  archiveId: z.number(),
  yearName: z.string(),
  version: z.number(),
  path: z.string(),
  kind: z.string(),
  classLabel: z.string().nullable(),
  bytes: z.number(),
  sha256: z.string(),
  retentionYears: z.number(),
  retainUntil: z.string(),
});
export type TRetentionItem = z.infer<typeof ZRetentionItem>;

export const ZDestructionAct = z.object({
  id: z.number(),
  number: z.number(),
  reason: z.string(),
  approvedBy: z.string(),
  approvedOn: z.string(),
  approvedAt: z.string(),
  files: z.number(),
  bytes: z.number(),
  /** SHA-256 of the act's PDF, kept beside the archives */
  pdfSha256: z.string().nullable(),
  /** what was destroyed: each file's metadata, with the SHA-256 of the manifest that listed it */
  items: z.array(ZRetentionItem.extend({ manifestSha256: z.string().nullable() })),
});
export type TDestructionAct = z.infer<typeof ZDestructionAct>;

export const ZRetentionOverview = z.object({
  /** the journal's today: a file is expired when its retention ended before it */
  today: z.string(),
  expired: z.array(ZRetentionItem),
  /** files whose retention ends within the next year */
  expiringSoon: z.number(),
  /** the next date a retention ends, if any file is still kept */
  nextExpiry: z.string().nullable(),
  acts: z.array(ZDestructionAct),
});
export type TRetentionOverview = z.infer<typeof ZRetentionOverview>;

export const ZApproveActBody = z.object({
  reason: z.string().trim().min(1, 'required').max(2000),
  /** the expired files the head destroys (from the list) */
  files: z
    .array(z.object({ archiveId: z.number().int().positive(), path: z.string().min(1).max(300) }))
    .min(1, 'required')
    .max(100_000),
});
export type TApproveActBody = z.input<typeof ZApproveActBody>;

export const ZApproveActResult = z.object({
  act: ZDestructionAct,
  /** files removed from the storage now (a file already gone is not counted) */
  deleted: z.number(),
});
export type TApproveActResult = z.infer<typeof ZApproveActResult>;
