import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { writePkcs12 } from './pkcs12.js';

x509.cryptoProvider.set(globalThis.crypto);

const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const RSA = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' } as const;

export interface SchoolCa {
  caPem: string;
  caDer: Buffer;
  headP12: Buffer;
  headCertPem: string;
}

const dn = (parts: [string, string][]): x509.JsonName => parts.map(([k, v]) => ({ [k]: [v] }));

/**
 * A school's own certificate authority and a certificate for its head, for demos and tests
 * (a real head signs with a qualified certificate). The head's key and certificate go into a
 * PKCS#12 file protected by the password.
 */
export async function makeSchoolCa(opts: { schoolName: string; headName: string; password: string; keyType?: 'ec' | 'rsa'; now?: Date }): Promise<SchoolCa> {
  const alg = opts.keyType === 'rsa' ? RSA : EC;
  const now = opts.now ?? new Date();
  const years = (n: number) => new Date(now.getTime() + n * 365 * 86_400_000);
  const subtle = globalThis.crypto.subtle;
  const caKeys = (await subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const caName = dn([['CN', `${opts.schoolName}: навчальний центр сертифікації`], ['O', opts.schoolName], ['C', 'UA']]);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: caName,
    notBefore: new Date(now.getTime() - 86_400_000),
    notAfter: years(20),
    keys: caKeys,
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const headKeys = (await subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const head = await x509.X509CertificateGenerator.create({
    serialNumber: '02',
    subject: dn([['CN', opts.headName], ['O', opts.schoolName], ['2.5.4.12', 'Директор'], ['C', 'UA']]),
    issuer: ca.subject,
    notBefore: new Date(now.getTime() - 86_400_000),
    notAfter: years(5),
    publicKey: headKeys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      await x509.SubjectKeyIdentifierExtension.create(headKeys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const keyPkcs8 = Buffer.from(await subtle.exportKey('pkcs8', headKeys.privateKey));
  const headP12 = writePkcs12({
    keyPkcs8,
    certificates: [Buffer.from(head.rawData), Buffer.from(ca.rawData)],
    password: opts.password,
    friendlyName: opts.headName,
  });
  return { caPem: ca.toString('pem'), caDer: Buffer.from(ca.rawData), headP12, headCertPem: head.toString('pem') };
}
