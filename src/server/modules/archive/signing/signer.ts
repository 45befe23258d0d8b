import { createHash, X509Certificate } from 'node:crypto';
import { checkSignatureValue, DIGESTS, OID, type ParsedSignature, parseSignature, SIGNATURE_ALGORITHMS, signDetached } from './cms.js';
import { dstuVerifier } from './dstu.js';
import { type KeyAndCertificates, readPkcs12 } from './pkcs12.js';

/** Who signed, as the certificate says. */
export interface SignerDetails {
  signer: string;
  issuer: string;
  serial: string;
  signingTime: Date | null;
  algorithm: string;
  certNotAfter: Date | null;
}

/** Makes a detached CMS signature of a manifest. ДСТУ 4145 keys can be another implementation. */
export interface Signer {
  readonly details: Omit<SignerDetails, 'signingTime'>;
  signDetached(content: Uint8Array): Promise<Buffer>;
}

export type SignatureProblem =
  | 'not_cms'
  | 'not_detached'
  | 'unsupported_algorithm'
  | 'no_certificate'
  | 'content_type'
  | 'digest_mismatch'
  | 'bad_signature'
  | 'certificate_mismatch'
  | 'certificate_expired';

export interface SignatureCheck {
  ok: boolean;
  problem?: SignatureProblem;
  /** the algorithm named when it is not supported */
  algorithm?: string;
  details?: SignerDetails;
  /** the signer's certificate chains to one of the trusted CAs given */
  trustedChain: boolean;
  /** the chain found, from the signer's certificate up to the trusted CA (common names) */
  chain?: string[];
  /** the signer's certificate dates, and whether it was valid at the signing time */
  certificate?: { validFrom: Date; validTo: Date; validAtSigning: boolean };
}

/** Checks a detached signature over content. Verifiers are tried in order; the first that supports the algorithms decides. */
export interface SignatureVerifier {
  readonly name: string;
  supports(sig: ParsedSignature): boolean;
  verify(content: Uint8Array, sig: ParsedSignature, opts: { trustedCas: X509Certificate[] }): SignatureCheck;
}

const commonName = (dn: string) => /(?:^|\n)CN=([^\n]*)/.exec(dn)?.[1] ?? dn.replace(/\n/g, ', ');
const ALGORITHM_NAMES: Record<string, string> = { ecdsa: 'ECDSA', rsa: 'RSA' };

function detailsOf(cert: X509Certificate, sig: { signingTime: Date | null; digestAlgorithm: string; signatureAlgorithm: string }): SignerDetails {
  const key = cert.publicKey.asymmetricKeyDetails;
  const kind = ALGORITHM_NAMES[SIGNATURE_ALGORITHMS[sig.signatureAlgorithm] ?? ''] ?? sig.signatureAlgorithm;
  const size = key?.namedCurve ?? (key?.modulusLength ? `${key.modulusLength}` : '');
  return {
    signer: [commonName(cert.subject), /(?:^|\n)O=([^\n]*)/.exec(cert.subject)?.[1]].filter(Boolean).join(', '),
    issuer: commonName(cert.issuer),
    serial: cert.serialNumber,
    signingTime: sig.signingTime,
    algorithm: `${kind}${size ? ` ${size}` : ''} / ${(DIGESTS[sig.digestAlgorithm] ?? sig.digestAlgorithm).toUpperCase()}`,
    certNotAfter: new Date(cert.validTo),
  };
}

const validAt = (cert: X509Certificate, at: Date) => at >= new Date(cert.validFrom) && at <= new Date(cert.validTo);
const issuedBy = (cert: X509Certificate, ca: X509Certificate) => ca.ca && cert.checkIssued(ca) && cert.verify(ca.publicKey);

/**
 * The path from cert to a trusted CA through the certificates carried in the signature: each
 * issuer a CA that signed the certificate below it, every certificate valid at the signing time.
 * Returns the path (cert first, the trusted CA last) or null.
 */
export function trustPath(cert: X509Certificate, pool: X509Certificate[], trusted: X509Certificate[], at: Date, depth = 0): X509Certificate[] | null {
  const anchor = trusted.find((ca) => issuedBy(cert, ca) && validAt(ca, at));
  if (anchor) return [cert, anchor];
  if (depth > 4) return null;
  for (const up of pool) {
    if (up.fingerprint256 === cert.fingerprint256 || !issuedBy(cert, up) || !validAt(up, at)) continue;
    // an intermediate that is itself on the list ends the path there
    if (trusted.some((t) => t.fingerprint256 === up.fingerprint256)) return [cert, up];
    const rest = trustPath(up, pool, trusted, at, depth + 1);
    if (rest) return [cert, ...rest];
  }
  return null;
}

