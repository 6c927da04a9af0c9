import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { messages, type ErrorBody } from '@portal/shared';
import { HttpError, TooManyAttemptsError } from '../errors/http-error.js';

/** The 404 of a path no route serves (app.ts or the SPA plugin installs it). */
export function sendRouteNotFound(_request: FastifyRequest, reply: FastifyReply) {
  return reply.status(404).send({ code: 'NOT_FOUND', message: messages.routeNotFound } satisfies ErrorBody);
}

const MESSAGE_BY_STATUS: Record<number, [code: string, message: string]> = {
  400: ['BAD_REQUEST', messages.badRequest],
  401: ['UNAUTHORIZED', messages.unauthorized],
  403: ['FORBIDDEN', messages.forbidden],
  404: ['NOT_FOUND', messages.routeNotFound],
  413: ['PAYLOAD_TOO_LARGE', messages.payloadTooLarge],
  415: ['UNSUPPORTED_MEDIA_TYPE', messages.unsupportedMediaType],
  429: ['TOO_MANY_REQUESTS', messages.tooManyRequests],
};

function fieldErrorsOf(
  validation: { instancePath: string; message?: string | undefined }[],
  context: string | undefined,
) {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of validation) {
    const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || context || '_';
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
        const [code, message] = MESSAGE_BY_STATUS[status] ?? ['BAD_REQUEST', messages.badRequest];
        body = { code, message };
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
