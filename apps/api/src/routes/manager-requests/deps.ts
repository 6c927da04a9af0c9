import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contentDisposition } from '../../lib/content-disposition.js';
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

/** Sends stored bytes as a download that the browser must not sniff or run. */
export function sendFile(reply: FastifyReply, file: { filename: string; contentType: string; data: Uint8Array }, inline = true) {
  return reply
    .header('content-type', file.contentType)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('content-disposition', contentDisposition(file.filename, inline ? 'inline' : 'attachment'))
    // Staff see the scan beside the request's data in a frame of the portal itself; the content
    // type was established from the bytes at upload, so only a PDF or an image is ever framed.
    .header('content-security-policy', "frame-ancestors 'self'")
    .header('x-frame-options', 'SAMEORIGIN')
    .send(Buffer.from(file.data));
}

export const FORM_FILENAME = (requestNo: string) => `管理者帳號申請異動表_${requestNo}.pdf`;
