import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { loadHolidayCalendar, type HolidayCalendar } from '../lib/working-days.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Taiwan's public holidays and make-up workdays (due dates of 紙本審核). */
    holidayCalendar: HolidayCalendar;
  }
}

export const holidayCalendarPlugin = fp(
  async (app: FastifyInstance, options: { file?: string | undefined }) => {
    app.decorate('holidayCalendar', loadHolidayCalendar(options.file || undefined));
  },
  { name: 'holiday-calendar' },
);
