import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { institutionManagerRoutes } from './institution-manager.js';
import { staffAccountRoutes } from './staff-accounts.js';
import { staffAnnouncementRoutes } from './staff-announcements.js';
import { staffDownloadRoutes } from './staff-downloads.js';
import { staffInstitutionRoutes } from './staff-institutions.js';
import { staffSubsystemRoutes } from './staff-subsystems.js';
import { subsystemManagerRoutes } from './subsystem-manager.js';

/**
 * The approvers' screens: /api/institution-manager/* (單位業務管理者, own institution),
 * /api/subsystem-manager/* (子系統管理者, own subsystems) and /api/staff/* (系統人員:
 * institutions, subsystems, content, account search).
 */
export const backOfficeRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(institutionManagerRoutes);
  await app.register(subsystemManagerRoutes);
  await app.register(staffInstitutionRoutes);
  await app.register(staffSubsystemRoutes);
  await app.register(staffAnnouncementRoutes);
  await app.register(staffDownloadRoutes);
  await app.register(staffAccountRoutes);
};
