import type { FastifyPluginAsync } from 'fastify';
import { applicationRoutes } from './application.js';
import { mySubsystemRoutes } from './my-subsystems.js';
import { profileRoutes } from './profile.js';

/** 帳號申請, 申請進度查詢, and the account page of every logged-in role. */
export const accountRoutes: FastifyPluginAsync = async (app) => {
  await app.register(applicationRoutes);
  await app.register(profileRoutes);
  await app.register(mySubsystemRoutes);
};
