import { PDFDocument, PageSizes, rgb } from 'pdf-lib';
import type { PDFFont, PDFPage, RGB } from 'pdf-lib';
import { cachingFontkit, loadFontBytes } from './font.js';
import { parseTaiwanPhone, taipeiDateParts } from './format.js';
import { fitText, normalizeText, textWidth } from './text.js';

/**
 * A: 初次管理者帳號申請; B: 停用管理者帳號;
 * C_A / C_B: 異動管理者帳號權限 — a.升為管理者 / b.降為一般用者.
 */
export type ManagerRequestKind = 'A' | 'B' | 'C_A' | 'C_B';

export interface ManagerFormData {
  kind: ManagerRequestKind;
  /** Printed as 西元 year / month / day in Asia/Taipei. */
  appliedAt: Date;
  institutionName: string;
  institutionCode: string;
  accountName: string;
  applicantName: string;
  nationalId: string;
  department?: string;
  /** e.g. `02-12345678#123`: area code goes in the (), then the number, the extension after 分機. */
  phone: string;
  email: string;
}

export const MANAGER_FORM_TITLE = '預防保健服務單一入口系統_管理者帳號申請、異動表';
export const MANAGER_FORM_AGENCY = '衛生福利部國民健康署';
export const MANAGER_FORM_NOTE =
  '請至「下載專區」，下載「預防保健服務系統單一入口-管理者帳號申請表」依所申請之功能填寫完成並蓋關防後，掃描回傳至指定信箱，系統人員將在三個工作天內協助開通完成。';

const KINDS: readonly ManagerRequestKind[] = ['A', 'B', 'C_A', 'C_B'];

// ---------------------------------------------------------------------------
// Page geometry (PDF points; `top` values are measured down from the top edge)

const [PAGE_W, PAGE_H] = PageSizes.A4 as [number, number];
const MARGIN_X = 50;
const CONTENT_W = PAGE_W - 2 * MARGIN_X;
const X0 = MARGIN_X;
const X1 = PAGE_W - MARGIN_X;

const BLACK = rgb(0, 0, 0);
const LABEL_FILL = rgb(0.88, 0.88, 0.88);
const VALUE_COLOR = rgb(0, 0, 0);

/** Baseline offset that visually centres CJK glyphs on a line: baseline = centre + k·size. */
const CJK_CENTER = 0.36;

const TABLE_TOP = 252;
const ROW_H = 40;
const COLS = [88, 152, 88, CONTENT_W - 88 - 152 - 88] as const;
const CELL_PAD = 6;
const VALUE_SIZE = 12;
const LABEL_SIZE = 12;

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

interface Box {
  x: number;
  top: number;
  w: number;
  h: number;
}

type Align = 'left' | 'center';

class Painter {
  constructor(
    readonly page: PDFPage,
    readonly fonts: Fonts,
  ) {}

  y(top: number): number {
    return PAGE_H - top;
  }

  text(text: string, x: number, baselineTop: number, size: number, font = this.fonts.regular, color: RGB = BLACK): void {
    if (text === '') return;
    this.page.drawText(text, { x, y: this.y(baselineTop), size, font, color });
  }

  width(text: string, size: number, font = this.fonts.regular): number {
    return textWidth(font, text, size);
  }

  centeredText(text: string, baselineTop: number, size: number, font = this.fonts.regular): void {
    this.text(text, X0 + (CONTENT_W - this.width(text, size, font)) / 2, baselineTop, size, font);
  }

  rect(box: Box, options: { fill?: RGB; border?: number; dash?: number[] } = {}): void {
    this.page.drawRectangle({
      x: box.x,
      y: this.y(box.top + box.h),
      width: box.w,
      height: box.h,
      ...(options.fill ? { color: options.fill } : {}),
      ...(options.border ? { borderColor: BLACK, borderWidth: options.border } : {}),
      ...(options.dash ? { borderDashArray: options.dash } : {}),
    });
  }

  line(x1: number, top1: number, x2: number, top2: number, thickness = 0.6): void {
    this.page.drawLine({
      start: { x: x1, y: this.y(top1) },
      end: { x: x2, y: this.y(top2) },
      thickness,
      color: BLACK,
    });
  }

