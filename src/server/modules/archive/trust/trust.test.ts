import 'reflect-metadata';
import { X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as x509 from '@peculiar/x509';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.js';
import { tick } from '../../../jobs/worker.js';
import { type Agent, actAs, anonymous, buildTestApp } from '../../../test/app.js';
import { openTestDatabase, testEngine } from '../../../test/db.js';
import * as f from '../../../test/factories.js';
import { verifyFromCli } from '../cli.js';
import { signDetached } from '../signing/cms.js';
import { verifyDetached } from '../signing/signer.js';
import { loadAnchorFolder } from './anchors.js';

x509.cryptoProvider.set(globalThis.crypto);
const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const day = 86_400_000;
const now = Date.now();

interface Issued {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
}

/** A certificate signed by `issuer` (self-signed without one); a CA when `ca`. */
async function issue(cn: string, opts: { issuer?: Issued; ca: boolean; from?: number; to?: number }): Promise<Issued> {
  const keys = (await globalThis.crypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const base = {
    serialNumber: Math.floor(Math.random() * 1e9).toString(16),
    notBefore: new Date(opts.from ?? now - day),
    notAfter: new Date(opts.to ?? now + 365 * day),
    signingAlgorithm: EC,
    extensions: [
      new x509.BasicConstraintsExtension(opts.ca, opts.ca ? 2 : undefined, true),
      new x509.KeyUsagesExtension(opts.ca ? x509.KeyUsageFlags.keyCertSign : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
    ],
  };
  const cert = opts.issuer
    ? await x509.X509CertificateGenerator.create({ ...base, subject: `CN=${cn}, C=UA`, issuer: opts.issuer.cert.subject, publicKey: keys.publicKey, signingKey: opts.issuer.keys.privateKey })
    : await x509.X509CertificateGenerator.createSelfSigned({ ...base, name: `CN=${cn}, C=UA`, keys });
  return { cert, keys };
}

const pem = (i: Issued) => i.cert.toString('pem');
const der = (i: Issued) => Buffer.from(i.cert.rawData);
const node = (i: Issued) => new X509Certificate(der(i));

let root: Issued;
let intermediate: Issued;
let head: Issued;
let other: Issued;
let p7s: Buffer;
const manifestBytes = Buffer.from('{"kind":"manifest"}\n');

async function sign(content: Uint8Array, signer: Issued, chain: Issued[], at = new Date()): Promise<Buffer> {
  const keyPkcs8 = Buffer.from(await globalThis.crypto.subtle.exportKey('pkcs8', signer.keys.privateKey));
  return signDetached(content, { keyPkcs8, keyType: 'ec', certificates: [der(signer), ...chain.map(der)] }, at);
}

const dir = mkdtempSync(join(tmpdir(), 'klasnyi-trust-test-'));
const caDir = join(dir, 'trusted');
let db: Database;
let app: FastifyInstance;
const as: Record<string, Agent> = {};
let school: f.BuiltSchool;
let cityId: number;
let archiveId: number;

beforeAll(async () => {
  root = await issue('Кореневий центр (тест)', { ca: true, to: now + 3650 * day });
  intermediate = await issue('Кваліфікований надавач (тест)', { issuer: root, ca: true, to: now + 1825 * day });
  head = await issue('Директорка Тестенко', { issuer: intermediate, ca: false });
  other = await issue('Інший центр', { ca: true });
  p7s = await sign(manifestBytes, head, [intermediate]);
  mkdirSync(caDir);
  writeFileSync(join(caDir, 'other.pem'), pem(other));
  writeFileSync(join(caDir, 'head.crt'), pem(head));
  writeFileSync(join(caDir, 'notes.pem'), 'not a certificate');

  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY: '2026-06-26', ARCHIVE_DIR: join(dir, 'archive'), TRUSTED_CA_DIR: caDir, WORKER: 'off' });
  cityId = await f.buildCity(db);
  const otherCity = await f.buildCity(db, 'Інше місто');
  school = await f.buildSchool(db, cityId, 'Ліцей №5');
  await f.buildStaff(db, school.schoolId, 'head', ['head']);
  await f.buildCitySpecialist(db, cityId, 'city');
  await f.buildCitySpecialist(db, otherCity, 'city2');
  const classId = await f.buildClass(db, school, 6, 'А');
  await f.buildPupil(db, school.schoolId, classId, ['Петренко', 'Іра']);
  for (const login of ['head', 'city', 'city2']) as[login] = await actAs(app, login);
  expect((await as.head.post(`/api/schools/${school.schoolId}/years/${school.yearId}/close`, { reason: 'Перевірка довіри' })).statusCode).toBe(200);
  archiveId = (await as.head.post(`/api/schools/${school.schoolId}/archives`, { yearId: school.yearId })).json().id;
  await tick(db, { error: () => undefined, info: () => undefined });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe(`trusted certificate authorities (${testEngine})`, () => {
  it('finds the chain through the intermediate in the signature to a trusted root or intermediate', () => {
    const none = verifyDetached(manifestBytes, p7s);
    expect(none).toMatchObject({ ok: true, trustedChain: false, certificate: { validAtSigning: true } });
    expect(verifyDetached(manifestBytes, p7s, { trustedCas: [node(root)] })).toMatchObject({
      ok: true,
      trustedChain: true,
      chain: ['Директорка Тестенко', 'Кваліфікований надавач (тест)', 'Кореневий центр (тест)'],
    });
    expect(verifyDetached(manifestBytes, p7s, { trustedCas: [node(intermediate)] })).toMatchObject({ trustedChain: true, chain: ['Директорка Тестенко', 'Кваліфікований надавач (тест)'] });
    // an unknown CA is not a failure of the signature
    expect(verifyDetached(manifestBytes, p7s, { trustedCas: [node(other)] })).toMatchObject({ ok: true, trustedChain: false });
    // a leaf certificate on the list is no anchor
    expect(verifyDetached(manifestBytes, p7s, { trustedCas: [node(head)] })).toMatchObject({ ok: true, trustedChain: false });
  });

  it('reports a certificate that was not valid at the signing time', async () => {
    const late = await issue('Ще не чинний', { issuer: intermediate, ca: false, from: now + 10 * day, to: now + 400 * day });
    const sig = await sign(manifestBytes, late, [intermediate]);
    expect(verifyDetached(manifestBytes, sig, { trustedCas: [node(root)] })).toMatchObject({ ok: false, problem: 'certificate_expired', certificate: { validAtSigning: false } });
    const expiredIntermediate = await issue('Прострочений надавач', { issuer: root, ca: true, from: now - 400 * day, to: now - 200 * day });
    const leaf = await issue('Підписувач', { issuer: expiredIntermediate, ca: false, from: now - 300 * day, to: now + 300 * day });
    const old = await sign(manifestBytes, leaf, [expiredIntermediate]);
    // the leaf is valid today, but its issuer was not at the signing time: not trusted
    expect(verifyDetached(manifestBytes, old, { trustedCas: [node(root)] })).toMatchObject({ ok: true, trustedChain: false });
  });

  it('reads a folder of PEM and DER files, skipping what is not a CA certificate', () => {
    const folder = join(dir, 'mixed');
    mkdirSync(folder);
    writeFileSync(join(folder, 'bundle.pem'), `${pem(root)}\n${pem(intermediate)}`);
    writeFileSync(join(folder, 'other.der'), der(other));
    writeFileSync(join(folder, 'leaf.cer'), der(head));
    writeFileSync(join(folder, 'broken.crt'), 'garbage');
    writeFileSync(join(folder, 'readme.txt'), 'ignored');
    const loaded = loadAnchorFolder(folder);
    expect(loaded.certificates.map((c) => /CN=([^\n]*)/.exec(c.subject)?.[1]).sort()).toEqual(['Інший центр', 'Кваліфікований надавач (тест)', 'Кореневий центр (тест)']);
    expect(loaded.skipped.map((s) => s.file).sort()).toEqual(['broken.crt', 'leaf.cer']);
  });

  it('lets only the city’s specialists see and change the city’s list', async () => {
    const url = `/api/cities/${cityId}/trusted-cas`;
    expect((await anonymous(app, 'GET', url)).statusCode).toBe(401);
    expect((await as.head.get(url)).statusCode).toBe(403);
    expect((await as.city2.get(url)).statusCode).toBe(403);
    expect((await as.city2.post(url, { file: der(root).toString('base64') })).statusCode).toBe(403);
    const list = (await as.city.get(url)).json();
    expect(list.folderConfigured).toBe(true);
    expect(list.certificates).toEqual([expect.objectContaining({ id: null, source: 'folder', subject: 'CN=Інший центр, C=UA', selfSigned: true })]);
    expect(list.skipped.map((s: { file: string }) => s.file).sort()).toEqual(['head.crt', 'notes.pem']);
    const bad = await as.city.post(url, { file: Buffer.from('hello').toString('base64') }, 'en');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('certificate_invalid');
    const leaf = await as.city.post(url, { file: Buffer.from(`${pem(root)}${pem(head)}`).toString('base64') });
    expect(leaf.statusCode).toBe(400);
    expect(leaf.json().error.message).toContain('Директорка Тестенко');
    expect((await as.city.get(url)).json().certificates).toHaveLength(1);
  });

  it('verifies a school’s archive: unknown CA said plainly (not a failure), trusted once the city adds the root', async () => {
    const base = `/api/schools/${school.schoolId}/archives/${archiveId}`;
    const manifest = (await as.head.get(`${base}/file?path=manifest.json`)).rawPayload;
    const sig = await sign(manifest, head, [intermediate]);
    const up = await as.head.post(`${base}/signatures`, { p7s: sig.toString('base64') });
    expect(up.statusCode, up.body).toBe(200);

    const before = (await as.head.post(`${base}/verify`, {}, 'en')).json();
    expect(before.ok).toBe(true);
    expect(before.problems).toEqual([]);
    expect(before.signatures[0]).toMatchObject({ ok: true, trust: 'unknown_ca', trustedChain: false, issuer: 'Кваліфікований надавач (тест)', certificate: { validAtSigning: true } });
    expect(before.signatures[0].trustNote).toContain('is not on the trusted list. Integrity is intact');

    const url = `/api/cities/${cityId}/trusted-cas`;
    const added = await as.city.post(url, { file: Buffer.from(pem(root)).toString('base64') });
    expect(added.statusCode).toBe(200);
    const mine = added.json().certificates.find((c: { source: string }) => c.source === 'city');
    expect(mine).toMatchObject({ subject: 'CN=Кореневий центр (тест), C=UA', addedBy: 'Тестенко Олена' });
    const after = (await as.head.post(`${base}/verify`)).json();
    expect(after.signatures[0]).toMatchObject({ ok: true, trust: 'trusted', chain: ['Директорка Тестенко', 'Кваліфікований надавач (тест)', 'Кореневий центр (тест)'] });
    expect(after.signatures[0].trustNote).toBe('Ланцюжок сертифікатів веде до довіреного центру: Директорка Тестенко → Кваліфікований надавач (тест) → Кореневий центр (тест).');

    expect((await as.city.request({ method: 'DELETE', url: `${url}/${mine.id}` })).statusCode).toBe(200);
    expect((await as.head.post(`${base}/verify`)).json().signatures[0].trust).toBe('unknown_ca');
  });

  it('takes a ДСТУ 4145 signature (.p7s) made with jkurwa and verifies the archive with it', async () => {
    const base = `/api/schools/${school.schoolId}/archives/${archiveId}`;
    const manifest = (await as.head.get(`${base}/file?path=manifest.json`)).rawPayload;
    const require = createRequire(import.meta.url);
    const data = join(dirname(require.resolve('jkurwa/package.json')), 'test/data');
    const jk = require('jkurwa');
    const Message = require('jkurwa/lib/models/Message');
    const algo = require('gost89').compat.algos();
    const p7s: Buffer = new Message({
      type: 'signedData',
      cert: jk.Certificate.from_asn1(readFileSync(join(data, 'SELF_SIGNED1.cer'))),
      dataHash: algo.hash(manifest),
      hash: algo.hash,
      signTime: Math.floor(Date.parse('2020-03-02T10:00:00Z') / 1000),
      signer: jk.Priv.from_asn1(readFileSync(join(data, 'PRIV1.cer'))),
    }).as_asn1();
    const up = await as.head.post(`${base}/signatures`, { p7s: p7s.toString('base64') });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({ method: 'upload', algorithm: 'ДСТУ 4145-2002 / ГОСТ 34.311-95' });
    const report = (await as.head.post(`${base}/verify`)).json();
    expect(report.ok).toBe(true);
    expect(report.signatures.find((s: { file: string }) => s.file === up.json().file)).toMatchObject({ ok: true, trust: 'unknown_ca', certificate: { validAtSigning: true } });
  });

  it('the CLI takes --ca as a file or folder and TRUSTED_CA_DIR', async () => {
    const archive = join(dir, 'archive', `${school.schoolId}/2025-2026-v1`);
    writeFileSync(join(dir, 'root.pem'), pem(root));
    const lines: string[] = [];
    expect(await verifyFromCli({ path: archive, ca: join(dir, 'root.pem') }, (l) => lines.push(l))).toBe(0);
    expect(lines.join('\n')).toContain('TRUSTED: The certificate chain leads to a trusted authority');
    lines.length = 0;
    expect(await verifyFromCli({ path: archive, trustedCaDir: caDir }, (l) => lines.push(l))).toBe(0);
    expect(lines.join('\n')).toContain('UNKNOWN CA: The authority that issued the certificate (Кваліфікований надавач (тест)) is not on the trusted list');
    expect(lines.some((l) => l.startsWith('WARN trusted CA list: notes.pem'))).toBe(true);
    expect(readFileSync(join(archive, 'manifest.json')).length).toBeGreaterThan(0);
  });
});
