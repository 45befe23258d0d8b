import { createCipheriv, createHash, createHmac, createPrivateKey, createPublicKey, type KeyObject, pbkdf2Sync, randomBytes, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import { AppError } from '../../../http/errors.js';

/** What a PKCS#12 file holds for signing: the key (PKCS#8 DER) and the certificates (DER). */
export interface KeyAndCertificates {
  keyPkcs8: Buffer;
  keyType: 'ec' | 'rsa';
  /** the certificate of the key first, then the rest of the chain */
  certificates: Buffer[];
}

const OID = {
  data: '1.2.840.113549.1.7.1',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacSha256: '1.2.840.113549.2.9',
  aes256cbc: '2.16.840.1.101.3.4.1.42',
  sha256: '2.16.840.1.101.3.4.2.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  localKeyId: '1.2.840.113549.1.9.21',
  friendlyName: '1.2.840.113549.1.9.20',
};

// PBES2 (PKCS#5) derives the key from the password's UTF-8 bytes, as OpenSSL does; forge would
// take the low byte of each character, so a Cyrillic password could never open an AES file.
// The PKCS#12 MAC and the legacy PBE schemes keep forge's own (correct, BMPString) handling.
const pbe = (forge.pki as unknown as { pbe: { getCipherForPBES2: (oid: string, params: unknown, password: string) => unknown } }).pbe;
const getCipherForPBES2 = pbe.getCipherForPBES2;
pbe.getCipherForPBES2 = (oid, params, password) => getCipherForPBES2(oid, params, forge.util.encodeUtf8(password));

/**
 * Reads a PKCS#12 file with its password. node-forge decrypts every scheme in use (PBES2 with
 * AES, and the legacy 3DES and RC2 ones that older tools still write); EC keys come out as
 * ASN.1, which node:crypto then reads.
 */
export function readPkcs12(file: Uint8Array, password: string): KeyAndCertificates {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const der = forge.util.createBuffer(Buffer.from(file).toString('binary'));
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), false, password);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/password|mac|decrypt/i.test(message)) throw new AppError('pkcs12_password');
    throw new AppError('pkcs12_invalid');
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const certBags = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
  const keyBag = keyBags[0];
  if (!keyBag || certBags.length === 0) throw new AppError('pkcs12_invalid');
  const keyAsn1 = keyBag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keyBag.key)) : keyBag.asn1;
  const keyPkcs8 = Buffer.from(forge.asn1.toDer(keyAsn1 as forge.asn1.Asn1).getBytes(), 'binary');
  const key = createPrivateKey({ key: keyPkcs8, format: 'der', type: 'pkcs8' });
  const keyType = key.asymmetricKeyType;
  if (keyType !== 'ec' && keyType !== 'rsa') throw new AppError('pkcs12_unsupported_key', { type: String(keyType) });
  const certificates = certBags.map((b) =>
    Buffer.from(forge.asn1.toDer(b.cert ? forge.pki.certificateToAsn1(b.cert) : (b.asn1 as forge.asn1.Asn1)).getBytes(), 'binary'),
  );
  // the key's own certificate first: the one whose public key matches
  const own = spki(createPublicKey(key));
  certificates.sort((a, b) => Number(certSpki(b) === own) - Number(certSpki(a) === own));
  if (certSpki(certificates[0]) !== own) throw new AppError('pkcs12_invalid');
  return { keyPkcs8, keyType, certificates };
}

const spki = (k: KeyObject) => k.export({ type: 'spki', format: 'der' }).toString('base64');
const certSpki = (cert: Buffer) => spki(new X509Certificate(cert).publicKey);

// ---------- writing (the demo CA's head.p12) ----------

const algorithm = (oid: string, params?: asn1js.AsnType) =>
  new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: oid }), ...(params ? [params] : [])] });
const octets = (b: Uint8Array) => new asn1js.OctetString({ valueHex: Uint8Array.from(b).buffer });
const explicit0 = (v: asn1js.AsnType) => new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [v] });
const der = (v: asn1js.AsnType) => Buffer.from(v.toBER(false));