/** CAdES-BES / CMS with ECDSA or RSA keys: what node:crypto verifies. */
export const cmsVerifier: SignatureVerifier = {
  name: 'cms-ecdsa-rsa',
  supports: (sig) => sig.digestAlgorithm in DIGESTS && sig.signatureAlgorithm in SIGNATURE_ALGORITHMS,
  verify(content, sig, opts) {
    const fail = (problem: SignatureProblem, details?: SignerDetails): SignatureCheck => ({ ok: false, problem, details, trustedChain: false });
    if (!sig.detached) return fail('not_detached');
    if (!sig.signerCertificate) return fail('no_certificate');
    const cert = new X509Certificate(sig.signerCertificate);
    const details = detailsOf(cert, sig);
    if (sig.contentType !== OID.data) return fail('content_type', details);
    const digest = createHash(DIGESTS[sig.digestAlgorithm]).update(content).digest();
    if (!sig.messageDigest || !digest.equals(sig.messageDigest)) return fail('digest_mismatch', details);
    if (!checkSignatureValue(sig)) return fail('bad_signature', details);
    if (sig.signingCertificateHash && !sig.signingCertificateHash.equals(createHash('sha256').update(sig.signerCertificate).digest())) {
      return fail('certificate_mismatch', details);
    }
    const at = sig.signingTime ?? new Date();
    const certificate = { validFrom: new Date(cert.validFrom), validTo: new Date(cert.validTo), validAtSigning: validAt(cert, at) };
    if (!certificate.validAtSigning) return { ...fail('certificate_expired', details), certificate };
    const pool = sig.certificates.map((c) => new X509Certificate(c));
    const path = opts.trustedCas.length ? trustPath(cert, pool, opts.trustedCas, at) : null;
    return { ok: true, details, certificate, trustedChain: path !== null, ...(path ? { chain: path.map((c) => commonName(c.subject)) } : {}) };
  },
};

// ДСТУ 4145 with ГОСТ 34.311 (jkurwa), then ECDSA and RSA (node:crypto); ДСТУ 7564 «Купина» hashes could come as another.
const verifiers: SignatureVerifier[] = [dstuVerifier, cmsVerifier];

/** Adds a verifier tried before the built-in ones. */
export function registerVerifier(v: SignatureVerifier): void {
  verifiers.unshift(v);
}

/** Checks a detached signature (.p7s: DER, PEM or base64) of content. */
export function verifyDetached(content: Uint8Array, p7s: Uint8Array, opts: { trustedCas?: X509Certificate[] } = {}): SignatureCheck {
  let sig: ParsedSignature;
  try {
    sig = parseSignature(p7s);
  } catch {
    return { ok: false, problem: 'not_cms', trustedChain: false };
  }
  const verifier = verifiers.find((v) => v.supports(sig));
  if (!verifier) return { ok: false, problem: 'unsupported_algorithm', algorithm: `${sig.signatureAlgorithm} / ${sig.digestAlgorithm}`, trustedChain: false };
  return verifier.verify(content, sig, { trustedCas: opts.trustedCas ?? [] });
}

/** Signs with an ECDSA or RSA key and its certificate from a PKCS#12 file. */
export class Pkcs12Signer implements Signer {
  readonly details: Omit<SignerDetails, 'signingTime'>;

  private constructor(private readonly key: KeyAndCertificates) {
    const cert = new X509Certificate(key.certificates[0]);
    const { signingTime: _t, ...d } = detailsOf(cert, {
      signingTime: null,
      digestAlgorithm: OID.sha256,
      signatureAlgorithm: key.keyType === 'ec' ? '1.2.840.10045.4.3.2' : '1.2.840.113549.1.1.11',
    });
    this.details = d;
  }

  /** Opens the file with its password (used here once, never stored). */
  static open(file: Uint8Array, password: string): Pkcs12Signer {
    return new Pkcs12Signer(readPkcs12(file, password));
  }

  /** The certificate of the key, for a check of its dates before signing. */
  get certificate(): X509Certificate {
    return new X509Certificate(this.key.certificates[0]);
  }

  signDetached(content: Uint8Array): Promise<Buffer> {
    return signDetached(content, this.key);
  }
}
