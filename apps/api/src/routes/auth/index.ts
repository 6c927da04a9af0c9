import type { FastifyPluginAsync } from 'fastify';
import { passwordRoutes } from './password.js';
import { sessionRoutes } from './session.js';

/** Login, session, refresh, logout; forgot / reset / change password. */
export const authRoutes: FastifyPluginAsync = async (app) => {
  await app.register(sessionRoutes);
  await app.register(passwordRoutes);
};
