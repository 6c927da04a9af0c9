import { AUTH_MESSAGES, messages } from '@portal/shared';

/**
 * A refusal the client can act on: status + stable code + zh-TW message (+ the fields it is
 * about). Services throw it; the errors plugin turns it into the `{ code, message, fieldErrors? }`
 * body. It lives outside plugins/ so that services need nothing from Fastify.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

/** 429 with the time to wait; the errors plugin copies retryAfterSeconds into Retry-After. */
export class TooManyAttemptsError extends HttpError {
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
    code = 'TOO_MANY_ATTEMPTS',
  ) {
    super(429, code, message);
  }
}

/** A refusal about one field: the message is also the field's error. */
export const fieldError = (statusCode: number, code: string, field: string, message: string) =>
  new HttpError(statusCode, code, message, { [field]: [message] });

export const notFound = (message: string = messages.notFound) => new HttpError(404, 'NOT_FOUND', message);

export const forbidden = (code = 'FORBIDDEN', message: string = messages.forbidden) => new HttpError(403, code, message);

export const unauthorized = (code = 'UNAUTHORIZED', message: string = messages.unauthorized) =>
  new HttpError(401, code, message);

/** The 401 of a session that no longer holds (expired, revoked, account changed or gone). */
export const sessionExpired = () => unauthorized('SESSION_EXPIRED', AUTH_MESSAGES.sessionExpired);
