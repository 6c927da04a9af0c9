import { AUTH_MESSAGES, SessionSchema, sessionIdleExpiredMessage, type Session, type SessionEndReason } from '@portal/shared';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { apiGet, setSessionEvents, type SessionTimeout } from './api-client';
import { ApiError } from './api-error';
import { getCsrfToken, setCsrfToken } from './csrf';

export const sessionQueryKey = ['session'] as const;
/** Every query that belongs to the logged-in account starts with this key. */
export const accountQueryKey = ['account'] as const;

/**
 * GET /api/auth/session: the session, or null when not logged in (401, even after a refresh).
 * Without the readable CSRF cookie, which login sets and logout clears, there is no session to
 * ask about: a visitor's page load makes no request (and the browser logs no 401).
 */
export async function getSession(signal?: AbortSignal): Promise<Session | null> {
  if (!getCsrfToken()) return null;
  try {
    const session = await apiGet('/api/auth/session', SessionSchema, { signal });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The logged-in user (null: nobody), loaded once per page load and kept up to date by login, refresh and logout. */
export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: ({ signal }) => getSession(signal), staleTime: Infinity });
}

/**
 * Why the session ended, when it did not simply lapse unnoticed: 'logout' (the user asked; the
 * guards do not ask to log in) or a timeout with the sentence the login box shows.
 */
export type SessionEnd = { reason: 'logout' } | SessionTimeout;
const sessionEndKey = ['session-end'] as const;

export function setSession(queryClient: QueryClient, session: Session | null): void {
  if (session) queryClient.removeQueries({ queryKey: sessionEndKey });
  setCsrfToken(session?.csrfToken ?? null);
  queryClient.setQueryData(sessionQueryKey, session);
  if (!session) queryClient.removeQueries({ queryKey: accountQueryKey });
}

/** 登出: the session is gone because the user asked, not because it lapsed. */
export function endSessionByLogout(queryClient: QueryClient): void {
  queryClient.setQueryData<SessionEnd>(sessionEndKey, { reason: 'logout' });
  setSession(queryClient, null);
}

/**
 * The session timed out (idle or its absolute end): the login box will say so, with the API's
 * sentence, or (when the API could not be asked) one made here.
 */
export function endSessionByTimeout(queryClient: QueryClient, timeout: SessionTimeout | SessionEndReason): void {
  const session = queryClient.getQueryData<Session | null>(sessionQueryKey);
  if (!session) return;
  const end: SessionTimeout =
    typeof timeout !== 'string'
      ? timeout
      : timeout === 'idle'
        ? { reason: 'idle', message: sessionIdleExpiredMessage(Math.round(session.idleTimeoutSeconds / 60)) }
        : { reason: 'absolute', message: AUTH_MESSAGES.sessionExpired };
  queryClient.setQueryData<SessionEnd>(sessionEndKey, end);
  setSession(queryClient, null);
}

/** How the last session ended, if the SPA knows. */
export function sessionEnd(queryClient: QueryClient): SessionEnd | undefined {
  return queryClient.getQueryData<SessionEnd>(sessionEndKey);
}

export function sessionEndedByLogout(queryClient: QueryClient): boolean {
  return sessionEnd(queryClient)?.reason === 'logout';
}

/** Lets the api client tell this cache about a refreshed or lost session. */
export function bindSessionEvents(queryClient: QueryClient): void {
  setSessionEvents({
    refreshed: (session) => queryClient.setQueryData(sessionQueryKey, session),
    lost: (timeout) => {
      if (!queryClient.getQueryData(sessionQueryKey)) return;
      if (timeout) endSessionByTimeout(queryClient, timeout);
      else setSession(queryClient, null);
    },
  });
}

/** The session inside the /account/* guard, where it is known to exist. */
export function useRequiredSession(): Session {
  const { data } = useSession();
  if (!data) throw new Error('useRequiredSession outside the route guard');
  return data;
}
