import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/**
 * A refusal that concerns one field: the status, the code, and the message given both as the
 * answer's own and as that field's only error (what the forms show in the summary and by the field).
 */
export function expectFieldRefusal(response: LightMyRequestResponse, status: number, code: string, field: string, message: string) {
  expect(response.statusCode).toBe(status);
  expect(response.json()).toEqual({ code, message, fieldErrors: { [field]: [message] } });
}

/** A 400 for invalid input: the message of each field that was refused, field by field. */
export function expectInvalidFields(response: LightMyRequestResponse, fieldErrors: Record<string, string[]>) {
  expect(response.statusCode).toBe(400);
  expect(response.json().fieldErrors).toEqual(fieldErrors);
}
