import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * Working days in Asia/Taipei: Monday–Friday, minus public holidays, plus make-up workdays
 * (補行上班, a Saturday worked to bridge a long weekend). The calendar is a JSON file the
 * administration edits when the DGPA announces the year (config/holidays/taiwan.json, or the
 * file in HOLIDAY_CALENDAR_FILE).
 */
export interface HolidayCalendar {
  /** YYYY-MM-DD (Taipei) → name. */
  holidays: ReadonlyMap<string, string>;
  workdays: ReadonlyMap<string, string>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DayListSchema = z.array(
  z.object({ date: z.string().regex(DATE), name: z.string().min(1), uncertain: z.boolean().optional() }),
);
const CalendarFileSchema = z.object({ holidays: DayListSchema, workdays: DayListSchema.default([]) });

export const DEFAULT_HOLIDAY_CALENDAR_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../config/holidays/taiwan.json',
);

export function parseHolidayCalendar(json: unknown): HolidayCalendar {
  const parsed = CalendarFileSchema.parse(json);
  return {
    holidays: new Map(parsed.holidays.map((day) => [day.date, day.name])),
    workdays: new Map(parsed.workdays.map((day) => [day.date, day.name])),
  };
}

export function loadHolidayCalendar(file: string = DEFAULT_HOLIDAY_CALENDAR_FILE): HolidayCalendar {
  try {
    return parseHolidayCalendar(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new Error(`holiday calendar ${file}: ${(error as Error).message}`);
  }
}

const TAIPEI_OFFSET_MS = 8 * 60 * 60 * 1000; // Taiwan has no daylight saving time.
const DAY_MS = 24 * 60 * 60 * 1000;

/** The Taipei calendar date of an instant, as YYYY-MM-DD. */
export function taipeiDate(instant: Date): string {
  return new Date(instant.getTime() + TAIPEI_OFFSET_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, calendar: HolidayCalendar): boolean {
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The end (23:59:59.999 Taipei) of the `days`-th working day after `start`'s Taipei date. The
 * day of submission never counts, whatever the hour: submitted on Friday 09:00 before a normal
 * weekend, three working days end on Wednesday evening.
 */
export function addWorkingDays(start: Date, days: number, calendar: HolidayCalendar): Date {
  if (!Number.isInteger(days) || days < 1) throw new Error('days must be a positive integer');
  let cursor = Date.parse(`${taipeiDate(start)}T00:00:00Z`);
  let counted = 0;
  for (let guard = 0; counted < days; guard += 1) {
    if (guard > 366) throw new Error('no working day within a year: check the holiday calendar');
    cursor += DAY_MS;
    if (isWorkingDay(new Date(cursor).toISOString().slice(0, 10), calendar)) counted += 1;
  }
  // cursor is midnight of the due date read as UTC; Taipei's end of that day:
  return new Date(cursor + DAY_MS - 1 - TAIPEI_OFFSET_MS);
}
