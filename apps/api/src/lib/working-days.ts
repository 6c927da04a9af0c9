import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { addTaipeiDays, taipeiDate, taipeiDayEnd } from '@portal/shared';

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

/**
 * The years among this one and the next (Taipei) for which the calendar lists no holiday: their
 * due dates would count every weekday as a working day, so start-up warns (the DGPA publishes
 * the next year's calendar in the summer).
 */
export function uncoveredYears(calendar: HolidayCalendar, now: Date = new Date()): number[] {
  const year = Number(taipeiDate(now).slice(0, 4));
  const covered = new Set([...calendar.holidays.keys()].map((date) => Number(date.slice(0, 4))));
  return [year, year + 1].filter((candidate) => !covered.has(candidate));
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
  let date = taipeiDate(start);
  let counted = 0;
  for (let guard = 0; counted < days; guard += 1) {
    if (guard > 366) throw new Error('no working day within a year: check the holiday calendar');
    date = addTaipeiDays(date, 1);
    if (isWorkingDay(date, calendar)) counted += 1;
  }
  return new Date(taipeiDayEnd(date).getTime() - 1);
}
