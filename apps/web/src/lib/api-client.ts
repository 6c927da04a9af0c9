import { ErrorBodySchema, messages, SESSION_END_CODES, SessionSchema, type Session, type SessionEndReason } from '@portal/shared';
import { z } from 'zod';
import { secondsSinceActivity } from './activity';
import { ApiError } from './api-error';
import { getCsrfToken, setCsrfToken } from './csrf';
import { browserTabPeers, createRefreshCoordinator, type RefreshCoordinator, type RefreshOutcome } from './refresh-across-tabs';
import { webMessages } from './site';

export type QueryParams = Record<string, string | number | undefined>;

interface RequestOptions {
  params?: QueryParams;
  signal?: AbortSignal;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Calls whose 401 is an answer, not an expired session: never followed by a refresh. */
const NO_REFRESH_PATHS = new Set(['/api/auth/login', '/api/auth/refresh', '/api/auth/logout']);

/** How the session state (react-query) hears about a refresh done here, or a lost session. */
export interface SessionEvents {
  refreshed(session: Session): void;
  /** The session is over; `timeout` when it timed out (idle, or its absolute end), with the API's sentence. */
  lost(timeout?: SessionTimeout): void;
}
let sessionEvents: SessionEvents | null = null;
export function setSessionEvents(events: SessionEvents | null): void {
  sessionEvents = events;
  // Listen to the other tabs from now on, not only from this tab's first refresh.
  if (events) refreshCoordinator();
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

async function send(method: Method, path: string, body: unknown, { params, signal }: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // FormData (an upload) sets its own multipart content type with the boundary.
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = getCsrfToken();
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  try {
    return await fetch(apiUrl(path, params), {
      method,
      headers,
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK_ERROR', webMessages.networkError);
  }
}

let refreshing: Promise<boolean> | null = null;

/** A session that timed out, and the API's sentence saying so. */
export interface SessionTimeout {
  reason: SessionEndReason;
  message: string;
}

/** Which timeout a 401 of /api/auth/refresh names, if any. */
async function timeoutOf(response: Response): Promise<SessionTimeout | undefined> {
  const parsed = ErrorBodySchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) return undefined;
  const reason = (Object.keys(SESSION_END_CODES) as SessionEndReason[]).find((key) => SESSION_END_CODES[key] === parsed.data.code);
  return reason && { reason, message: parsed.data.message };
}

/**
 * POST /api/auth/refresh, shared by every call that got a 401 meanwhile, in this tab and the
 * others (refresh-across-tabs.ts: the refresh token rotates, and every tab sends the same one).
 * It reports how long the user has been idle, so that the API ends an unattended session even
 * when a background request asks. True when the session goes on; a 401 means it is over, and
 * the session state hears why.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= refreshCoordinator()
    .run(askToRefresh)
    .then(applyRefresh)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

async function askToRefresh(): Promise<RefreshOutcome> {
  try {
    const response = await send('POST', '/api/auth/refresh', { idleSeconds: secondsSinceActivity() }, {});
    if (response.status === 401) return { kind: 'lost', timeout: await timeoutOf(response) };
    if (!response.ok) return { kind: 'failed' };
    const parsed = SessionSchema.safeParse(await response.json().catch(() => undefined));
    return parsed.success ? { kind: 'refreshed', session: parsed.data } : { kind: 'failed' };
  } catch {
    return { kind: 'failed' };
  }
}

/** What a refresh, here or in another tab, means for this tab's session state. */
function applyRefresh(outcome: RefreshOutcome): boolean {
  if (outcome.kind === 'refreshed') {
    setCsrfToken(outcome.session.csrfToken);
    sessionEvents?.refreshed(outcome.session);
    return true;
  }
  if (outcome.kind === 'lost') {
    setCsrfToken(null);
    sessionEvents?.lost(outcome.timeout);
  }
  return false;
}

let coordinator: RefreshCoordinator | null = null;
function refreshCoordinator(): RefreshCoordinator {
  if (!coordinator) {
    coordinator = createRefreshCoordinator(browserTabPeers());
    // Another tab's refresh moves this tab's deadlines too (or ends its session).
    coordinator.onPeerOutcome(applyRefresh);
  }
  return coordinator;
}

/**
 * One API call: JSON in, the shared schema's output back, every failure an ApiError with a
 * zh-TW message. A 401 (expired access token) is followed by one refresh and one retry; when
 * that fails the session is over and the session state hears it.
 */
export async function apiRequest<S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S,
  { body, ...options }: RequestOptions & { body?: unknown } = {},
): Promise<z.output<S>> {
  return readResponse(await sendWithRefresh(method, path, body, options), schema);
}

async function sendWithRefresh(method: Method, path: string, body: unknown, options: RequestOptions): Promise<Response> {
  let response = await send(method, path, body, options);
  if (response.status === 401 && !NO_REFRESH_PATHS.has(path)) {
    // Without a CSRF token there is no session to refresh (refresh needs the header).
    const refreshed = getCsrfToken() !== null && (await refreshSession());
    if (refreshed) response = await send(method, path, body, options);
    if (response.status === 401) {
      setCsrfToken(null);
      sessionEvents?.lost();
    }
  }
  return response;
}

/** GETs JSON and validates it with the shared schema. */
export function apiGet<S extends z.ZodType>(path: string, schema: S, options: RequestOptions = {}): Promise<z.output<S>> {
  return apiRequest('GET', path, schema, options);
}

type BodyRequest = <S extends z.ZodType>(path: string, body: unknown, schema: S, options?: Omit<RequestOptions, 'params'>) => Promise<z.output<S>>;

/** A request with a body: JSON, or multipart when the body is FormData (send() tells them apart). */
const withBody =
  (method: Method): BodyRequest =>
  (path, body, schema, { signal } = {}) =>
    apiRequest(method, path, schema, { body, signal });

/** POSTs `body` as JSON (with X-CSRF-Token when logged in) and validates the reply. */
export const apiPost = withBody('POST');

/** PATCHes `body` as JSON (with X-CSRF-Token) and validates the reply. */
export const apiPatch = withBody('PATCH');

/** POSTs a multipart body (an upload: FormData) and validates the JSON reply. */
export const apiUpload: <S extends z.ZodType>(path: string, form: FormData, schema: S, options?: Omit<RequestOptions, 'params'>) => Promise<z.output<S>> =
  withBody('POST');

/** DELETEs (with X-CSRF-Token) and validates the reply. */
export function apiDelete<S extends z.ZodType>(path: string, schema: S, { signal }: Omit<RequestOptions, 'params'> = {}): Promise<z.output<S>> {
  return apiRequest('DELETE', path, schema, { signal });
}

export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition (filename* first), else `fallbackName`. */
  filename: string;
}

function filenameOf(disposition: string | null, fallbackName: string): string {
  if (!disposition) return fallbackName;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended);
    } catch {
      // a malformed escape: fall through to the plain name
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName;
}

/**
 * A file from the API (GET, or POST with a JSON body): the bytes and their name. Errors come
 * back as the usual ApiError with the API's zh-TW message.
 */
export async function apiDownload(
  method: 'GET' | 'POST',
  path: string,
  { body, fallbackName, signal }: { body?: unknown; fallbackName: string; signal?: AbortSignal },
): Promise<DownloadedFile> {
  const response = await sendWithRefresh(method, path, body, { signal });
  if (!response.ok) return readResponse(response, z.never());
  return { blob: await response.blob(), filename: filenameOf(response.headers.get('content-disposition'), fallbackName) };
}

async function readResponse<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>> {
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('retry-after'));
    const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
    const parsed = ErrorBodySchema.safeParse(body);
    if (parsed.success) {
      const { code, message, fieldErrors } = parsed.data;
      throw new ApiError(response.status, code, message, fieldErrors, retryAfterSeconds);
    }
    throw new ApiError(response.status, `HTTP_${response.status}`, messageForStatus(response.status), undefined, retryAfterSeconds);
  }

  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(response.status, 'INVALID_RESPONSE', messages.internal);
  return parsed.data;
}
