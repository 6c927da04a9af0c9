import Fastify, { type FastifyServerOptions } from 'fastify';
import helmet from '@fastify/helmet';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database, NationalIdCrypto } from '@portal/db';
import type { Env } from './env.js';
import { databasePlugin } from './plugins/database.js';
import { errorsPlugin, sendRouteNotFound } from './plugins/errors.js';
import { openapiPlugin } from './plugins/openapi.js';
import { spaPlugin } from './plugins/spa.js';
import { getInstitutionRoute } from './routes/institutions/get-institution.js';
import { searchInstitutionsRoute } from './routes/institutions/search-institutions.js';
import { healthRoutes } from './routes/health/health-routes.js';
import { listSubsystemsRoute } from './routes/subsystems/list-subsystems.js';
import { listAnnouncementsRoute } from './routes/announcements/list-announcements.js';
import { listDownloadsRoute } from './routes/downloads/list-downloads.js';
import { getDownloadFileRoute } from './routes/downloads/get-download-file.js';

export interface AppDependencies {
  env: Env;
  db: Database;
  nationalIdCrypto: NationalIdCrypto;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the app without listening: server.ts listens, tests call app.inject(). */
export async function buildApp({ env, db, nationalIdCrypto, logger }: AppDependencies) {
  const app = Fastify({
    logger: logger ?? { level: env.LOG_LEVEL },
    // Trust X-Forwarded-For only from the configured number of proxies in front of us.
    trustProxy: (_address: string, hop: number) => hop < env.TRUST_PROXY_HOPS,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorsPlugin);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // Only ask browsers to stick to HTTPS when the portal is actually served over it.
    strictTransportSecurity: env.PUBLIC_ORIGIN.startsWith('https://'),
  });
  await app.register(databasePlugin, { db, nationalIdCrypto });
  await app.register(openapiPlugin);

  await app.register(healthRoutes);
  await app.register(searchInstitutionsRoute);
  await app.register(getInstitutionRoute);
  await app.register(listSubsystemsRoute);
  await app.register(listAnnouncementsRoute);
  await app.register(listDownloadsRoute);
  await app.register(getDownloadFileRoute);

  if (env.WEB_DIST) await app.register(spaPlugin, { root: env.WEB_DIST });
  else app.setNotFoundHandler(sendRouteNotFound);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
