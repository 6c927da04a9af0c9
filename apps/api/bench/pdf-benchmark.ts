/**
 * 紙本審核 form: time to render the filled 管理者帳號申請、異動表 (kind A, every field filled, CJK
 * font subset embedded) and the size of the PDF. Run: `npx tsx --conditions=@portal/source bench/pdf-benchmark.ts [iterations]`.
 * The first render (font load and parse) is reported apart; the API pays it once per process.
 */
import { performance } from 'node:perf_hooks';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderBlankManagerForm, renderFilledManagerForm, type ManagerFormData } from '@portal/forms';
import { percentile } from './bench-support.js';

const iterations = Number(process.argv[2] ?? 300);
const data = (i: number): ManagerFormData => ({
  kind: (['A', 'B', 'C_A', 'C_B'] as const)[i % 4]!,
  appliedAt: new Date(),
  institutionName: '財團法人示範紀念醫院附設臺北分院（測試用機構名稱較長）',
  institutionCode: '9900000001',
  accountName: `benchmanager${i}`,
  applicantName: '王大明',
  nationalId: 'A123456789',
  department: '家庭醫學科 預防保健組',
  phone: '02-25220878#1234',
  email: `bench${i}@example.com.tw`,
});

let started = performance.now();
const first = await renderFilledManagerForm(data(0));
const firstMs = performance.now() - started;
const timings: number[] = [];
const sizes: number[] = [];
for (let i = 1; i <= iterations; i += 1) {
  started = performance.now();
  const pdf = await renderFilledManagerForm(data(i));
  timings.push(performance.now() - started);
  sizes.push(pdf.byteLength);
}
const blank = await renderBlankManagerForm();
const result = {
  machine: `${process.platform} ${process.arch}, node ${process.version}`,
  at: new Date().toISOString(),
  iterations,
  firstRenderMs: +firstMs.toFixed(1),
  medianMs: +percentile(timings, 0.5).toFixed(2),
  p99Ms: +percentile(timings, 0.99).toFixed(2),
  maxMs: +Math.max(...timings).toFixed(2),
  filledBytes: { first: first.byteLength, median: percentile(sizes, 0.5), max: Math.max(...sizes) },
  blankBytes: blank.byteLength,
};
console.log(result);
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bench-results');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'manager-form-pdf.json'), JSON.stringify(result, null, 2));
