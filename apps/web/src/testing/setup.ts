import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { CSRF_COOKIE, setCsrfToken } from '../lib/csrf';
import { server } from './server';

// jsdom has no layout, so no scrolling: React Router's <ScrollRestoration> would log about it.
window.scrollTo = () => {};

// A request without a handler is a bug in the test or the app, never something to let through.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  // Logged out again: no CSRF cookie (see loggedInAs), no token in memory.
  document.cookie = `${CSRF_COOKIE}=; path=/; max-age=0`;
  setCsrfToken(null);
  server.resetHandlers();
  server.events.removeAllListeners();
});
afterAll(() => server.close());
