import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { DEFAULT_HOLIDAY_CALENDAR_FILE, loadHolidayCalendar, uncoveredYears, type HolidayCalendar } from '../lib/working-days.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Taiwan's public holidays and make-up workdays (due dates of 紙本審核). */
    holidayCalendar: HolidayCalendar;
  }
}

export const holidayCalendarPlugin = fp(
  async (app: FastifyInstance, options: { file?: string | undefined }) => {
    const file = options.file || DEFAULT_HOLIDAY_CALENDAR_FILE;
    const calendar = loadHolidayCalendar(file);
    const missing = uncoveredYears(calendar);
    if (missing.length > 0) {
      app.log.warn(
        { file, missingYears: missing },
        `holiday calendar has no holidays for ${missing.join(' and ')}: 紙本審核 due dates there count every weekday; add the DGPA calendar to the file (HOLIDAY_CALENDAR_FILE)`,
      );
    }
    app.decorate('holidayCalendar', calendar);
  },
  { name: 'holiday-calendar' },
);
