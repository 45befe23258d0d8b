import { createHash, type X509Certificate } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { ARCHIVE_PROBLEMS, TRUST_NOTES, type TVerifyReport } from '../../../shared/api/archive.js';
import { formatMessage, type Lang } from '../../../shared/errors.js';
import { DESTROYED_FILE, MANIFEST_FILE, parseManifest, type TManifest } from './build/manifest.js';
import { checkChain } from './chain.js';
import { verifyDetached } from './signing/signer.js';

/** Where an archive's files come from: its folder, or a .zip of it. */
export interface ArchiveSource {
  paths(): string[];
  read(path: string): Promise<Buffer>;
  sha256(path: string): Promise<{ sha256: string; bytes: number }>;
}

/** A signature file beside the manifest: manifest.p7s, manifest-2.p7s, ... */
export const isSignatureFile = (p: string) => /^manifest(-\d+)?\.p7s$/.test(p);

export function folderSource(root: string): ArchiveSource {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [relative(root, join(dir, e.name))]));
  return {
    paths: () => walk(root).filter((p) => !p.endsWith('.part')),
    read: async (p) => readFileSync(join(root, p)),
    sha256: (p) =>
      new Promise((resolve, reject) => {
        const h = createHash('sha256');
        let bytes = 0;
        createReadStream(join(root, p))
          .on('data', (c) => {
            h.update(c);
            bytes += c.length;
          })
          .on('end', () => resolve({ sha256: h.digest('hex'), bytes }))
          .on('error', reject);
      }),
  };
}

/** A .zip of an archive, with or without one top folder around it. */
export function zipSource(zip: Uint8Array): ArchiveSource {
  const entries = unzipSync(zip);
  const names = Object.keys(entries).filter((n) => !n.endsWith('/'));
  const manifest = names.filter((n) => n === MANIFEST_FILE || n.endsWith(`/${MANIFEST_FILE}`)).sort((a, b) => a.length - b.length)[0];
  const prefix = manifest ? manifest.slice(0, -MANIFEST_FILE.length) : '';
  const files = new Map(names.filter((n) => n.startsWith(prefix)).map((n) => [n.slice(prefix.length), Buffer.from(entries[n])]));
  return {
    paths: () => [...files.keys()],
    read: async (p) => files.get(p)!,
    sha256: async (p) => ({ sha256: createHash('sha256').update(files.get(p)!).digest('hex'), bytes: files.get(p)!.length }),
  };
}

/** Opens a folder or a .zip file on disk. */
export function openArchivePath(path: string): ArchiveSource {
  if (!existsSync(path)) throw new Error(`not found: ${path}`);
  return statSync(path).isDirectory() ? folderSource(path) : zipSource(readFileSync(path));
}

/** The files an act destroyed (path to SHA-256), from destroyed.json when the archive has one. */
async function destroyedFiles(src: ArchiveSource, present: Set<string>): Promise<Map<string, string>> {
  if (!present.has(DESTROYED_FILE)) return new Map();
  try {
    const list = JSON.parse((await src.read(DESTROYED_FILE)).toString('utf8')).files as { path: string; sha256: string }[];
    return new Map(list.map((f) => [f.path, f.sha256]));
  } catch {
    return new Map();
  }
}

/**
 * Verifies an archive: every file's SHA-256 and size against the manifest, no file missing or
 * added, every history file's hash chain (and its head as the manifest records it), and every
 * signature of the manifest. Each problem names its file. Files an act destroyed after their
 * retention (destroyed.json) are counted, not failed; whether a signer's CA is trusted is
 * reported per signature and is not a failure of integrity.
 */
export async function verifyArchive(src: ArchiveSource, opts: { lang: Lang; trustedCas?: X509Certificate[] }): Promise<TVerifyReport & { manifest: TManifest | null }> {
  const problems: TVerifyReport['problems'] = [];
  const problem = (file: string, code: string, params: Record<string, string | number> = {}) =>
    problems.push({ file, code, message: formatMessage(ARCHIVE_PROBLEMS[code][opts.lang], params) });
  const present = new Set(src.paths());
  const report = { ok: false, filesChecked: 0, filesDestroyed: 0, historyEntries: 0, signatures: [] as TVerifyReport['signatures'], problems, manifest: null as TManifest | null };
  if (!present.has(MANIFEST_FILE)) {
    problem(MANIFEST_FILE, 'manifest_missing');
    return report;
  }
  const manifestBytes = await src.read(MANIFEST_FILE);
  let manifest: TManifest;
  try {
    manifest = parseManifest(manifestBytes.toString('utf8'));
  } catch {
    problem(MANIFEST_FILE, 'manifest_invalid');
    return report;
  }
  report.manifest = manifest;
  const listed = new Set(manifest.files.map((f) => f.path));
  const destroyed = await destroyedFiles(src, present);
  for (const f of manifest.files) {
    if (!present.has(f.path)) {
      // destroyed by an act after its retention: the list names it with the hash the manifest has
      if (destroyed.get(f.path) === f.sha256) report.filesDestroyed++;
      else problem(f.path, 'missing');
      continue;
    }
    const { sha256, bytes } = await src.sha256(f.path);
    report.filesChecked++;
    if (sha256 !== f.sha256 || bytes !== f.bytes) problem(f.path, 'hash_mismatch');
    if (f.chain) {
      const chain = checkChain((await src.read(f.path)).toString('utf8'), f.chain.head, f.chain.entries);
      report.historyEntries += chain.entries;
      if (chain.brokenAt) problem(f.path, 'chain_broken', { line: chain.brokenAt });
      else if (!chain.ok) problem(f.path, 'chain_head');
    }
  }
  for (const p of [...present].sort()) {
    if (p === MANIFEST_FILE || p === DESTROYED_FILE || listed.has(p)) continue;
    if (!isSignatureFile(p)) {
      problem(p, 'unlisted');
      continue;
    }
    const check = verifyDetached(manifestBytes, await src.read(p), { trustedCas: opts.trustedCas });
    if (!check.ok) problem(p, check.problem!, { algorithm: check.algorithm ?? '' });
    // an unknown CA is reported, not counted as a problem: the archive's integrity does not depend on it
    const trust = check.trustedChain ? 'trusted' : opts.trustedCas?.length ? 'unknown_ca' : 'no_list';
    const chain = check.chain ?? [];
    report.signatures.push({
      file: p,
      ok: check.ok,
      signer: check.details?.signer ?? null,
      issuer: check.details?.issuer ?? null,
      signingTime: check.details?.signingTime?.toISOString() ?? null,
      certificate: check.certificate
        ? { validFrom: check.certificate.validFrom.toISOString(), validTo: check.certificate.validTo.toISOString(), validAtSigning: check.certificate.validAtSigning }
        : null,
      trustedChain: check.trustedChain,
      trust,
      chain,
      trustNote: formatMessage(TRUST_NOTES[trust][opts.lang], { chain: chain.join(' → '), issuer: check.details?.issuer ?? '—' }),
    });
  }
  report.ok = problems.length === 0;
  return report;
}
