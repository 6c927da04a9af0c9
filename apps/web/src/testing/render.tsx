import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../app/providers';
import { routes } from '../app/routes';
import { createQueryClient } from '../lib/query-client';

/**
 * Renders the whole app (layout included) at `path`, with a fresh cache and no retries, and
 * waits for the page's lazily loaded component to show its <h1>. `wrap` adds providers around
 * the router (e.g. a fake CardSigner).
 */
export async function renderApp(path = '/', { wrap }: { wrap?: (app: ReactNode) => ReactNode } = {}) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = createQueryClient({ retry: false });
  const user = userEvent.setup();
  const app = <RouterProvider router={router} />;
  const result = render(<AppProviders queryClient={queryClient}>{wrap ? wrap(app) : app}</AppProviders>);
  await screen.findByRole('heading', { level: 1 }, { timeout: 5_000 });
  return { ...result, router, user };
}

/** The current URL's query string as an object, for asserting what the filters put there. */
export function searchOf(router: ReturnType<typeof createMemoryRouter>) {
  return Object.fromEntries(new URLSearchParams(router.state.location.search));
}
