/**
 * Calendar dates as Taiwan reads them, whatever the time zone of the server or the browser.
 * Taiwan has kept UTC+8 without daylight saving time since 1979, so a Taipei date is the UTC
 * date of the instant shifted by eight hours: no time-zone database is needed.
 */
const TAIPEI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The Taipei calendar date of an instant, as YYYY-MM-DD. */
export function taipeiDate(instant: Date): string {
  return new Date(instant.getTime() + TAIPEI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today in Taiwan, as YYYY-MM-DD. */
export const taipeiToday = (now: Date = new Date()) => taipeiDate(now);

/** The Taipei date (YYYY-MM-DD) and hour (0–23) of an instant. */
export function taipeiClock(instant: Date): { date: string; hour: number } {
  const shifted = new Date(instant.getTime() + TAIPEI_OFFSET_MS);
  return { date: shifted.toISOString().slice(0, 10), hour: shifted.getUTCHours() };
}

/** The Taipei date as year, month and day numbers (西元). */
export function taipeiDateParts(instant: Date): { year: number; month: number; day: number } {
  const [year, month, day] = taipeiDate(instant).split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** YYYY/MM/DD, the way the portal and its documents show a date (2020/09/26). */
export function formatTaipeiDate(instant: Date | string): string {
  return taipeiDate(typeof instant === 'string' ? new Date(instant) : instant).replaceAll('-', '/');
}

/** YYYYMMDD: the date inside 申請編號 and export file names. */
export function compactTaipeiDate(instant: Date): string {
  return taipeiDate(instant).replaceAll('-', '');
}

/** 00:00 of a Taipei date (YYYY-MM-DD): where a `from` filter starts. */
export const taipeiDayStart = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - TAIPEI_OFFSET_MS);

/** 00:00 of the next Taipei date: `to` filters are inclusive, so they end here (exclusive). */
export const taipeiDayEnd = (date: string) => new Date(taipeiDayStart(date).getTime() + DAY_MS);

/** The Taipei date `days` calendar days after `date` (YYYY-MM-DD). */
export function addTaipeiDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
