import { ErrorBodySchema } from '@portal/shared';

/** The `{ code, message, fieldErrors? }` body under each of these statuses, for a route's response schema. */
export function errorResponses<Status extends number>(...statuses: Status[]): Record<Status, typeof ErrorBodySchema> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorBodySchema])) as Record<Status, typeof ErrorBodySchema>;
}

/** What every back-office route may answer besides its 2xx. */
export const backOfficeErrors = errorResponses(400, 401, 403, 404, 409);