/** RFC 7292 appendix B: the PKCS#12 key derivation (here for the MAC key, id 3, with SHA-256). */
export function pkcs12Kdf(password: string, salt: Buffer, id: number, iterations: number, size: number): Buffer {
  const u = 32;
  const v = 64;
  const pwd = password ? Buffer.concat([Buffer.from(password, 'utf16le').swap16(), Buffer.alloc(2)]) : Buffer.alloc(0);
  const fill = (b: Buffer) => {
    const n = b.length ? v * Math.ceil(b.length / v) : 0;
    return Buffer.from(Array.from({ length: n }, (_, i) => b[i % b.length]));
  };
  const I = Buffer.concat([fill(salt), fill(pwd)]);
  const D = Buffer.alloc(v, id);
  const out: Buffer[] = [];
  for (let done = 0; done < size; done += u) {
    let A = createHash('sha256').update(D).update(I).digest();
    for (let r = 1; r < iterations; r++) A = createHash('sha256').update(A).digest();
    out.push(A);
    const B = fill(A);
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = I[j + k] + B[k] + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return Buffer.concat(out).subarray(0, size);
}

function shroudKey(keyPkcs8: Buffer, password: string): asn1js.Sequence {
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const iterations = 10_000;
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256');
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const encrypted = Buffer.concat([cipher.update(keyPkcs8), cipher.final()]);
  const pbkdf2Params = new asn1js.Sequence({
    value: [octets(salt), new asn1js.Integer({ value: iterations }), algorithm(OID.hmacSha256, new asn1js.Null())],
  });
  const pbes2Params = new asn1js.Sequence({ value: [algorithm(OID.pbkdf2, pbkdf2Params), algorithm(OID.aes256cbc, octets(iv))] });
  return new asn1js.Sequence({ value: [algorithm(OID.pbes2, pbes2Params), octets(encrypted)] });
}

function bag(oid: string, value: asn1js.AsnType, attributes: asn1js.AsnType[]): asn1js.Sequence {
  return new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: oid }), explicit0(value), ...(attributes.length ? [new asn1js.Set({ value: attributes })] : [])] });
}

function attribute(oid: string, value: asn1js.AsnType): asn1js.Sequence {
  return new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: oid }), new asn1js.Set({ value: [value] })] });
}

const dataContentInfo = (content: Buffer) =>
  new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.data }), explicit0(octets(content))] });

/**
 * Writes a PKCS#12 file the way OpenSSL 3 does by default: the key shrouded with PBES2
 * (PBKDF2-SHA256, AES-256-CBC), an HMAC-SHA256 integrity MAC. Certificates are not encrypted.
 */
export function writePkcs12(opts: { keyPkcs8: Buffer; certificates: Buffer[]; password: string; friendlyName: string }): Buffer {
  const localKeyId = createHash('sha1').update(opts.certificates[0]).digest();
  const attrs = [attribute(OID.localKeyId, octets(localKeyId)), attribute(OID.friendlyName, new asn1js.BmpString({ value: opts.friendlyName }))];
  const keyBags = new asn1js.Sequence({ value: [bag(OID.shroudedKeyBag, shroudKey(opts.keyPkcs8, opts.password), attrs)] });
  const certBags = new asn1js.Sequence({
    value: opts.certificates.map((cert, i) =>
      bag(OID.certBag, new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.x509Certificate }), explicit0(octets(cert))] }), i === 0 ? attrs : []),
    ),
  });
  const authSafe = der(new asn1js.Sequence({ value: [dataContentInfo(der(certBags)), dataContentInfo(der(keyBags))] }));
  const macSalt = randomBytes(16);
  const macIterations = 2048;
  const macKey = pkcs12Kdf(opts.password, macSalt, 3, macIterations, 32);
  const mac = createHmac('sha256', macKey).update(authSafe).digest();
  const macData = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [algorithm(OID.sha256, new asn1js.Null()), octets(mac)] }),
      octets(macSalt),
      new asn1js.Integer({ value: macIterations }),
    ],
  });
  return der(new asn1js.Sequence({ value: [new asn1js.Integer({ value: 3 }), dataContentInfo(authSafe), macData] }));
}
