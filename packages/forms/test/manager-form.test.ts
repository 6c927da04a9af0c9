import { statSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MANAGER_FORM_AGENCY,
  MANAGER_FORM_TITLE,
  renderBlankManagerForm,
  renderFilledManagerForm,
  type ManagerFormData,
} from '../src/index.js';
import { fontFilePath } from '../src/font.js';
import { A4, HAS_PDFTOTEXT, pageContent, pageFonts, pdfText } from './helpers.js';

const SKIP_TEXT = '(skipped: pdftotext not found — install poppler-utils to run this check)';
if (!HAS_PDFTOTEXT) console.warn(`pdftotext is not installed: text-extraction assertions are skipped ${SKIP_TEXT}`);

const sample: ManagerFormData = {
  kind: 'C_A',
  appliedAt: new Date('2024-03-04T17:30:00Z'), // 2024-03-05 01:30 in Taipei
  institutionName: '臺北市立聯合醫院仁愛院區',
  institutionCode: '0101090517',
  accountName: 'hpa_admin01',
  applicantName: '王小明',
  nationalId: 'A123456789',
  department: '家庭醫學科',
  phone: '02-27093600#1234',
  email: 'wang.xiaoming@tpech.gov.taipei',
};

const FULL_FONT_SIZE = statSync(fontFilePath('regular')).size;

async function expectOneA4PageWithSubsetFonts(bytes: Uint8Array): Promise<PDFDocument> {
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  const doc = await PDFDocument.load(bytes);
  expect(doc.getPageCount()).toBe(1);
  const { width, height } = doc.getPage(0).getSize();
  expect(width).toBeCloseTo(A4.width, 1);
  expect(height).toBeCloseTo(A4.height, 1);

  const fonts = pageFonts(doc);
  expect(fonts.map((f) => f.baseFont).sort()).toEqual(['HPAFRB+NotoSansTC-Bold', 'HPAFRM+NotoSansTC-Regular']);
  for (const font of fonts) {
    expect(font.subtype).toBe('Type0');
    // A subset: the embedded program is a tiny fraction of the 7 MB font.
    expect(FULL_FONT_SIZE).toBeGreaterThan(5_000_000);
    expect(font.programLength).toBeGreaterThan(1_000);
    expect(font.programLength).toBeLessThan(FULL_FONT_SIZE / 50);
  }
  expect(bytes.byteLength).toBeLessThan(FULL_FONT_SIZE / 20);
  return doc;
}

/** Every glyph of every embedded subset must decode and stay inside the font's box. */
function expectSubsetGlyphsValid(doc: PDFDocument): void {
  for (const font of pageFonts(doc)) {
    expect(font.program).toBeInstanceOf(PDFRawStream);
    const program = decodePDFRawStream(font.program as PDFRawStream).decode();
    const parsed = fontkit.create(Buffer.from(program));
    const box = parsed.bbox;
    let drawn = 0;
    for (let id = 0; id < parsed.numGlyphs; id++) {
      const glyph = parsed.getGlyph(id);
      if (glyph.path.toSVG() !== '') {
        drawn++;
        const b = glyph.bbox;
        expect(b.minX).toBeGreaterThanOrEqual(box.minX);
        expect(b.maxX).toBeLessThanOrEqual(box.maxX);
        expect(b.minY).toBeGreaterThanOrEqual(box.minY);
        expect(b.maxY).toBeLessThanOrEqual(box.maxY);
      }
    }
    expect(drawn).toBeGreaterThan(10);
  }
}

