import type { FastifyRequest } from 'fastify';
import { isStorableText, messages } from '@portal/shared';
import { fieldError, HttpError } from '../errors/http-error.js';
import type { UploadedFile } from '../lib/file-type.js';

/**
 * Reads a multipart body (the route's scope registers @fastify/multipart with its limits): the
 * text fields and the first non-empty file part named `file`; other file parts are read and
 * dropped. A file beyond its size → `refusals.tooLarge()`; more parts or fields than the scope
 * allows → 413 TOO_MANY_PARTS; not multipart, malformed or without a file → `refusals.missing()`.
 * A field or file name the database could not store (NUL, lone surrogate) → 400, as text()
 * refuses it in a JSON body.
 */
/** @fastify/multipart's errors for too many parts, files or fields (its file-size error is another). */
const PART_LIMIT_CODES = new Set(['FST_PARTS_LIMIT', 'FST_FILES_LIMIT', 'FST_FIELDS_LIMIT']);

function storable(field: string, value: string): string {
  if (!isStorableText(value)) throw fieldError(400, 'VALIDATION_FAILED', field, messages.unstorableText);
  return value;
}

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
        if (part.fieldname === 'file' && !file && data.length > 0) file = { filename: storable('file', part.filename ?? ''), data };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = storable(part.fieldname, part.value);
      }
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    const { statusCode: status, code } = error as { statusCode?: number; code?: string };
    if (code && PART_LIMIT_CODES.has(code)) throw new HttpError(413, 'TOO_MANY_PARTS', messages.tooManyParts);
    if (status === 413) throw refusals.tooLarge();
    if (status !== undefined && status >= 400 && status < 500) throw refusals.missing();
    throw error;
  }
  if (!file) throw refusals.missing();
  return { fields, file };
}
