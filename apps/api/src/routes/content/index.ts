import type { FastifyPluginAsync } from 'fastify';
import { announcementRoutes } from './announcements.js';
import { downloadRoutes } from './downloads.js';
import { subsystemRoutes } from './subsystems.js';

/** What every visitor reads (no login): 公告事項, 下載專區, the subsystem list. */
export const contentRoutes: FastifyPluginAsync = async (app) => {
  await app.register(subsystemRoutes);
  await app.register(announcementRoutes);
  await app.register(downloadRoutes);
};
