import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../db/database.js';
import { todayOf, withSystem } from '../../db/tenancy.js';
import { expiredFiles } from './retention/retention.repo.js';
import { makeSchoolCa } from './signing/ca.js';
import { loadAnchorFolder, parseCertificates, uniqueAnchors } from './trust/anchors.js';
import { openArchivePath, verifyArchive } from './verify.js';

type Print = (line: string) => void;

/**
 * `archive verify <folder|file.zip> [--ca ca.pem|folder]`: needs no database, so anyone holding an
 * archive can check it. Trusted CAs: the --ca file or folder and TRUSTED_CA_DIR. Exit code 0 when
 * the archive is intact (an unknown CA is reported, not failed), 3 when anything fails.
 */
export async function verifyFromCli(opts: { path?: string; ca?: string; trustedCaDir?: string }, print: Print): Promise<number> {
  if (!opts.path) {
    print('Usage: archive verify <archive folder or .zip> [--ca ca.pem|folder]');
    return 1;
  }
  const folders = [opts.trustedCaDir, opts.ca && statSync(opts.ca).isDirectory() ? opts.ca : undefined].map(loadAnchorFolder);
  for (const f of folders) for (const s of f.skipped) print(`WARN trusted CA list: ${s.file}: ${s.reason}`);
  const given = opts.ca && !statSync(opts.ca).isDirectory() ? parseCertificates(readFileSync(opts.ca)) : [];
  const trustedCas = uniqueAnchors(given, ...folders.map((f) => f.certificates));
  const report = await verifyArchive(openArchivePath(opts.path), { lang: 'en', trustedCas });
  if (report.manifest) print(`Archive: ${report.manifest.school.name}, ${report.manifest.year.name} (version ${report.manifest.archive.version})`);
  print(`Files checked: ${report.filesChecked}; history entries checked: ${report.historyEntries}`);
  if (report.filesDestroyed) print(`Destroyed by an act after their retention ended (listed in destroyed.json): ${report.filesDestroyed}`);
  for (const s of report.signatures) {
    print(`${s.ok ? 'OK  ' : 'FAIL'} ${s.file}: signed by ${s.signer ?? 'unknown'}${s.signingTime ? ` at ${s.signingTime}` : ''}`);
    if (s.certificate) print(`     certificate valid ${s.certificate.validFrom} – ${s.certificate.validTo}${s.certificate.validAtSigning ? ', valid at signing' : ', NOT valid at signing'}`);
    print(`     ${s.trust === 'trusted' ? 'TRUSTED' : s.trust === 'unknown_ca' ? 'UNKNOWN CA' : 'NO TRUST LIST'}: ${s.trustNote}`);
  }
  if (!report.signatures.length) print('WARN the manifest is not signed');
  for (const p of report.problems) print(`FAIL ${p.file}: ${p.message}`);
  print(report.ok ? 'Verification passed.' : `Verification FAILED: ${report.problems.length} problem(s).`);
  return report.ok ? 0 : 3;
}

/**
 * `archive make-ca --school ID --out DIR [--password P] [--key ec|rsa]`: a school CA and its
 * head's certificate for demos and tests (ca.pem, head.p12, head.pem). A real head signs with a
 * qualified certificate instead.
 */
export async function makeCaFromCli(db: Database, opts: { schoolId: number; out?: string; password?: string; key?: string }, print: Print): Promise<number> {
  if (!opts.schoolId || !opts.out) {
    print('Usage: archive make-ca --school ID --out DIR [--password P] [--key ec|rsa]');
    return 1;
  }
  const row = await withSystem(db, async (c) =>
    (
      await c.query(
        `SELECT s.name, (SELECT trim(u.last_name || ' ' || u.first_name || ' ' || u.middle_name) FROM staff_role r JOIN app_user u ON u.id = r.user_id
                          WHERE r.school_id = s.id AND r.role = 'head' ORDER BY r.user_id LIMIT 1) AS head
         FROM school s WHERE s.id = $1`,
        [opts.schoolId],
      )
    ).rows[0],
  );
  if (!row) {
    print(`No school ${opts.schoolId}.`);
    return 2;
  }
  const password = opts.password ?? randomBytes(9).toString('base64url');
  const ca = await makeSchoolCa({ schoolName: row.name, headName: row.head ?? 'Директор', password, keyType: opts.key === 'rsa' ? 'rsa' : 'ec' });
  mkdirSync(opts.out, { recursive: true });
  writeFileSync(join(opts.out, 'ca.pem'), ca.caPem);
  writeFileSync(join(opts.out, 'head.p12'), ca.headP12, { mode: 0o600 });
  writeFileSync(join(opts.out, 'head.pem'), ca.headCertPem);
  print(`Written ${join(opts.out, 'ca.pem')}, head.p12 (${row.head ?? 'Директор'}), head.pem`);
  print(`The password of head.p12: ${password}`);
  return 0;
}

/**
 * `archive expired --school ID`: the archive files whose retention ended before the journal's
 * today. It only lists them: destroying needs the head's act in the app.
 */
export async function expiredFromCli(db: Database, opts: { schoolId: number }, print: Print): Promise<number> {
  if (!opts.schoolId) {
    print('Usage: archive expired --school ID');
    return 1;
  }
  const today = todayOf(db);
  const files = await withSystem(db, (c) => expiredFiles(c, opts.schoolId, today));
  print(`Archive files of school ${opts.schoolId} whose retention ended before ${today}: ${files.length}`);
  for (const f of files) {
    print(`${f.retainUntil}  ${f.yearName} v${f.version}  ${f.path}  (${f.kind}, ${f.retentionYears} years, ${f.bytes} bytes, sha256 ${f.sha256})`);
  }
  if (files.length) print('They are destroyed only by an act the head approves (Archive → Retention).');
  return 0;
}
