import type { PDFFont } from 'pdf-lib';

/** Characters that must not begin a line (CJK line-breaking rules, simplified). */
const NO_LINE_START = new Set([...'，。、；：？！）」』》〉】〕,.;:?!)]}%']);

/** Collapses whitespace (including newlines and tabs) into single spaces and trims. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Width of `text` at `size` in points. */
export function textWidth(font: PDFFont, text: string, size: number): number {
  return font.widthOfTextAtSize(text, size);
}

/**
 * Greedy line breaking for CJK-heavy text: a line may break between any two
 * characters (except before closing punctuation) and prefers a space when the
 * line holds Latin words.
 */
export function wrapText(font: PDFFont, text: string, size: number, maxWidth: number): string[] {
  const chars = [...normalizeText(text)];
  const lines: string[] = [];
  let line: string[] = [];
  let width = 0;
  for (const ch of chars) {
    const w = textWidth(font, ch, size);
    if (line.length > 0 && width + w > maxWidth && !NO_LINE_START.has(ch)) {
      // Break at the last space on the line if it is reasonably far along.
      const lastSpace = line.lastIndexOf(' ');
      if (ch !== ' ' && lastSpace > line.length / 2) {
        lines.push(line.slice(0, lastSpace).join(''));
        line = line.slice(lastSpace + 1);
      } else {
        lines.push(line.join('').trimEnd());
        line = [];
      }
      if (ch === ' ' && line.length === 0) {
        width = 0;
        continue;
      }
      width = textWidth(font, line.join(''), size);
    }
    line.push(ch);
    width += w;
  }
  if (line.length > 0) lines.push(line.join('').trimEnd());
  return lines;
}

export interface FittedText {
  size: number;
  lines: string[];
}

export interface FitOptions {
  maxWidth: number;
  maxHeight: number;
  /** Preferred (largest) font size. */
  maxSize: number;
  /** Smallest size accepted for a single line before wrapping is tried. */
  minSingleLineSize?: number;
  /** Line height as a multiple of the font size. */
  lineHeight?: number;
}

/**
 * Finds the largest font size (≤ maxSize) at which `text` fits in the box:
 * first on one line; if that would need a size below `minSingleLineSize`,
 * on several wrapped lines; failing both, one line at whatever size fits.
 */
export function fitText(font: PDFFont, text: string, options: FitOptions): FittedText {
  const { maxWidth, maxHeight, maxSize } = options;
  const minSingle = options.minSingleLineSize ?? 8;
  const lineHeight = options.lineHeight ?? 1.2;
  const value = normalizeText(text);
  if (value === '') return { size: maxSize, lines: [] };

  const unitWidth = textWidth(font, value, 1);
  const single = Math.min(maxSize, maxWidth / unitWidth, maxHeight / lineHeight);
  if (single >= minSingle) return { size: single, lines: [value] };

  for (let size = Math.min(maxSize, maxHeight / (2 * lineHeight)); size >= 4; size -= 0.25) {
    const lines = wrapText(font, value, size, maxWidth);
    const fitsWidth = lines.every((l) => textWidth(font, l, size) <= maxWidth + 0.01);
    if (fitsWidth && lines.length * size * lineHeight <= maxHeight) {
      return size > single ? { size, lines } : { size: single, lines: [value] };
    }
  }
  return { size: single, lines: [value] };
}
