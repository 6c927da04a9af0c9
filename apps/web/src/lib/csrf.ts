/** Name of the readable cookie the API sets next to the HttpOnly session cookies. */
export const CSRF_COOKIE = 'portal_csrf';

let current: string | null = null;

/** Kept from the login / refresh / session body; null after logout. */
export function setCsrfToken(token: string | null): void {
  current = token;
}

/** The token for X-CSRF-Token: the one from the last session body, or the cookie after a reload. */
export function getCsrfToken(): string | null {
  if (current) return current;
  const prefix = `${CSRF_COOKIE}=`;
  const cookie = document.cookie.split('; ').find((part) => part.startsWith(prefix));
  return cookie ? decodeURIComponent(cookie.slice(prefix.length)) : null;
}
