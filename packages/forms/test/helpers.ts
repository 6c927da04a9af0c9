import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PDFDocument} from 'pdf-lib';
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFStream, decodePDFRawStream } from 'pdf-lib';

export const A4 = { width: 595.28, height: 841.89 };

export const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error === undefined;

/** Text of the PDF as extracted by poppler's pdftotext, with all whitespace removed. */
export function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'forms-test-'));
  try {
    const file = join(dir, 'form.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/gu, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface EmbeddedFont {
  baseFont: string;
  subtype: string;
  /** Size of the embedded font program (FontFile2 / FontFile3), decoded length if known. */
  programLength: number;
  program: PDFStream;
}

/** The distinct fonts referenced by the first page, following Type0 → CIDFont → FontDescriptor. */
export function pageFonts(doc: PDFDocument): EmbeddedFont[] {
  const page = doc.getPage(0);
  const resources = page.node.Resources();
  const fontDict = resources?.lookup(PDFName.of('Font'), PDFDict);
  if (!fontDict) return [];
  const out: EmbeddedFont[] = [];
  // pdf-lib adds a resource name per drawText call, all pointing at the same font object.
  const unique = new Set(fontDict.values());
  for (const ref of unique) {
    const font = doc.context.lookup(ref, PDFDict);
    const descendants = font.lookup(PDFName.of('DescendantFonts'), PDFArray);
    const cid = descendants.lookup(0, PDFDict);
    const descriptor = cid.lookup(PDFName.of('FontDescriptor'), PDFDict);
    const program =
      descriptor.lookupMaybe(PDFName.of('FontFile2'), PDFStream) ??
      descriptor.lookupMaybe(PDFName.of('FontFile3'), PDFStream);
    if (!program) throw new Error('font program is not embedded');
    const length1 = program.dict.get(PDFName.of('Length1'));
    const programLength = length1 ? Number(length1.toString()) : program.getContentsSize();
    out.push({
      baseFont: font.lookup(PDFName.of('BaseFont'), PDFName).decodeText(),
      subtype: font.lookup(PDFName.of('Subtype'), PDFName).decodeText(),
      programLength,
      program,
    });
  }
  return out;
}

/** The decoded content stream(s) of the first page, as text. */
export function pageContent(doc: PDFDocument): string {
  const contents = doc.getPage(0).node.Contents();
  const streams: PDFStream[] = [];
  if (contents instanceof PDFArray) {
    for (let i = 0; i < contents.size(); i++) streams.push(contents.lookup(i, PDFStream));
  } else if (contents) {
    streams.push(contents);
  }
  return streams
    .map((s) => (s instanceof PDFRawStream ? decodePDFRawStream(s).decode() : s.getContents()))
    .map((bytes) => Buffer.from(bytes).toString('latin1'))
    .join('\n');
}
