/**
 * The columns of the staff CSV import (back-filling records on behalf of a subsystem): each
 * header, where its value goes in ScreeningRecordInput, and how its text is read. Codes and
 * zh-TW labels are both accepted (SMOKING_STATUS_LABELS …), so a file typed by hand works.
 */
import {
  BETEL_NUT_STATUS_LABELS,
  FOLLOW_UP_STATE_LABELS,
  SCREENING_RESULT_LABELS,
  SCREENING_SERVICE_INFO,
  SEX_LABELS,
  SMOKING_STATUS_LABELS,
} from './services.js';

type CellReader = (text: string) => unknown;

const text: CellReader = (value) => value;
/** A number, or the text itself so that validation reports it. */
const number: CellReader = (value) => (/^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value);
const YES = new Set(['是', 'Y', 'YES', 'TRUE', '1']);
const NO = new Set(['否', 'N', 'NO', 'FALSE', '0']);
const yesNo: CellReader = (value) => (YES.has(value.toUpperCase()) ? true : NO.has(value.toUpperCase()) ? false : value);
/** A code as is, or the code whose label this is. */
const codeOrLabel =
  (labels: Readonly<Record<string, string>>): CellReader =>
  (value) =>
    Object.entries(labels).find(([code, label]) => code === value.toUpperCase() || label === value)?.[0] ?? value;

const SERVICE_LABELS = Object.fromEntries(Object.entries(SCREENING_SERVICE_INFO).map(([code, info]) => [code, info.label]));

export interface CsvColumn {
  header: string;
  /** Dotted path in the record input; `subsystemCode` is the row's subsystem. */
  path: string;
  read: CellReader;
  required: boolean;
}

export const SCREENING_CSV_COLUMNS: readonly CsvColumn[] = [
  { header: '子系統代碼', path: 'subsystemCode', read: text, required: true },
  { header: '子系統紀錄編號', path: 'recordId', read: text, required: true },
  { header: '服務項目', path: 'service', read: codeOrLabel(SERVICE_LABELS), required: true },
  { header: '次別', path: 'visitNumber', read: number, required: false },
  { header: '服務日期', path: 'serviceDate', read: text, required: true },
  { header: '醫事機構代碼', path: 'institutionCode', read: text, required: true },
  { header: '檢查結果', path: 'result', read: codeOrLabel(SCREENING_RESULT_LABELS), required: true },
  { header: '追蹤狀態', path: 'followUpState', read: codeOrLabel(FOLLOW_UP_STATE_LABELS), required: false },
  { header: '轉介日期', path: 'referredOn', read: text, required: false },
  { header: '確診日期', path: 'diagnosedOn', read: text, required: false },
  { header: '結案日期', path: 'closedOn', read: text, required: false },
  { header: '身分證', path: 'person.nationalId', read: text, required: true },
  { header: '出生日期', path: 'person.birthDate', read: text, required: true },
  { header: '性別', path: 'person.sex', read: codeOrLabel(SEX_LABELS), required: true },
  { header: '原住民', path: 'person.indigenous', read: yesNo, required: false },
  { header: '乳癌家族史', path: 'person.familyHistoryBreast', read: yesNo, required: false },
  { header: '大腸癌家族史', path: 'person.familyHistoryColorectal', read: yesNo, required: false },
  { header: '肺癌家族史', path: 'person.familyHistoryLung', read: yesNo, required: false },
  { header: '吸菸狀況', path: 'person.smokingStatus', read: codeOrLabel(SMOKING_STATUS_LABELS), required: false },
  { header: '吸菸包年', path: 'person.packYears', read: number, required: false },
  { header: '戒菸年份', path: 'person.quitYear', read: number, required: false },
  { header: '嚼檳榔狀況', path: 'person.betelNutStatus', read: codeOrLabel(BETEL_NUT_STATUS_LABELS), required: false },
  { header: '每日吸菸支數', path: 'person.cigarettesPerDay', read: number, required: false },
  { header: 'FTND分數', path: 'person.ftndScore', read: number, required: false },
  { header: '小兒麻痺', path: 'person.polio', read: yesNo, required: false },
  { header: '預產期', path: 'person.expectedDeliveryDate', read: text, required: false },
];

export const SCREENING_CSV_HEADER_LINE = SCREENING_CSV_COLUMNS.map((column) => column.header).join(',');

/** The header of a field path ('person.birthDate' → 出生日期), for messages about a row. */
export function csvHeaderOf(path: string): string | undefined {
  return SCREENING_CSV_COLUMNS.find((column) => column.path === path)?.header;
}

/** One CSV row (header → cell) as { subsystemCode, record input }; empty cells are left out. */
export function csvRowToRecordInput(row: Readonly<Record<string, string | undefined>>): { subsystemCode: string; input: Record<string, unknown> } {
  const input: Record<string, unknown> = { person: {} };
  let subsystemCode = '';
  for (const column of SCREENING_CSV_COLUMNS) {
    const cell = row[column.header]?.trim() ?? '';
    if (cell === '') continue;
    if (column.path === 'subsystemCode') {
      subsystemCode = cell;
      continue;
    }
    const [head, tail] = column.path.split('.') as [string, string | undefined];
    if (tail) (input[head] as Record<string, unknown>)[tail] = column.read(cell);
    else input[head] = column.read(cell);
  }
  return { subsystemCode, input };
}
