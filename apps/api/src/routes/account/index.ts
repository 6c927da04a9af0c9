import type { FastifyPluginAsync } from 'fastify';
import { changePasswordRoute } from './change-password.js';
import { confirmEmailRoute } from './confirm-email.js';
import { getProfileRoute } from './get-profile.js';
import { listMySubsystemsRoute } from './list-my-subsystems.js';
import { requestSubsystemRoute } from './request-subsystem.js';
import { updateProfileRoute } from './update-profile.js';

/** /api/account/*: the account page of every logged-in role. */
export const accountRoutes: FastifyPluginAsync = async (app) => {
  await app.register(getProfileRoute);
  await app.register(updateProfileRoute);
  await app.register(confirmEmailRoute);
  await app.register(changePasswordRoute);
  await app.register(listMySubsystemsRoute);
  await app.register(requestSubsystemRoute);
};
