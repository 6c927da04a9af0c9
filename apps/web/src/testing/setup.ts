import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
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

// A stray console.error (a React warning, an act() warning, a failed request) fails the test.
const errors: unknown[][] = [];
vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
  errors.push(args);
});
afterEach(() => {
  if (errors.length > 0) {
    const logged = errors.splice(0).map((args) => args.map(String).join(' '));
    throw new Error(`console.error was called:\n${logged.join('\n')}`);
  }
});
