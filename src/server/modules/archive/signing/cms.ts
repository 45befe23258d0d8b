import { createHash, createPrivateKey, verify as cryptoVerify, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { KeyAndCertificates } from './pkcs12.js';

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: globalThis.crypto }));

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
};

/** Digest algorithms node:crypto computes, by OID. */
export const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.3.14.3.2.26': 'sha1',
};

const buf = (b: ArrayBuffer | ArrayBufferView) => (ArrayBuffer.isView(b) ? Buffer.from(b.buffer, b.byteOffset, b.byteLength) : Buffer.from(b));
const ab = (b: Uint8Array): ArrayBuffer => Uint8Array.from(b).buffer;

/**
 * ESS signing-certificate-v2 (RFC 5035) naming the signer's certificate by its SHA-256 and
 * issuer + serial: what makes a CMS signature CAdES-BES. Hash SHA-256 is the default, so omitted.
 */
function signingCertificateV2(cert: pkijs.Certificate, certDer: Buffer): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })] }),
      cert.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: ab(createHash('sha256').update(certDer).digest()) }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

async function importSigningKey(k: KeyAndCertificates): Promise<CryptoKey> {
  if (k.keyType === 'rsa') {
    return globalThis.crypto.subtle.importKey('pkcs8', ab(k.keyPkcs8), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  }
  const curve = createPrivateKey({ key: k.keyPkcs8, format: 'der', type: 'pkcs8' }).asymmetricKeyDetails?.namedCurve;
  const namedCurve = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' }[curve ?? ''];
  if (!namedCurve) throw new Error(`unsupported curve ${curve}`);
  return globalThis.crypto.subtle.importKey('pkcs8', ab(k.keyPkcs8), { name: 'ECDSA', namedCurve }, false, ['sign']);
}

/**
 * A detached CMS SignedData (CAdES-BES) over content: content-type, signing-time, message-digest
 * (SHA-256) and signing-certificate-v2 as signed attributes, the certificates included. DER.
 */
export async function signDetached(content: Uint8Array, k: KeyAndCertificates, signingTime = new Date()): Promise<Buffer> {
  const [certDer, ...chain] = k.certificates;
  const cert = pkijs.Certificate.fromBER(ab(certDer));
  const digest = createHash('sha256').update(content).digest();
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
      }),
    ],
    certificates: [cert, ...chain.map((c) => pkijs.Certificate.fromBER(ab(c)))],
  });
  signedData.signerInfos[0].signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: signingTime })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: ab(digest) })] }),
      new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(cert, certDer)] }),
    ],
  });
  await signedData.sign(await importSigningKey(k), 0, 'SHA-256', ab(Buffer.from(content)));
  const info = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return buf(info.toSchema().toBER(false));
}

/** A CMS signature taken apart: what a verifier needs, whatever the algorithms. */
export interface ParsedSignature {
  digestAlgorithm: string;
  signatureAlgorithm: string;
  /** the DER of the signed attributes as a SET (what was signed) */
  signedAttrsDer: Buffer | null;
  signature: Buffer;
  contentType: string | null;
  messageDigest: Buffer | null;
  signingTime: Date | null;
  signingCertificateHash: Buffer | null;
  /** the signer's certificate (DER), when included */
  signerCertificate: Buffer | null;
  certificates: Buffer[];
  detached: boolean;
}

/** Accepts DER, PEM (PKCS7/CMS) or bare base64. */
export function normalizeSignature(file: Uint8Array): Buffer {
  const b = Buffer.from(file);
  if (b[0] === 0x30) return b;
  const text = b.toString('latin1').replace(/-----(BEGIN|END)[^-]+-----/g, '').replace(/\s+/g, '');
  return Buffer.from(text, 'base64');
}

