import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';

export interface WrittenFile {
  sha256: string;
  bytes: number;
}

/**
 * A file written as a stream, hashed on the way, and moved into place only when complete, so
 * a build that dies leaves no half-written file under its final name.
 */
export class FileSink {
  private readonly tmp: string;
  private readonly out;
  private readonly hash = createHash('sha256');
  private bytes = 0;

  constructor(private readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.tmp = `${path}.part`;
    this.out = createWriteStream(this.tmp);
  }

  /** Writes a chunk, waiting when the disk is behind. */
  async write(chunk: string | Buffer): Promise<void> {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    this.hash.update(b);
    this.bytes += b.length;
    if (!this.out.write(b)) await once(this.out, 'drain');
  }

  /** Takes everything a readable (a PDF document) produces. */
  drain(source: Readable): Promise<void> {
    return new Promise((resolve, reject) => {
      source.on('data', (c: Buffer) => {
        this.hash.update(c);
        this.bytes += c.length;
        if (!this.out.write(c)) {
          source.pause();
          this.out.once('drain', () => source.resume());
        }
      });
      source.on('end', resolve);
      source.on('error', reject);
    });
  }

  async close(): Promise<WrittenFile> {
    this.out.end();
    await once(this.out, 'finish');
    renameSync(this.tmp, this.path);
    return { sha256: this.hash.digest('hex'), bytes: this.bytes };
  }

  abort(): void {
    this.out.destroy();
  }
}

/** A CSV field: quoted when it needs to be (RFC 4180). */
export function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (fields: unknown[]) => `${fields.map(csvField).join(',')}\r\n`;

/** The byte order mark spreadsheet programs need to read UTF-8 CSV as such. */
export const CSV_BOM = '\uFEFF';
