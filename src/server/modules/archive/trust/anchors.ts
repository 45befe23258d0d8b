/**
 * Trusted certificate authorities for signature verification: a folder of PEM/DER files
 * (TRUSTED_CA_DIR, e.g. the roots and intermediates of Ukrainian qualified trust service
 * providers) and the certificates the city's specialists upload.
 */
import { X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const EXTENSIONS = /\.(pem|crt|cer|der)$/i;

/** Every certificate in a file: one or more PEM blocks, or one DER certificate. */
export function parseCertificates(bytes: Uint8Array): X509Certificate[] {
  const text = Buffer.from(bytes).toString('latin1');
  const blocks = text.match(PEM);
  if (blocks) return blocks.map((b) => new X509Certificate(b));
  return [new X509Certificate(Buffer.from(bytes))];
}

export interface AnchorFolder {
  certificates: X509Certificate[];
  /** files that could not be read as certificates, or certificates that are not CAs */
  skipped: { file: string; reason: string }[];
}

let cache: { dir: string; stamp: string; folder: AnchorFolder } | null = null;

/** Reads the folder's .pem/.crt/.cer/.der files (read again only when a file changes). */
export function loadAnchorFolder(dir: string | undefined): AnchorFolder {
  if (!dir) return { certificates: [], skipped: [] };
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => EXTENSIONS.test(n)).sort();
  } catch {
    return { certificates: [], skipped: [{ file: dir, reason: 'the folder cannot be read' }] };
  }
  const stamp = names.map((n) => `${n}:${statSync(join(dir, n)).mtimeMs}`).join('|');
  if (cache?.dir === dir && cache.stamp === stamp) return cache.folder;
  const folder: AnchorFolder = { certificates: [], skipped: [] };
  for (const name of names) {
    try {
      for (const cert of parseCertificates(readFileSync(join(dir, name)))) {
        if (cert.ca) folder.certificates.push(cert);
        else folder.skipped.push({ file: name, reason: `not a CA certificate: ${cert.subject.replace(/\n/g, ', ')}` });
      }
    } catch {
      folder.skipped.push({ file: name, reason: 'not a certificate (PEM or DER)' });
    }
  }
  cache = { dir, stamp, folder };
  return folder;
}

/** The trusted CAs without duplicates (by SHA-256 fingerprint). */
export function uniqueAnchors(...lists: X509Certificate[][]): X509Certificate[] {
  const seen = new Map<string, X509Certificate>();
  for (const list of lists) for (const c of list) seen.set(c.fingerprint256, c);
  return [...seen.values()];
}