describe('renderBlankManagerForm', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await renderBlankManagerForm();
  }, 60_000);

  it('is a one-page A4 PDF with embedded subset Noto Sans TC fonts', async () => {
    const doc = await expectOneA4PageWithSubsetFonts(bytes);
    expectSubsetGlyphsValid(doc);
    expect(doc.getTitle()).toContain(MANAGER_FORM_TITLE);
  });

  it.skipIf(!HAS_PDFTOTEXT)(`has the title, labels and note as real text ${HAS_PDFTOTEXT ? '' : SKIP_TEXT}`, () => {
    const text = pdfText(bytes);
    for (const s of [
      MANAGER_FORM_AGENCY,
      MANAGER_FORM_TITLE,
      '申請日期：西元',
      'A.初次管理者帳號申請(註：首次申請者)',
      'B.停用管理者帳號',
      'C.異動管理者帳號權限(請圈選：a.升為管理者/b.降為一般用者)',
      '機構名稱',
      '機構代碼',
      '申請帳號(原單一帳號)',
      '申請人姓名',
      '身分證字號',
      '機構、部門',
      '聯絡電話',
      '分機',
      'E-mail信箱',
      '請至「下載專區」，下載「預防保健服務系統單一入口-管理者帳號申請表」',
      '系統人員將在三個工作天內協助開通完成。',
      '機構關防',
      '負責人印章',
    ]) {
      expect(text).toContain(s);
    }
  });
});

describe('renderFilledManagerForm', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await renderFilledManagerForm(sample);
  }, 60_000);

  it('is a one-page A4 PDF with embedded subset fonts', async () => {
    const doc = await expectOneA4PageWithSubsetFonts(bytes);
    expectSubsetGlyphsValid(doc);
  });

  it.skipIf(!HAS_PDFTOTEXT)(`prints the applicant's values ${HAS_PDFTOTEXT ? '' : SKIP_TEXT}`, () => {
    const text = pdfText(bytes);
    expect(text).toContain(MANAGER_FORM_TITLE);
    expect(text).toContain('申請日期：西元2024年3月5日');
    for (const value of [
      sample.institutionName,
      sample.institutionCode,
      sample.accountName,
      sample.applicantName,
      sample.nationalId,
      sample.department!,
      sample.email,
      '(02)27093600分機1234',
    ]) {
      expect(text).toContain(value);
    }
  });

  it.each(['A', 'B', 'C_A', 'C_B'] as const)('renders kind %s', async (kind) => {
    const pdf = await renderFilledManagerForm({ ...sample, kind });
    await expectOneA4PageWithSubsetFonts(pdf);
  });

  it('ticks a different box for each kind and circles the chosen C option', async () => {
    const ops = await Promise.all(
      (['A', 'B', 'C_A', 'C_B'] as const).map(async (kind) => {
        const doc = await PDFDocument.load(await renderFilledManagerForm({ ...sample, kind }));
        return pageContent(doc);
      }),
    );
    const [a, b, ca, cb] = ops as [string, string, string, string];
    const curves = (s: string): number => s.split('\n').filter((line) => / c$/u.test(line)).length;
    // The circle is the only curved path on the page.
    expect(curves(a)).toBe(0);
    expect(curves(b)).toBe(0);
    expect(curves(ca)).toBeGreaterThan(0);
    expect(curves(cb)).toBeGreaterThan(0);
    expect(a).not.toBe(b);
    expect(ca).not.toBe(cb);
  });

  it('shrinks or wraps text that is too long for its cell and keeps it on one page', async () => {
    const long: ManagerFormData = {
      ...sample,
      kind: 'B',
      institutionName: '財團法人台灣基督長老教會馬偕紀念社會事業基金會馬偕紀念醫院淡水分院附設護理之家',
      accountName: 'x'.repeat(150),
      email: 'a.very.long.email.address.for.testing.purposes@some-long-hospital-domain.example.org.tw',
      phone: '(049)2345678 分機 98765',
      department: undefined,
    };
    const pdf = await renderFilledManagerForm(long);
    await expectOneA4PageWithSubsetFonts(pdf);
    if (!HAS_PDFTOTEXT) return console.warn(`long-text extraction check ${SKIP_TEXT}`);
    const text = pdfText(pdf);
    expect(text).toContain(long.institutionName);
    expect(text).toContain(long.email);
    expect(text).toContain(long.accountName);
    expect(text).toContain('(049)2345678分機98765');
  });

  it('rejects invalid input', async () => {
    await expect(renderFilledManagerForm({ ...sample, kind: 'D' as never })).rejects.toThrow(TypeError);
    await expect(renderFilledManagerForm({ ...sample, appliedAt: new Date('nope') })).rejects.toThrow(RangeError);
    await expect(renderFilledManagerForm({ ...sample, email: undefined as never })).rejects.toThrow(TypeError);
  });
});
