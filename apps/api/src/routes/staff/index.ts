/** /api/staff/*: 系統人員's back office (institutions, subsystems, content, account search). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffAccountRoutes } from './accounts.js';
import { staffAnnouncementRoutes } from './announcements.js';
import { staffDownloadRoutes } from './downloads.js';
import { staffInstitutionRoutes } from './institutions.js';
import { staffSubsystemRoutes } from './subsystems.js';

export const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(staffInstitutionRoutes);
  await app.register(staffSubsystemRoutes);
  await app.register(staffAnnouncementRoutes);
  await app.register(staffDownloadRoutes);
  await app.register(staffAccountRoutes);
};
