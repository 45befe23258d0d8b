import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { checkChain, HashChain } from '../chain.js';
import { makeSchoolCa } from './ca.js';
import { parseSignature, signDetached } from './cms.js';
import { readPkcs12 } from './pkcs12.js';
import { registerVerifier, verifyDetached } from './signer.js';

const DSTU_4145 = '1.2.804.2.1.1.1.1.3.1.1';

describe('hash chain', () => {
  const chain = new HashChain();
  const text = [{ field: 'mark', new: '10' }, { field: 'mark', new: '11' }, { field: 'attendance', new: 'н' }].map((e) => chain.line(e)).join('');

  it('accepts an intact chain and its head', () => {
    expect(checkChain(text, chain.head, 3)).toEqual({ ok: true, entries: 3, head: chain.head });
  });

  it('finds a changed, removed or added entry', () => {
    const lines = text.trimEnd().split('\n');
    expect(checkChain(lines.map((l, i) => (i === 1 ? l.replace('"11"', '"12"') : l)).join('\n'), chain.head, 3)).toMatchObject({ ok: false, brokenAt: 2, reason: 'hash_mismatch' });
    expect(checkChain([lines[0], lines[2]].join('\n'), chain.head, 3)).toMatchObject({ ok: false, brokenAt: 2, reason: 'prev_mismatch' });
    // the last line gone: every link holds, only the manifest's head shows it
    expect(checkChain(lines.slice(0, 2).join('\n'), chain.head, 3)).toMatchObject({ ok: false, reason: 'head_mismatch' });
  });
});

describe('keys and signatures', () => {
  it('writes and reads a PKCS#12 with an RSA key and a Cyrillic password, refusing a wrong one', async () => {
    const ca = await makeSchoolCa({ schoolName: 'Гімназія №5', headName: 'Ґонта Їжак', password: 'Пароль ґ', keyType: 'rsa' });
    const k = readPkcs12(ca.headP12, 'Пароль ґ');
    expect(k.keyType).toBe('rsa');
    expect(k.certificates).toHaveLength(2);
    expect(() => readPkcs12(ca.headP12, 'пароль ґ')).toThrow(expect.objectContaining({ code: 'pkcs12_password' }));
    expect(() => readPkcs12(Buffer.from('not a key'), 'x')).toThrow(expect.objectContaining({ code: 'pkcs12_invalid' }));
  });

  it('verifies its own CAdES-BES signature and refuses other content or garbage', async () => {
    const ca = await makeSchoolCa({ schoolName: 'Ліцей', headName: 'Директор', password: 'p' });
    const content = Buffer.from('{"manifest":1}\n');
    const p7s = await signDetached(content, readPkcs12(ca.headP12, 'p'));
    const parsed = parseSignature(p7s);
    expect(parsed).toMatchObject({ detached: true, contentType: '1.2.840.113549.1.7.1' });
    expect(parsed.signingCertificateHash).toHaveLength(32);
    expect(verifyDetached(content, p7s)).toMatchObject({ ok: true, details: { signer: 'Директор, Ліцей' } });
    expect(verifyDetached(Buffer.from('{"manifest":2}\n'), p7s)).toMatchObject({ ok: false, problem: 'digest_mismatch' });
    expect(verifyDetached(content, Buffer.from('-----BEGIN PKCS7-----\nAAAA\n-----END PKCS7-----'))).toMatchObject({ ok: false, problem: 'not_cms' });
  });

  it('names an algorithm it cannot check, and takes another verifier for it', async () => {
    const ca = await makeSchoolCa({ schoolName: 'Ліцей', headName: 'Директор', password: 'p' });
    const content = Buffer.from('manifest');
    const info = pkijs.ContentInfo.fromBER(Uint8Array.from(await signDetached(content, readPkcs12(ca.headP12, 'p'))).buffer);
    const sd = new pkijs.SignedData({ schema: info.content });
    sd.signerInfos[0].signatureAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: DSTU_4145 });
    const dstu = Buffer.from(new pkijs.ContentInfo({ contentType: info.contentType, content: sd.toSchema(true) }).toSchema().toBER(false));
    expect(verifyDetached(content, dstu)).toMatchObject({ ok: false, problem: 'unsupported_algorithm', algorithm: expect.stringContaining(DSTU_4145) });
    registerVerifier({ name: 'dstu-test', supports: (s) => s.signatureAlgorithm === DSTU_4145, verify: () => ({ ok: true, trustedChain: false }) });
    expect(verifyDetached(content, dstu)).toEqual({ ok: true, trustedChain: false });
  });
});
