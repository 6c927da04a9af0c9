import type { FastifyRequest } from 'fastify';
import type { HttpError } from '../errors/http-error.js';
import type { UploadedFile } from '../lib/file-type.js';

/**
 * Reads a multipart body (the route's scope registers @fastify/multipart with its limits): the
 * text fields and the first non-empty file part named `file`; other file parts are read and
 * dropped. Beyond a limit → `refusals.tooLarge()`; not multipart, malformed or without a file →
 * `refusals.missing()`.
 */
export async function readMultipart(
  request: FastifyRequest,
  refusals: { missing: () => HttpError; tooLarge: () => HttpError },
): Promise<{ fields: Record<string, string>; file: UploadedFile }> {
  if (!request.isMultipart()) throw refusals.missing();
  const fields: Record<string, string> = {};
  let file: UploadedFile | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.fieldname === 'file' && !file && data.length > 0) file = { filename: part.filename ?? '', data };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413) throw refusals.tooLarge();
    if (status !== undefined && status >= 400 && status < 500) throw refusals.missing();
    throw error;
  }
  if (!file) throw refusals.missing();
  return { fields, file };
}