function certMatches(cert: pkijs.Certificate, sid: unknown): boolean {
  if (sid instanceof pkijs.IssuerAndSerialNumber) return cert.issuer.isEqual(sid.issuer) && cert.serialNumber.isEqual(sid.serialNumber);
  // subjectKeyIdentifier [0]
  const ski = cert.extensions?.find((e) => e.extnID === '2.5.29.14')?.parsedValue as asn1js.OctetString | undefined;
  const want = (sid as asn1js.Primitive | undefined)?.valueBlock?.valueHexView;
  return !!ski && !!want && Buffer.from(ski.valueBlock.valueHexView).equals(Buffer.from(want));
}

/** Parses a detached CMS SignedData (first signer). Throws on anything that is not one. */
export function parseSignature(p7s: Uint8Array): ParsedSignature {
  const info = pkijs.ContentInfo.fromBER(ab(normalizeSignature(p7s)));
  if (info.contentType !== OID.signedData) throw new Error('not a CMS SignedData');
  const sd = new pkijs.SignedData({ schema: info.content });
  const si = sd.signerInfos[0];
  if (!si) throw new Error('no signer');
  const attr = (oid: string) => si.signedAttrs?.attributes.find((a) => a.type === oid)?.values[0];
  const certs = (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const signer = certs.find((c) => certMatches(c, si.sid));
  // signed as a universal SET, not as the [0] IMPLICIT it is stored as (RFC 5652, 5.4)
  const signedAttrsDer = si.signedAttrs ? Buffer.concat([Buffer.from([0x31]), buf(si.signedAttrs.encodedValue).subarray(1)]) : null;
  const hashOf = (v: unknown) => (v instanceof asn1js.OctetString ? Buffer.from(v.valueBlock.valueHexView) : null);
  const time = attr(OID.signingTime) as asn1js.UTCTime | asn1js.GeneralizedTime | undefined;
  const scv2 = attr(OID.signingCertificateV2) as asn1js.Sequence | undefined;
  let signingCertificateHash: Buffer | null = null;
  const certs2 = scv2?.valueBlock.value[0];
  const essCertId = certs2 instanceof asn1js.Sequence ? certs2.valueBlock.value[0] : undefined;
  if (essCertId instanceof asn1js.Sequence) signingCertificateHash = hashOf(essCertId.valueBlock.value.find((x) => x instanceof asn1js.OctetString));
  return {
    digestAlgorithm: si.digestAlgorithm.algorithmId,
    signatureAlgorithm: si.signatureAlgorithm.algorithmId,
    signedAttrsDer,
    signature: Buffer.from(si.signature.valueBlock.valueHexView),
    contentType: (attr(OID.contentType) as asn1js.ObjectIdentifier | undefined)?.valueBlock.toString() ?? null,
    messageDigest: hashOf(attr(OID.messageDigest)),
    signingTime: time?.toDate() ?? null,
    signingCertificateHash,
    signerCertificate: signer ? buf(signer.toSchema().toBER(false)) : null,
    certificates: certs.map((c) => buf(c.toSchema().toBER(false))),
    detached: !sd.encapContentInfo.eContent,
  };
}

/** Signature algorithms node:crypto checks: the hash comes from the signer info's digest algorithm. */
export const SIGNATURE_ALGORITHMS: Record<string, 'ecdsa' | 'rsa'> = {
  '1.2.840.10045.2.1': 'ecdsa',
  '1.2.840.10045.4.3.2': 'ecdsa',
  '1.2.840.10045.4.3.3': 'ecdsa',
  '1.2.840.10045.4.3.4': 'ecdsa',
  '1.2.840.113549.1.1.1': 'rsa',
  '1.2.840.113549.1.1.11': 'rsa',
  '1.2.840.113549.1.1.12': 'rsa',
  '1.2.840.113549.1.1.13': 'rsa',
};

/** Checks the signature value over the signed attributes with the signer certificate's key. */
export function checkSignatureValue(p: ParsedSignature): boolean {
  if (!p.signedAttrsDer || !p.signerCertificate) return false;
  const hash = DIGESTS[p.digestAlgorithm];
  const key = new X509Certificate(p.signerCertificate).publicKey;
  return cryptoVerify(hash, p.signedAttrsDer, key, p.signature);
}
