import { taipeiDateParts as taipeiDatePartsOf } from '@portal/shared';

/** Calendar date parts (Gregorian, 西元) of an instant as seen in Asia/Taipei. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function taipeiDateParts(date: Date): DateParts {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new RangeError('appliedAt must be a valid Date');
  }
  return taipeiDatePartsOf(date);
}

/** A phone number split into the slots of the paper form: 「(區碼) 號碼 分機」. */
export interface PhoneParts {
  areaCode: string;
  number: string;
  extension: string;
}

/**
 * Splits a Taiwanese phone number as typed by users, e.g.
 * `02-12345678#123`, `(02)1234-5678 分機 123`, `049-2345678 ext. 9`,
 * `0912345678` (mobile: no area code). Anything it cannot recognise is kept
 * whole in `number`, so nothing the user typed is lost.
 */
export function parseTaiwanPhone(phone: string): PhoneParts {
  let rest = phone.replace(/\s+/gu, ' ').trim();
  let extension = '';
  const ext = /\s*(?:#|＃|分機|ext\.?|x)\s*([0-9０-９-]*)\s*$/iu.exec(rest);
  if (ext && ext.index > 0) {
    extension = ext[1] ?? '';
    rest = rest.slice(0, ext.index).trim();
  }
  // (02) 12345678 / （02）12345678
  const paren = /^[(（]\s*(\d{1,4})\s*[)）]\s*-?\s*(.+)$/u.exec(rest);
  if (paren) return { areaCode: paren[1]!, number: paren[2]!.trim(), extension };
  // 02-12345678, 049 2345678, +886-2-12345678 is left as typed below.
  const sep = /^(0\d{1,3})[-\s]+(.+)$/u.exec(rest);
  if (sep && !/^09/u.test(sep[1]!)) return { areaCode: sep[1]!, number: sep[2]!.trim(), extension };
  return { areaCode: '', number: rest, extension };
}
