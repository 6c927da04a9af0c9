import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

/**
 * Noto Sans TC (Traditional Chinese), SIL Open Font License 1.1, as shipped
 * in the npm package `@expo-google-fonts/noto-sans-tc` (static TrueType
 * instances from Google Fonts). Resolved from node_modules at run time; never
 * fetched from the network.
 */
export const FONT_PACKAGE = '@expo-google-fonts/noto-sans-tc';

export type FontWeight = 'regular' | 'bold';

const FONT_FILES: Record<FontWeight, string> = {
  regular: `${FONT_PACKAGE}/400Regular/NotoSansTC_400Regular.ttf`,
  bold: `${FONT_PACKAGE}/700Bold/NotoSansTC_700Bold.ttf`,
};

const require = createRequire(import.meta.url);

/** Absolute path of the TrueType file for a weight. */
export function fontFilePath(weight: FontWeight): string {
  return require.resolve(FONT_FILES[weight]);
}

const cache = new Map<FontWeight, Promise<Uint8Array>>();

/**
 * The font bytes for a weight, read once per process and kept in memory,
 * already normalised by {@link padTrueTypeGlyphs} so that pdf-lib's subsetter
 * produces a valid font.
 */
export function loadFontBytes(weight: FontWeight): Promise<Uint8Array> {
  let pending = cache.get(weight);
  if (!pending) {
    pending = readFile(fontFilePath(weight)).then((buf) =>
      padTrueTypeGlyphs(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)),
    );
    // A failed read must not poison the cache: let the next call try again.
    pending.catch(() => cache.delete(weight));
    cache.set(weight, pending);
  }
  return pending;
}

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type FontkitFont = ReturnType<Fontkit['create']>;

const parsedFonts = new WeakMap<Uint8Array, FontkitFont>();

/**
 * fontkit for `PDFDocument.registerFontkit`, keeping one parsed font object
 * per font buffer instead of re-parsing the 7 MB font (cmap, GSUB, GPOS) for
 * every document. Safe to share: pdf-lib only reads from the font object and
 * builds a fresh subset per document, all synchronously.
 */
export const cachingFontkit: Fontkit = {
  create(buffer: Uint8Array, postscriptName?: string): FontkitFont {
    if (postscriptName !== undefined) return fontkit.create(buffer, postscriptName);
    let font = parsedFonts.get(buffer);
    if (!font) {
      font = fontkit.create(buffer);
      parsedFonts.set(buffer, font);
    }
    return font;
  },
};

/**
 * Re-lays the `glyf` table of a TrueType font so that every glyph record
 * starts on a 4-byte boundary (with a long `loca` table).
 *
 * Why: the Google Fonts build of Noto Sans TC stores glyphs unpadded (about
 * half of them have an odd byte length, which is legal with a long `loca`).
 * fontkit's subsetter (used by pdf-lib for `subset: true`) copies glyphs
 * byte for byte and then picks the short `loca` format for small subsets,
 * which can only address even offsets, so every glyph after an odd-length one
 * is read from the wrong place and comes out blank or garbled. Padding the
 * source glyphs to 4 bytes keeps every offset even and the subset valid.
 *
 * Fonts that are not TrueType-flavoured sfnt (CFF/OTTO, collections, WOFF) or
 * whose glyphs are already 2-byte aligned are returned unchanged.
 */
export function padTrueTypeGlyphs(font: Uint8Array): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  if (font.byteLength < 12) return font;
  const version = view.getUint32(0);
  if (version !== 0x00010000 && version !== 0x74727565 /* 'true' */) return font;

  const numTables = view.getUint16(4);
  interface TableRecord { tag: string; offset: number; length: number }
  const records: TableRecord[] = [];
  for (let i = 0; i < numTables; i++) {
    const p = 12 + 16 * i;
    records.push({
      tag: String.fromCharCode(font[p]!, font[p + 1]!, font[p + 2]!, font[p + 3]!),
      offset: view.getUint32(p + 8),
      length: view.getUint32(p + 12),
    });
  }
  const find = (tag: string): TableRecord | undefined => records.find((r) => r.tag === tag);
  const head = find('head');
  const maxp = find('maxp');
  const loca = find('loca');
  const glyf = find('glyf');
  if (!head || !maxp || !loca || !glyf) return font;

  const longLoca = view.getInt16(head.offset + 50) === 1;
  const numGlyphs = view.getUint16(maxp.offset + 4);
  const offsets = new Array<number>(numGlyphs + 1);
  for (let i = 0; i <= numGlyphs; i++) {
    offsets[i] = longLoca
      ? view.getUint32(loca.offset + 4 * i)
      : view.getUint16(loca.offset + 2 * i) * 2;
  }
  if (offsets.every((o) => o % 2 === 0)) return font;

  // New glyf (each glyph padded to 4 bytes) and long loca.
  const pad4 = (n: number): number => (n + 3) & ~3;
  let glyfSize = 0;
  for (let i = 0; i < numGlyphs; i++) glyfSize += pad4(offsets[i + 1]! - offsets[i]!);
  const newGlyf = new Uint8Array(glyfSize);
  const newLoca = new Uint8Array(4 * (numGlyphs + 1));
  const locaView = new DataView(newLoca.buffer);
  let at = 0;
  for (let i = 0; i < numGlyphs; i++) {
    const start = offsets[i]!;
    const end = offsets[i + 1]!;
    locaView.setUint32(4 * i, at);
    newGlyf.set(font.subarray(glyf.offset + start, glyf.offset + end), at);
    at += pad4(end - start);
  }
  locaView.setUint32(4 * numGlyphs, at);

  const newHead = font.slice(head.offset, head.offset + head.length);
  const headView = new DataView(newHead.buffer);
  headView.setUint32(8, 0); // checkSumAdjustment, recomputed below
  headView.setInt16(50, 1); // indexToLocFormat = long

  const data = new Map<string, Uint8Array>();
  for (const r of records) {
    if (r.tag === 'glyf') data.set(r.tag, newGlyf);
    else if (r.tag === 'loca') data.set(r.tag, newLoca);
    else if (r.tag === 'head') data.set(r.tag, newHead);
    else data.set(r.tag, font.subarray(r.offset, r.offset + r.length));
  }

  const dirSize = 12 + 16 * numTables;
  let total = dirSize;
  for (const r of records) total += pad4(data.get(r.tag)!.byteLength);
  const out = new Uint8Array(total);
  const outView = new DataView(out.buffer);
  out.set(font.subarray(0, 12), 0);
  let pos = dirSize;
  records.forEach((r, i) => {
    const bytes = data.get(r.tag)!;
    const p = 12 + 16 * i;
    out.set(font.subarray(p, p + 4), p); // tag
    outView.setUint32(p + 4, checksum(bytes));
    outView.setUint32(p + 8, pos);
    outView.setUint32(p + 12, bytes.byteLength);
    out.set(bytes, pos);
    pos += pad4(bytes.byteLength);
  });
  const headOut = outView.getUint32(12 + 16 * records.indexOf(head) + 8);
  outView.setUint32(headOut + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

function checksum(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sum = 0;
  const whole = bytes.byteLength & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  if (whole < bytes.byteLength) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (i < bytes.byteLength ? bytes[i]! : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}
