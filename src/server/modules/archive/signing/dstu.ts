/**
 * ДСТУ 4145-2002 signatures with ГОСТ 34.311-95 hashes (Ukrainian qualified signatures, КЕП):
 * the verifier in the SignatureVerifier slot. The curve arithmetic and certificates are the
 * jkurwa library's, the hash is gost89's (both from dstucrypt); nothing of the cryptography is
 * written here. See docs/decisions.md ("ДСТУ 4145").
 */
import { createRequire } from 'node:module';
import type { ParsedSignature } from './cms.js';
import type { SignatureCheck, SignatureProblem, SignatureVerifier, SignerDetails } from './signer.js';

/** The parts of jkurwa's certificate model used here (the package ships no types). */
interface JkCertificate {
  subject: Record<string, string | undefined>;
  issuer: Record<string, string | undefined>;
  serial: { toString(radix: number): string };
  valid: { from: number; to: number };
  curve: unknown;
  trusted?: boolean;
  pubkey_unpack(): { verify(hash: Buffer, signature: Buffer, endian: 'le'): boolean };
  verify(opts: { time: number; usage?: string }, hashes: Record<string, (b: Buffer) => Buffer>, lookup: (dn: string, keyId?: Buffer) => JkCertificate | null): boolean;
  isRoot(): boolean;
  subjectDN(): string;
  issuerDN(): string;
}

const require = createRequire(import.meta.url);
const jk = require('jkurwa') as { Certificate: { from_asn1(der: Buffer): JkCertificate } };
const gost89 = require('gost89') as { compat: { algos(): { hash(data: Buffer): Buffer } } };
const algos = gost89.compat.algos();
const gostHash = (data: Uint8Array) => Buffer.from(algos.hash(Buffer.from(data)));

export const DSTU_OID = {
  /** ДСТУ 4145-2002, signature in little-endian (what Ukrainian tools write) */
  dstu4145le: '1.2.804.2.1.1.1.1.3.1.1',
  /** ГОСТ 34.311-95 */
  gost34311: '1.2.804.2.1.1.1.1.2.1',
};

const nameOf = (n: Record<string, string | undefined>) => [n.commonName, n.organizationName].filter(Boolean).join(', ');

function parseCertificate(der: Uint8Array): JkCertificate | null {
  try {
    const cert = jk.Certificate.from_asn1(Buffer.from(der));
    return cert.curve ? cert : null;
  } catch {
    return null;
  }
}

/** Whether cert reaches a trusted root through the signature's certificates (jkurwa checks each link's ДСТУ signature and dates). */
function chainToTrusted(cert: JkCertificate, pool: JkCertificate[], trusted: JkCertificate[], at: number): string[] | null {
  for (const t of trusted) t.trusted = true;
  const all = [...trusted, ...pool];
  const lookup = (dn: string) => all.find((c) => c.subjectDN() === dn && (c.trusted || !c.isRoot())) ?? null;
  const ok = cert.isRoot() ? trusted.some((t) => t.subjectDN() === cert.subjectDN()) : cert.verify({ time: at }, { Dstu4145le: gostHash }, lookup);
  if (!ok) return null;
  const path = [cert];
  while (!path[path.length - 1].isRoot() && path.length < 6) {
    const up = lookup(path[path.length - 1].issuerDN());
    if (!up) break;
    path.push(up);
  }
  return path.map((c) => c.subject.commonName ?? c.subject.organizationName ?? c.subjectDN());
}

/** ДСТУ 4145 with ГОСТ 34.311: detached CAdES-BES from Ukrainian qualified signature tools. */
export const dstuVerifier: SignatureVerifier = {
  name: 'dstu-4145',
  supports: (sig) => sig.signatureAlgorithm === DSTU_OID.dstu4145le && sig.digestAlgorithm === DSTU_OID.gost34311,
  verify(content, sig: ParsedSignature, opts): SignatureCheck {
    const fail = (problem: SignatureProblem, details?: SignerDetails): SignatureCheck => ({ ok: false, problem, details, trustedChain: false });
    if (!sig.detached) return fail('not_detached');
    const cert = sig.signerCertificate && parseCertificate(sig.signerCertificate);
    if (!cert) return fail('no_certificate');
    const details: SignerDetails = {
      signer: nameOf(cert.subject),
      issuer: cert.issuer.commonName ?? nameOf(cert.issuer),
      serial: cert.serial.toString(16),
      signingTime: sig.signingTime,
      algorithm: 'ДСТУ 4145-2002 / ГОСТ 34.311-95',
      certNotAfter: new Date(cert.valid.to),
    };
    if (sig.contentType !== '1.2.840.113549.1.7.1') return fail('content_type', details);
    if (!sig.messageDigest?.equals(gostHash(content))) return fail('digest_mismatch', details);
    if (!sig.signedAttrsDer || !cert.pubkey_unpack().verify(gostHash(sig.signedAttrsDer), sig.signature, 'le')) return fail('bad_signature', details);
    const at = (sig.signingTime ?? new Date()).getTime();
    const certificate = { validFrom: new Date(cert.valid.from), validTo: new Date(cert.valid.to), validAtSigning: at >= cert.valid.from && at <= cert.valid.to };
    if (!certificate.validAtSigning) return { ...fail('certificate_expired', details), certificate };
    const trusted = opts.trustedCas.map((c) => parseCertificate(c.raw)).filter((c): c is JkCertificate => c !== null);
    const pool = sig.certificates.map(parseCertificate).filter((c): c is JkCertificate => c !== null);
    const chain = trusted.length ? chainToTrusted(cert, pool, trusted, at) : null;
    return { ok: true, details, certificate, trustedChain: chain !== null, ...(chain ? { chain } : {}) };
  },
};