  /** Text shrunk (and if need be wrapped) to fit inside `box`, vertically centred. */
  fitted(
    text: string,
    box: Box,
    options: { align?: Align; size?: number; font?: PDFFont; pad?: number; color?: RGB } = {},
  ): void {
    const font = options.font ?? this.fonts.regular;
    const pad = options.pad ?? CELL_PAD;
    const inner = { w: box.w - 2 * pad, h: box.h - 4 };
    if (inner.w <= 0) return;
    const lineHeight = 1.25;
    const fit = fitText(font, text, {
      maxWidth: inner.w,
      maxHeight: inner.h,
      maxSize: options.size ?? VALUE_SIZE,
      lineHeight,
    });
    if (fit.lines.length === 0) return;
    const step = fit.size * lineHeight;
    const centre = box.top + box.h / 2;
    let baseline = centre - (step * (fit.lines.length - 1)) / 2 + CJK_CENTER * fit.size;
    for (const line of fit.lines) {
      const w = this.width(line, fit.size, font);
      const x = options.align === 'center' ? box.x + (box.w - w) / 2 : box.x + pad;
      this.text(line, x, baseline, fit.size, font, options.color ?? BLACK);
      baseline += step;
    }
  }

  /** A ☐ drawn as a square whose bottom sits on the text baseline; ticked if asked. */
  checkbox(x: number, baselineTop: number, size: number, checked: boolean): void {
    const top = baselineTop - size + 0.5;
    this.rect({ x, top, w: size, h: size }, { border: 0.9 });
    if (checked) {
      this.page.drawSvgPath(
        `M ${0.18 * size} ${0.52 * size} L ${0.42 * size} ${0.78 * size} L ${0.86 * size} ${0.16 * size}`,
        { x, y: this.y(top), borderColor: BLACK, borderWidth: 1.6 },
      );
    }
  }
}

// ---------------------------------------------------------------------------

/** The blank paper form, ready to print and fill in by hand. */
export async function renderBlankManagerForm(): Promise<Uint8Array> {
  return render(undefined);
}

/** The form filled in with `data`: the request kind ticked and every value printed in its cell. */
export async function renderFilledManagerForm(data: ManagerFormData): Promise<Uint8Array> {
  validate(data);
  return render(data);
}

function validate(data: ManagerFormData): void {
  if (data === null || typeof data !== 'object') throw new TypeError('form data must be an object');
  if (!KINDS.includes(data.kind)) {
    throw new TypeError(`kind must be one of ${KINDS.join(', ')}, got ${String(data.kind)}`);
  }
  taipeiDateParts(data.appliedAt); // throws RangeError on an invalid date
  const required = ['institutionName', 'institutionCode', 'accountName', 'applicantName', 'nationalId', 'phone', 'email'] as const;
  for (const key of required) {
    if (typeof data[key] !== 'string') throw new TypeError(`${key} must be a string`);
  }
  if (data.department !== undefined && typeof data.department !== 'string') {
    throw new TypeError('department must be a string when given');
  }
}

async function render(data: ManagerFormData | undefined): Promise<Uint8Array> {
  const [regularBytes, boldBytes] = await Promise.all([loadFontBytes('regular'), loadFontBytes('bold')]);
  const doc = await PDFDocument.create();
  doc.registerFontkit(cachingFontkit);
  // Subset tags (six capitals + '+') mark the fonts as subsets for PDF readers.
  const regular = await doc.embedFont(regularBytes, { subset: true, customName: 'HPAFRM+NotoSansTC-Regular' });
  const bold = await doc.embedFont(boldBytes, { subset: true, customName: 'HPAFRB+NotoSansTC-Bold' });

  doc.setTitle(`${MANAGER_FORM_AGENCY} ${MANAGER_FORM_TITLE}`, { showInWindowTitleBar: true });
  doc.setSubject(MANAGER_FORM_TITLE);
  doc.setLanguage('zh-TW');
  doc.setCreator('@portal/forms');
  doc.setProducer('@portal/forms (pdf-lib)');

  const page = doc.addPage([PAGE_W, PAGE_H]);
  const p = new Painter(page, { regular, bold });

  drawHeader(p, data);
  drawKinds(p, data?.kind);
  const tableBottom = drawTable(p, data);
  const noteBottom = drawNote(p, tableBottom + 22);
  drawSeals(p, noteBottom + 22);

  return doc.save();
}

