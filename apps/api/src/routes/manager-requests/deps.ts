import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SCAN_MAX_BYTES } from '@portal/shared';
import type { ManagerRequestDeps } from '../../services/manager-requests/core.js';
import { refuseRequest } from '../../services/manager-requests/errors.js';

export function managerRequestDeps(app: FastifyInstance): ManagerRequestDeps {
  return {
    prisma: app.db.prisma,
    crypto: app.nationalIdCrypto,
    origin: app.auth.publicOrigin,
    calendar: app.holidayCalendar,
    trustStore: app.cardTrustStore,
    challengeTtlMs: app.cardChallengeTtlMs,
  };
}

export const originOf = (request: FastifyRequest) => ({ ip: request.ip, requestId: request.id });

/** Limits of the multipart parser registered for the upload routes (see index.ts). */
export const MULTIPART_LIMITS = { fileSize: SCAN_MAX_BYTES, files: 1, fields: 4, fieldSize: 1024, parts: 6 } as const;

/**
 * Reads one uploaded file (field `file`) and the text fields of a multipart body. Too big: 413;
 * not multipart or no file: 400. The type is decided later from the bytes.
 */
export async function readUpload(request: FastifyRequest): Promise<{ bytes: Buffer; filename: string | undefined; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw refuseRequest('SCAN_REQUIRED');
  const fields: Record<string, string> = {};
  let upload: { bytes: Buffer; filename: string | undefined } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'file' && !upload) upload = { bytes, filename: part.filename };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413) throw refuseRequest('SCAN_TOO_LARGE');
    if (status !== undefined && status >= 400 && status < 500) throw refuseRequest('SCAN_REQUIRED');
    throw error;
  }
  if (!upload || upload.bytes.length === 0) throw refuseRequest('SCAN_REQUIRED');
  return { ...upload, fields };
}
