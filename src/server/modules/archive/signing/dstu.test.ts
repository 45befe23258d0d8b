import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSignature } from './cms.js';
import { DSTU_OID } from './dstu.js';
import { verifyDetached } from './signer.js';

// a ДСТУ 4145 key and its self-signed certificate (valid 2017-07-14 – 2023-11-14) shipped with jkurwa for its tests
const require = createRequire(import.meta.url);
const data = join(dirname(require.resolve('jkurwa/package.json')), 'test/data');
const jk = require('jkurwa');
const Message = require('jkurwa/lib/models/Message');
const algo = require('gost89').compat.algos();
const key = jk.Priv.from_asn1(readFileSync(join(data, 'PRIV1.cer')));
const certDer = readFileSync(join(data, 'SELF_SIGNED1.cer'));
const cert = jk.Certificate.from_asn1(certDer);

/** A detached CAdES-BES signature made by jkurwa with the ДСТУ 4145 key, as Ukrainian tools make them. */
function signDstu(content: Buffer, at: Date): Buffer {
  return new Message({ type: 'signedData', cert, dataHash: algo.hash(content), hash: algo.hash, signTime: Math.floor(at.getTime() / 1000), signer: key }).as_asn1();
}

const manifest = Buffer.from('{"format":"klasnyi-archive/1","kind":"manifest","files":[]}\n');
const inValidity = new Date('2020-03-02T10:00:00Z');

describe('ДСТУ 4145 signatures (jkurwa)', () => {
  it('verifies a detached signature jkurwa made over a manifest', () => {
    const p7s = signDstu(manifest, inValidity);
    const parsed = parseSignature(p7s);
    expect(parsed).toMatchObject({ signatureAlgorithm: DSTU_OID.dstu4145le, digestAlgorithm: DSTU_OID.gost34311, detached: true });
    const check = verifyDetached(manifest, p7s);
    expect(check).toMatchObject({
      ok: true,
      trustedChain: false,
      details: { algorithm: 'ДСТУ 4145-2002 / ГОСТ 34.311-95', signingTime: inValidity },
      certificate: { validAtSigning: true, validFrom: new Date('2017-07-14T02:40:00Z'), validTo: new Date('2023-11-14T22:13:20Z') },
    });
    expect(check.details?.signer).toContain('Very Much CA');
  });

  it('refuses another manifest, a changed signature value, and a certificate not valid at the signing time', () => {
    const p7s = signDstu(manifest, inValidity);
    expect(verifyDetached(Buffer.from(`${manifest} `), p7s)).toMatchObject({ ok: false, problem: 'digest_mismatch' });
    const broken = Buffer.from(p7s);
    const sig = parseSignature(p7s).signature;
    const at = broken.indexOf(sig);
    broken[at + 5] ^= 0x01;
    expect(verifyDetached(manifest, broken)).toMatchObject({ ok: false, problem: 'bad_signature' });
    expect(verifyDetached(manifest, signDstu(manifest, new Date('2025-01-10T10:00:00Z')))).toMatchObject({
      ok: false,
      problem: 'certificate_expired',
      certificate: { validAtSigning: false },
    });
  });

  it('reports the chain as trusted when the certificate (a self-signed root here) is on the trusted list', () => {
    const p7s = signDstu(manifest, inValidity);
    const anchor = new X509Certificate(certDer);
    expect(verifyDetached(manifest, p7s, { trustedCas: [anchor] })).toMatchObject({ ok: true, trustedChain: true, chain: ['Very Much CA'] });
    const other = new X509Certificate(readFileSync(join(data, 'CZOROOT.cer')));
    expect(verifyDetached(manifest, p7s, { trustedCas: [other] })).toMatchObject({ ok: true, trustedChain: false });
  });
});
