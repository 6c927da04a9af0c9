import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SCAN_MAX_BYTES } from '@portal/shared';
import { readMultipart } from '../../http/multipart.js';
import type { ManagerRequestDeps } from '../../services/manager-requests/core.js';
import { refuseRequest } from '../../services/manager-requests/errors.js';

export function managerRequestDeps(app: FastifyInstance): ManagerRequestDeps {
  return {
    prisma: app.db.prisma,
    crypto: app.nationalIdCrypto,
    publicOrigin: app.auth.publicOrigin,
    calendar: app.holidayCalendar,
    trustStore: app.cardTrustStore,
    challengeTtlMs: app.cardChallengeTtlMs,
  };
}

/** Limits of the multipart parser registered for the upload routes (see index.ts). */
export const MULTIPART_LIMITS = { fileSize: SCAN_MAX_BYTES, files: 1, fields: 4, fieldSize: 1024, parts: 6 } as const;

/** The stamped scan (field `file`) and the text fields of a multipart body; its type is decided later from the bytes. */
export const readScanUpload = (request: FastifyRequest) =>
  readMultipart(request, { missing: () => refuseRequest('SCAN_REQUIRED'), tooLarge: () => refuseRequest('SCAN_TOO_LARGE') });
