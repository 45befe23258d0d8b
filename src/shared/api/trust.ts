import { z } from 'zod';

const id = z.coerce.number().int().positive();

export const ZTrustCityParams = z.object({ cityId: id });
export const ZTrustedCaParams = z.object({ cityId: id, caId: id });

export const ZTrustedCa = z.object({
  /** null for a certificate of the TRUSTED_CA_DIR folder (removed there, not here) */
  id: z.number().nullable(),
  source: z.enum(['folder', 'city']),
  subject: z.string(),
  issuer: z.string(),
  fingerprint256: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  selfSigned: z.boolean(),
  addedBy: z.string().nullable(),
  addedAt: z.string().nullable(),
});
export type TTrustedCa = z.infer<typeof ZTrustedCa>;

export const ZTrustedCaList = z.object({
  /** TRUSTED_CA_DIR is set on this server */
  folderConfigured: z.boolean(),
  certificates: z.array(ZTrustedCa),
  /** files of the folder that are not CA certificates */
  skipped: z.array(z.object({ file: z.string(), reason: z.string() })),
});
export type TTrustedCaList = z.infer<typeof ZTrustedCaList>;

export const ZAddTrustedCaBody = z.object({
  /** a .pem (one or more certificates), .crt, .cer or .der file, base64 */
  file: z.string().min(1, 'required').max(2_000_000),
});
export type TAddTrustedCaBody = z.infer<typeof ZAddTrustedCaBody>;
