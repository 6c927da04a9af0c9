import type { FastifyReply } from 'fastify';
import { ErrorBodySchema } from '@portal/shared';
import { TooManyAttemptsError } from '../errors/http-error.js';

/** The `{ code, message, fieldErrors? }` body under each of these statuses, for a route's response schema. */
export function errorResponses<Status extends number>(...statuses: Status[]): Record<Status, typeof ErrorBodySchema> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorBodySchema])) as Record<Status, typeof ErrorBodySchema>;
}

/** What every back-office route may answer besides its 2xx. */
export const backOfficeErrors = errorResponses(400, 401, 403, 404, 409);

/** Awaits a service call; when it refuses with TooManyAttemptsError, the answer carries Retry-After. */
export async function withRetryAfter<T>(reply: FastifyReply, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof TooManyAttemptsError) reply.header('retry-after', String(error.retryAfterSeconds));
    throw error;
  }
}
