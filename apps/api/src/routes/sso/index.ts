import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ssoInteractionRoutes } from './interactions.js';
import { mySsoSessionRoutes } from './my-sso-sessions.js';
import { staffOidcClientRoutes } from './staff-oidc-clients.js';

/** 單一入口 as the subsystems' OpenID provider: the login hand-over, its logout, and the client registration. */
export const ssoRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(ssoInteractionRoutes);
  await app.register(staffOidcClientRoutes);
  await app.register(mySsoSessionRoutes);
};
