/** Taiwan has no daylight saving time: a Taipei calendar date is always UTC+8. */
const TAIPEI_OFFSET = '+08:00';
const DAY_MS = 24 * 60 * 60 * 1000;

/** A request waiting longer than this is overdue (the digest and the queue counts). */
export const OVERDUE_AFTER_MS = 3 * DAY_MS;

/** 00:00 of a Taipei date (YYYY-MM-DD). */
export const taipeiDayStart = (date: string) => new Date(`${date}T00:00:00${TAIPEI_OFFSET}`);
/** 00:00 of the next Taipei date: `to` filters are inclusive. */
export const taipeiDayEnd = (date: string) => new Date(taipeiDayStart(date).getTime() + DAY_MS);

/** The Taipei date (YYYY-MM-DD) and hour of an instant. */
export function taipeiClock(now: Date): { date: string; hour: number } {
  const shifted = new Date(now.getTime() + 8 * 60 * 60 * 1000);
  return { date: shifted.toISOString().slice(0, 10), hour: shifted.getUTCHours() };
}
