import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
/** The shipped Cyrillic font (npm package dejavu-fonts-ttf): condensed, so a journal grid fits. */
export const FONT_FILES = {
  regular: join(FONT_DIR, 'DejaVuSansCondensed.ttf'),
  bold: join(FONT_DIR, 'DejaVuSansCondensed-Bold.ttf'),
};
// fontkit as pdfkit itself loads it; one parsed font shared by every document, so its glyph and
// layout tables are read once per process instead of once per PDF
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(b: Buffer): FontkitFont };
interface FontkitGlyph {
  codePoints: number[];
}
interface FontkitFont {
  getGlyph(id: number, codePoints?: number[]): FontkitGlyph | null;
}
let fonts: { regular: FontkitFont; bold: FontkitFont } | undefined;

/**
 * A shared font caches its glyphs. The subsetter of a finished document asks for the components
 * of composite glyphs (Cyrillic І is built on Latin I) without their characters; a later
 * document laying out that glyph must still get its characters, or its text is not extractable.
 */
function loadFont(file: string): FontkitFont {
  const font = fontkit.create(readFileSync(file));
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id, codePoints = []) => {
    const glyph = getGlyph(id, codePoints);
    if (glyph && codePoints.length && !glyph.codePoints.length) glyph.codePoints = codePoints;
    return glyph;
  };
  return font;
}

export type Doc = PDFKit.PDFDocument;

/** The parts of pdfkit 0.20's internals the fast paths below rely on (pinned version). */
interface EmbeddedFont {
  id: string;
  ascender: number;
  layoutCache: Record<string, unknown> | null;
  encode(text: string): [string[], { xAdvance: number; advanceWidth: number }[]];
  ref(): unknown;
}
interface DocInternals {
  _font: EmbeddedFont;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(s: string): void;
}
const internals = (doc: Doc) => doc as unknown as DocInternals;

// Laid-out words are the same in every document: keep them across documents (pdfkit's cache
// is per document; a glyph's layout does not depend on the document's subset).
const layoutCaches = { regular: Object.create(null), bold: Object.create(null) };

function shareLayoutCache(doc: Doc, name: string, cache: Record<string, unknown>): void {
  doc.font(name);
  internals(doc)._font.layoutCache = cache;
}

export const PAGE = { width: 841.89, height: 595.28, margin: 28 };

/**
 * A PDF/A-2b document (landscape A4) with the DejaVu font embedded: Ukrainian archives take
 * PDF/A for long-term text documents. Pages are written out as they are finished.
 */
export function newArchivePdf(info: { title: string; subject: string; author: string }): { doc: Doc; pages: () => number } {
  fonts ??= { regular: loadFont(FONT_FILES.regular), bold: loadFont(FONT_FILES.bold) };
  const doc = new PDFDocument({
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    lang: 'uk-UA',
    size: 'A4',
    layout: 'landscape',
    margin: PAGE.margin,
    autoFirstPage: false,
    displayTitle: true,
    info: { Title: info.title, Subject: info.subject, Author: info.author, Creator: 'Klasnyi', Producer: 'Klasnyi (PDFKit)' },
  });
  doc.registerFont('r', fonts.regular as unknown as string);
  doc.registerFont('b', fonts.bold as unknown as string);
  shareLayoutCache(doc, 'r', layoutCaches.regular);
  shareLayoutCache(doc, 'b', layoutCaches.bold);
  doc.font('r');
  let pages = 0;
  doc.on('pageAdded', () => {
    pages++;
  });
  return { doc, pages: () => pages };
}

/** Text on one line at a point, never wrapped (the fast path for grids). */
export function put(doc: Doc, s: string, x: number, y: number): void {
  if (s) doc.text(s, x, y, { lineBreak: false });
}

/** Text centred in a box of width w on one line; shrunk to fit when too wide. */
export function putCentered(doc: Doc, s: string, x: number, y: number, w: number): void {
  if (!s) return;
  const width = doc.widthOfString(s);
  if (width > w - 1) {
    const size = (doc as unknown as { _fontSize: number })._fontSize;
    doc.fontSize((size * (w - 1)) / width);
    doc.text(s, x + 0.5, y, { lineBreak: false });
    doc.fontSize(size);
    return;
  }
  doc.text(s, x + (w - width) / 2, y, { lineBreak: false });
}

const num = (n: number) => String(Math.round(n * 100) / 100);

/**
 * Many one-line texts in the current font, written as one text object: pdfkit's text() costs a
 * graphics-state save, a transform and a text object per call, which dominated grid pages.
 * Kerning is kept; the glyphs go through the font's subset and ToUnicode map as usual.
 */
export class TextBatch {
  private items: [string, number, number, number][] = [];

  constructor(private readonly doc: Doc) {}

  add(s: string, x: number, y: number): void {
    if (s) this.items.push([s, x, y, internals(this.doc)._fontSize]);
  }

  /** Centred in a box of width w; shrunk to fit when too wide. */
  center(s: string, x: number, y: number, w: number): void {
    if (!s) return;
    const d = internals(this.doc);
    const width = this.doc.widthOfString(s);
    if (width > w - 1) this.items.push([s, x + 0.5, y, (d._fontSize * (w - 1)) / width]);
    else this.items.push([s, x + (w - width) / 2, y, d._fontSize]);
  }

  flush(): void {
    if (!this.items.length) return;
    const d = internals(this.doc);
    const font = d._font;
    if (d.page.fonts[font.id] == null) d.page.fonts[font.id] = font.ref();
    const h = d.page.height;
    const out = [`q 1 0 0 -1 0 ${num(h)} cm BT`];
    let size = -1;
    for (const [s, x, y, sz] of this.items) {
      if (sz !== size) {
        out.push(`/${font.id} ${num(sz)} Tf`);
        size = sz;
      }
      const [glyphs, positions] = font.encode(s);
      let tj = '';
      let hex = '';
      for (let i = 0; i < glyphs.length; i++) {
        hex += glyphs[i];
        const adjust = positions[i].xAdvance - positions[i].advanceWidth;
        if (adjust) {
          tj += `<${hex}> ${num(-adjust)} `;
          hex = '';
        }
      }
      if (hex) tj += `<${hex}>`;
      out.push(`1 0 0 1 ${num(x)} ${num(h - y - (font.ascender / 1000) * sz)} Tm [${tj}] TJ`);
    }
    out.push('ET Q');
    d.addContent(out.join('\n'));
    this.items = [];
  }
}

/** dd.mm of an ISO date */
export const dm = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}`;
/** dd.mm.yyyy of an ISO date */
export const dmy = (iso: string | null) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '');
