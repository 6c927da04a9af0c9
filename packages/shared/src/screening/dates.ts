/**
 * Plain calendar dates ('YYYY-MM-DD', no time, no zone) for the screening rules: a birth date,
 * a visit date and a rule's effective date are days in Taiwan, never instants. Arithmetic goes
 * through UTC midnight so that no time zone or daylight-saving rule can shift a day.
 */
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isPlainDate(value: string): boolean {
  const match = PLAIN_DATE.exec(value);
  if (!match) return false;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(time).toISOString().slice(0, 10) === value;
}

const toUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (time: number) => new Date(time).toISOString().slice(0, 10);

export const yearOf = (date: string) => Number(date.slice(0, 4));

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => Math.round((toUtc(to) - toUtc(from)) / DAY_MS);

/** The same day `months` later; a day the month lacks becomes its last day (1月31日 + 1 → 2月28/29日). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return fromUtc(target.getTime());
}

/** Completed months of age on `date` (a child born 2026-01-15 is 1 month old from 2026-02-15). */
export function completedMonths(birthDate: string, date: string): number {
  const [by, bm] = birthDate.split('-').map(Number) as [number, number];
  const [y, m] = date.split('-').map(Number) as [number, number];
  let months = (y - by) * 12 + (m - bm);
  if (addMonths(birthDate, months) > date) months -= 1;
  return months;
}

/** 1 January of a year. */
export const januaryFirst = (year: number) => `${year}-01-01`;

/** 民國 year of a date, for zh-TW display: 2025-01-01 → 114. */
export const rocYearOf = (date: string) => yearOf(date) - 1911;

/** A plain date as the portal shows dates (2025/01/01), for sentences such as a verdict's reason. */
export const shownDate = (date: string) => date.replaceAll('-', '/');