function drawHeader(p: Painter, data: ManagerFormData | undefined): void {
  p.centeredText(MANAGER_FORM_AGENCY, 74, 18, p.fonts.bold);
  p.centeredText(MANAGER_FORM_TITLE, 104, 17, p.fonts.bold);

  // 申請日期：西元 ____ 年 __ 月 __ 日, right-aligned.
  const size = 12;
  const baseline = 142;
  const date = data ? taipeiDateParts(data.appliedAt) : undefined;
  const parts: ({ text: string } | { slot: number; value: string })[] = [
    { text: '申請日期：西元' },
    { slot: 58, value: date ? String(date.year) : '' },
    { text: '年' },
    { slot: 34, value: date ? String(date.month) : '' },
    { text: '月' },
    { slot: 34, value: date ? String(date.day) : '' },
    { text: '日' },
  ];
  const widthOf = (part: (typeof parts)[number]): number => ('text' in part ? p.width(part.text, size) : part.slot);
  let x = X1 - parts.reduce((sum, part) => sum + widthOf(part), 0);
  for (const part of parts) {
    if ('text' in part) {
      p.text(part.text, x, baseline, size);
    } else {
      p.line(x + 3, baseline + 3, x + part.slot - 3, baseline + 3, 0.6);
      p.fitted(part.value, { x, top: baseline - 14, w: part.slot, h: 18 }, { align: 'center', size, pad: 3, color: VALUE_COLOR });
    }
    x += widthOf(part);
  }
}

function drawKinds(p: Painter, kind: ManagerRequestKind | undefined): void {
  const size = 12;
  const boxSize = 11;
  const x = X0 + 6;
  const textX = x + boxSize + 8;
  const baselines = [176, 200, 224] as const;

  p.checkbox(x, baselines[0], boxSize, kind === 'A');
  p.text('A.初次管理者帳號申請 (註：首次申請者)', textX, baselines[0], size);

  p.checkbox(x, baselines[1], boxSize, kind === 'B');
  p.text('B.停用管理者帳號', textX, baselines[1], size);

  const isC = kind === 'C_A' || kind === 'C_B';
  p.checkbox(x, baselines[2], boxSize, isC);
  // The two options are set apart by small gaps so that a circle drawn
  // around one of them does not run into the neighbouring text.
  const gap = 11;
  const segments = [
    { text: 'C.異動管理者帳號權限 (請圈選：', after: gap },
    { text: 'a.升為管理者', after: gap },
    { text: '/', after: gap },
    { text: 'b.降為一般用者', after: gap },
    { text: ')', after: 0 },
  ] as const;
  let cx = textX;
  const spans: { x: number; w: number }[] = [];
  for (const segment of segments) {
    const w = p.width(segment.text, size);
    p.text(segment.text, cx, baselines[2], size);
    spans.push({ x: cx, w });
    cx += w + segment.after;
  }
  const circled = kind === 'C_A' ? spans[1] : kind === 'C_B' ? spans[3] : undefined;
  if (circled) {
    p.page.drawEllipse({
      x: circled.x + circled.w / 2,
      y: p.y(baselines[2] - CJK_CENTER * size),
      xScale: circled.w / 2 + 9,
      yScale: size * 0.95,
      borderColor: BLACK,
      borderWidth: 1.1,
    });
  }
}

type Cell =
  | { kind: 'label'; lines: readonly string[]; span?: number }
  | { kind: 'value'; text: string; span?: number }
  | { kind: 'phone'; phone: string; span?: number };

/** Draws the bordered table; returns its bottom (`top` coordinate). */
function drawTable(p: Painter, data: ManagerFormData | undefined): number {
  const label = (...lines: string[]): Cell => ({ kind: 'label', lines });
  const value = (text: string | undefined, span = 1): Cell => ({ kind: 'value', text: text ?? '', span });
  const rows: Cell[][] = [
    [label('機構名稱'), value(data?.institutionName), label('機構代碼'), value(data?.institutionCode)],
    [label('申請帳號', '(原單一帳號)'), value(data?.accountName, 3)],
    [label('申請人姓名'), value(data?.applicantName), label('身分證字號'), value(data?.nationalId)],
    [label('機構、部門'), value(data?.department), label('聯絡電話'), { kind: 'phone', phone: data?.phone ?? '' }],
    [label('E-mail信箱'), value(data?.email, 3)],
  ];

  // Pass 1: shading and contents. Pass 2: rules on top, so no fill hides a line.
  const rules: [number, number, number, number][] = [];
  let top = TABLE_TOP;
  rows.forEach((row, r) => {
    let x = X0;
    let col = 0;
    for (const cell of row) {
      const span = cell.span ?? 1;
      const w = COLS.slice(col, col + span).reduce((a, b) => a + b, 0);
      const box: Box = { x, top, w, h: ROW_H };
      if (cell.kind === 'label') {
        p.rect(box, { fill: LABEL_FILL });
        drawLabel(p, cell.lines, box);
      } else if (cell.kind === 'value') {
        p.fitted(cell.text, box, { color: VALUE_COLOR });
      } else {
        drawPhone(p, cell.phone, box);
      }
      if (col + span < COLS.length) rules.push([x + w, top, x + w, top + ROW_H]);
      x += w;
      col += span;
    }
    top += ROW_H;
    if (r < rows.length - 1) rules.push([X0, top, X1, top]);
  });
  for (const [x1, t1, x2, t2] of rules) p.line(x1, t1, x2, t2, 0.7);
  p.rect({ x: X0, top: TABLE_TOP, w: CONTENT_W, h: top - TABLE_TOP }, { border: 1.4 });
  return top;
}

