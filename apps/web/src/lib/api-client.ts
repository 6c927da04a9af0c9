import { ErrorBodySchema, messages } from '@portal/shared';
import type { z } from 'zod';
import { ApiError } from './api-error';
import { webMessages } from './site';

export type QueryParams = Record<string, string | number | undefined>;

interface RequestOptions {
  params?: QueryParams;
  signal?: AbortSignal;
}

/** Fallback when an error response does not carry the agreed `{ code, message }` body. */
function messageForStatus(status: number): string {
  if (status === 404) return messages.notFound;
  if (status === 429) return messages.tooManyRequests;
  if (status >= 500) return messages.internal;
  return messages.badRequest;
}

export function apiUrl(path: string, params: QueryParams = {}): URL {
  // Resolved against the page so that it also works where fetch needs absolute URLs (tests).
  const url = new URL(path, window.location.href);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
  }
  return url;
}

/**
 * GETs JSON and validates it with the shared schema. Every failure becomes an ApiError whose
 * message is zh-TW: the API's own message when it sent one, a generic one otherwise.
 */
export async function apiGet<S extends z.ZodType>(
  path: string,
  schema: S,
  { params, signal }: RequestOptions = {},
): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, params), { headers: { accept: 'application/json' }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK_ERROR', webMessages.networkError);
  }

  return readResponse(response, schema);
}

/**
 * POSTs `body` as JSON and validates the reply with the shared schema; failures become an
 * ApiError exactly as in apiGet (with the API's `fieldErrors` when it sent them).
 */
export async function apiPost<S extends z.ZodType>(
  path: string,
  body: unknown,
  schema: S,
  { signal }: Omit<RequestOptions, 'params'> = {},
): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path), {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK_ERROR', webMessages.networkError);
  }
  return readResponse(response, schema);
}

async function readResponse<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>> {
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = ErrorBodySchema.safeParse(body);
    if (parsed.success) {
      const { code, message, fieldErrors } = parsed.data;
      throw new ApiError(response.status, code, message, fieldErrors);
    }
    throw new ApiError(response.status, `HTTP_${response.status}`, messageForStatus(response.status));
  }

  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(response.status, 'INVALID_RESPONSE', messages.internal);
  return parsed.data;
}
