import { X509Certificate } from 'node:crypto';
import type { TTrustedCa, TTrustedCaList } from '../../../../shared/api/trust.js';
import type { Database } from '../../../db/database.js';
import { withSystem } from '../../../db/tenancy.js';
import { AppError } from '../../../http/errors.js';
import { loadAnchorFolder, parseCertificates, uniqueAnchors } from './anchors.js';

const oneLine = (dn: string) => dn.replace(/\n/g, ', ');

function describe(cert: X509Certificate, source: 'folder' | 'city'): Omit<TTrustedCa, 'id' | 'addedBy' | 'addedAt'> {
  return {
    source,
    subject: oneLine(cert.subject),
    issuer: oneLine(cert.issuer),
    fingerprint256: cert.fingerprint256,
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    selfSigned: cert.subject === cert.issuer && cert.verify(cert.publicKey),
  };
}

/** The CAs a city trusts: the server's folder (TRUSTED_CA_DIR) and the certificates the city uploaded. */
export async function listTrustedCas(db: Database, dir: string | undefined, cityId: number): Promise<TTrustedCaList> {
  const folder = loadAnchorFolder(dir);
  const rows = await withSystem(db, async (c) =>
    (
      await c.query(
        `SELECT t.id, t.der, trim(u.last_name || ' ' || u.first_name) AS "addedBy", t.added_at AS "addedAt"
         FROM trusted_ca t JOIN app_user u ON u.id = t.added_by WHERE t.city_id = $1 ORDER BY t.added_at, t.id`,
        [cityId],
      )
    ).rows as { id: number; der: Buffer; addedBy: string; addedAt: Date }[],
  );
  return {
    folderConfigured: Boolean(dir),
    certificates: [
      ...folder.certificates.map((c) => ({ id: null, ...describe(c, 'folder'), addedBy: null, addedAt: null })),
      ...rows.map((r) => ({ id: r.id, ...describe(new X509Certificate(r.der), 'city'), addedBy: r.addedBy, addedAt: new Date(r.addedAt).toISOString() })),
    ],
    skipped: folder.skipped,
  };
}

/** Adds every CA certificate of an uploaded file to the city's list (all or nothing; known ones are skipped). */
export async function addTrustedCas(db: Database, dir: string | undefined, cityId: number, userId: number, file: Buffer): Promise<TTrustedCaList> {
  let certs: X509Certificate[];
  try {
    certs = parseCertificates(file);
  } catch {
    throw new AppError('certificate_invalid');
  }
  const notCa = certs.find((c) => !c.ca);
  if (notCa) throw new AppError('not_ca_certificate', { subject: oneLine(notCa.subject) });
  await withSystem(db, async (c) => {
    for (const cert of certs) {
      await c.query(
        `INSERT INTO trusted_ca (city_id, subject, issuer, fingerprint256, not_before, not_after, der, added_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (city_id, fingerprint256) DO NOTHING`,
        [cityId, oneLine(cert.subject), oneLine(cert.issuer), cert.fingerprint256, new Date(cert.validFrom), new Date(cert.validTo), cert.raw, userId],
      );
    }
  });
  return listTrustedCas(db, dir, cityId);
}

/** Removes a certificate the city uploaded: signatures chaining only to it are then reported as of an unknown CA. */
export async function removeTrustedCa(db: Database, dir: string | undefined, cityId: number, caId: number): Promise<TTrustedCaList> {
  const gone = await withSystem(db, (c) => c.query('DELETE FROM trusted_ca WHERE city_id = $1 AND id = $2', [cityId, caId]));
  if (!gone.rowCount) throw new AppError('not_found');
  return listTrustedCas(db, dir, cityId);
}

/** The anchors for verifying a school's archive: the folder's and its city's certificates. */
export async function anchorsForSchool(db: Database, dir: string | undefined, schoolId: number): Promise<X509Certificate[]> {
  const rows = await withSystem(db, async (c) =>
    (await c.query('SELECT t.der FROM trusted_ca t JOIN school s ON s.city_id = t.city_id WHERE s.id = $1', [schoolId])).rows as { der: Buffer }[],
  );
  return uniqueAnchors(
    loadAnchorFolder(dir).certificates,
    rows.map((r) => new X509Certificate(r.der)),
  );
}
