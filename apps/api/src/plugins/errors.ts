import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isStorableText, messages, type ErrorBody } from '@portal/shared';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../errors/database-unavailable.js';
import { HttpError, TooManyAttemptsError } from '../errors/http-error.js';
import type { SecurityHeaders } from './security-headers.js';

/** The 404 of a path no route serves (app.ts or the SPA plugin installs it). */
export function sendRouteNotFound(_request: FastifyRequest, reply: FastifyReply) {
  return reply.status(404).send({ code: 'NOT_FOUND', message: messages.routeNotFound } satisfies ErrorBody);
}

const MESSAGE_BY_STATUS: Record<number, [code: string, message: string]> = {
  400: ['BAD_REQUEST', messages.badRequest],
  401: ['UNAUTHORIZED', messages.unauthorized],
  403: ['FORBIDDEN', messages.forbidden],
  404: ['NOT_FOUND', messages.routeNotFound],
  408: ['REQUEST_TIMEOUT', messages.requestTimeout],
  413: ['PAYLOAD_TOO_LARGE', messages.payloadTooLarge],
  414: ['URI_TOO_LONG', messages.uriTooLong],
  415: ['UNSUPPORTED_MEDIA_TYPE', messages.unsupportedMediaType],
  429: ['TOO_MANY_REQUESTS', messages.tooManyRequests],
  431: ['HEADERS_TOO_LARGE', messages.headersTooLarge],
};

/** The body of a 4xx that carries no message of its own. */
function bodyForStatus(status: number): ErrorBody {
  const [code, message] = MESSAGE_BY_STATUS[status] ?? ['BAD_REQUEST', messages.badRequest];
  return { code, message };
}

/**
 * Fastify's own refusals before any route or hook runs (a malformed or over-long path, 400 and
 * 414): the portal's error shape and security headers, as every other answer.
 */
export function frameworkErrorHandler(headers: SecurityHeaders) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
    request.log.info({ code: error.code, status }, 'request refused');
    for (const [name, value] of headers) reply.header(name, value);
    return reply.status(status).send(bodyForStatus(status));
  };
}

/**
 * Refusals of Node's HTTP parser, before Fastify sees a request (431 headers too large, 408
 * timeout, a malformed request): written to the socket in the portal's error shape.
 */
export function clientErrorHandler(headers: SecurityHeaders) {
  return (error: NodeJS.ErrnoException, socket: Socket) => {
    // A reset connection has nobody left to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const body = JSON.stringify(bodyForStatus(status));
    if (socket.writable) {
      const head = [
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Connection: close',
        ...headers.map(([name, value]) => `${name}: ${value}`),
      ];
      socket.write(`${head.join('\r\n')}\r\n\r\n${body}`);
    }
    socket.destroy(error);
  };
}

function fieldErrorsOf(
  validation: { instancePath: string; message?: string | undefined }[],
  context: string | undefined,
) {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of validation) {
    // A path can hold a key the client sent (the keys of a record): it ends before the first one
    // the answer cannot carry (NUL, a lone surrogate), so the error names the object holding it.
    const segments = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean);
    const unsendable = segments.findIndex((segment) => !isStorableText(segment));
    const field = (unsendable === -1 ? segments : segments.slice(0, unsendable)).join('.') || context || '_';
    (fieldErrors[field] ??= []).push(issue.message ?? messages.badRequest);
  }
  return fieldErrors;
}

/**
 * Every error leaves as `{ code, message, fieldErrors? }`. 4xx messages are zh-TW and safe to
 * show; a 5xx says only that something went wrong, and the details go to the log with the
 * request id.
 */
export const errorsPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
      let status: number;
      let body: ErrorBody;
      if (error instanceof HttpError) {
        status = error.statusCode;
        body = { code: error.code, message: error.message, ...(error.fieldErrors && { fieldErrors: error.fieldErrors }) };
        // Every 429 says when to come back, whichever route threw it.
        if (error instanceof TooManyAttemptsError) reply.header('retry-after', String(error.retryAfterSeconds));
      } else if (hasZodFastifySchemaValidationErrors(error)) {
        const fieldErrors = fieldErrorsOf(error.validation, error.validationContext);
        status = 400;
        body = { code: 'VALIDATION_FAILED', message: Object.values(fieldErrors)[0]?.[0] ?? messages.badRequest, fieldErrors };
      } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        status = error.statusCode;
        body = bodyForStatus(status);
      } else if (isDatabaseUnavailable(error)) {
        // An outage, not a bug: the same request will work once the database is back.
        status = 503;
        request.log.warn({ err: error }, 'database unavailable');
        reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
        body = { code: 'SERVICE_UNAVAILABLE', message: messages.serviceUnavailable };
      } else {
        status = 500;
        request.log.error({ err: error }, 'unhandled error');
        body = { code: 'INTERNAL', message: messages.internal };
      }
      if (status < 500) request.log.info({ code: body.code, status }, 'request refused');
      return reply.status(status).send(body);
    });
  },
  { name: 'errors' },
);
