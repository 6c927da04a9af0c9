import type { FastifyPluginAsync } from 'fastify';
import { forgotPasswordRoute } from './forgot-password.js';
import { getSessionRoute } from './get-session.js';
import { loginRoute } from './login.js';
import { logoutRoute } from './logout.js';
import { refreshRoute } from './refresh.js';
import { resetPasswordRoute } from './reset-password.js';

/** /api/auth/*: login, session, refresh, logout, forgot / reset password. */
export const authRoutes: FastifyPluginAsync = async (app) => {
  await app.register(loginRoute);
  await app.register(getSessionRoute);
  await app.register(refreshRoute);
  await app.register(logoutRoute);
  await app.register(forgotPasswordRoute);
  await app.register(resetPasswordRoute);
};
