import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { LookupLimits } from '../../services/screening/lookup.js';
import { screeningAlertRoutes } from './alerts.js';
import { screeningImportRoutes } from './csv-import.js';
import { lookupLogRoutes } from './lookup-log.js';
import { lookupRoutes } from './lookup.js';
import { subsystemScreeningRoutes } from './subsystem-api.js';

/**
 * 篩檢結果查詢: the lookup for institution accounts, its log for staff and for each
 * institution's manager, the alerts of unusual lookup volumes, and the staff CSV back-fill.
 * and the subsystems' ingest and eligibility endpoints (client credentials of the portal's
 * OpenID provider).
 */
export const screeningRoutes: FastifyPluginAsyncZod<LookupLimits> = async (app, limits) => {
  await app.register(lookupRoutes, limits);
  await app.register(lookupLogRoutes);
  await app.register(screeningAlertRoutes);
  await app.register(screeningImportRoutes);
  await app.register(subsystemScreeningRoutes);
};
