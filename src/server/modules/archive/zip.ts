import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

const HIGH_WATER = 8 * 1024 * 1024;

/**
 * Streams files of a folder as one .zip under a top folder: PDFs stored as they are (already
 * compressed), text deflated. Reads a chunk at a time and waits for a slow reader.
 */
export function zipFolder(root: string, files: string[], topFolder: string): Readable {
  const out = new PassThrough();
  const zip = new Zip((err, chunk, final) => {
    if (err) {
      out.destroy(err);
      return;
    }
    out.write(chunk);
    if (final) out.end();
  });
  (async () => {
    for (const f of files) {
      const name = `${topFolder}/${f}`;
      const entry = f.endsWith('.pdf') ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      for await (const chunk of createReadStream(join(root, f))) {
        entry.push(chunk as Uint8Array);
        if (out.writableLength > HIGH_WATER) await once(out, 'drain');
      }
      entry.push(new Uint8Array(0), true);
    }
    zip.end();
  })().catch((err) => out.destroy(err));
  return out;
}
