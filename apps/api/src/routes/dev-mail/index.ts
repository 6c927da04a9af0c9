import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getDevMailRoute } from './get-dev-mail.js';
import { listDevMailRoute } from './list-dev-mail.js';

/** The development mail viewer; app.ts registers it only when MAIL_VIEWER is on. */
export const devMailRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(listDevMailRoute);
  await app.register(getDevMailRoute);
};