function drawLabel(p: Painter, lines: readonly string[], box: Box): void {
  const size = lines.length > 1 ? 11 : LABEL_SIZE;
  const step = size * 1.3;
  let baseline = box.top + box.h / 2 - (step * (lines.length - 1)) / 2 + CJK_CENTER * size;
  for (const line of lines) {
    const w = p.width(line, size);
    const s = w > box.w - 8 ? (size * (box.w - 8)) / w : size;
    p.text(line, box.x + (box.w - p.width(line, s)) / 2, baseline, s);
    baseline += step;
  }
}

/** 「(區碼) 號碼 分機 ___」: the template is printed on blank and filled forms alike. */
function drawPhone(p: Painter, phone: string, box: Box): void {
  const size = LABEL_SIZE;
  const baseline = box.top + box.h / 2 + CJK_CENTER * size;
  const parts = phone.trim() === '' ? { areaCode: '', number: '', extension: '' } : parseTaiwanPhone(phone);

  const open = '(';
  const close = ')';
  const ext = '分機';
  const areaSlot = 30;
  const extSlot = 38;
  const xOpen = box.x + CELL_PAD;
  const xArea = xOpen + p.width(open, size);
  const xClose = xArea + areaSlot;
  const xNumber = xClose + p.width(close, size) + 1;
  const xExtSlot = box.x + box.w - CELL_PAD - extSlot;
  const xExt = xExtSlot - p.width(ext, size) - 1;

  p.text(open, xOpen, baseline, size);
  p.text(close, xClose, baseline, size);
  p.text(ext, xExt, baseline, size);

  const slot = (text: string, x: number, w: number): void => {
    p.fitted(text, { x, top: box.top, w, h: box.h }, { align: 'center', pad: 1, color: VALUE_COLOR });
  };
  slot(normalizeText(parts.areaCode), xArea, areaSlot);
  slot(normalizeText(parts.number), xNumber, xExt - xNumber - 1);
  slot(normalizeText(parts.extension), xExtSlot, extSlot);
}

/** The note under the table; returns the `top` of its last line's descent. */
function drawNote(p: Painter, top: number): number {
  const size = 11;
  const fit = fitText(p.fonts.regular, MANAGER_FORM_NOTE, {
    maxWidth: CONTENT_W,
    maxHeight: size * 1.6 * 4,
    maxSize: size,
    minSingleLineSize: size, // wrap rather than shrink
    lineHeight: 1.6,
  });
  let baseline = top + fit.size;
  for (const line of fit.lines) {
    p.text(line, X0, baseline, fit.size);
    baseline += fit.size * 1.6;
  }
  return baseline - fit.size * 1.6 + fit.size * 0.3;
}

/** 機構關防 (large box) and 負責人印章 (smaller square) side by side. */
function drawSeals(p: Painter, top: number): void {
  const labelSize = 13;
  const gap = 24;
  const sealW = 300;
  const stampW = CONTENT_W - sealW - gap;
  const bottom = PAGE_H - 52;
  const labelBaseline = top + labelSize;
  const boxTop = labelBaseline + 10;
  const sealH = Math.max(120, bottom - boxTop);
  const stampH = Math.min(stampW, sealH);

  const sealBox: Box = { x: X0, top: boxTop, w: sealW, h: sealH };
  const stampBox: Box = { x: X0 + sealW + gap, top: boxTop, w: stampW, h: stampH };

  const centreLabel = (text: string, box: Box): void => {
    p.text(text, box.x + (box.w - p.width(text, labelSize, p.fonts.bold)) / 2, labelBaseline, labelSize, p.fonts.bold);
  };
  centreLabel('機構關防', sealBox);
  centreLabel('負責人印章', stampBox);
  p.rect(sealBox, { border: 1 });
  p.rect(stampBox, { border: 1 });
}
