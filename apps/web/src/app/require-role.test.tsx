import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { manageLinks, ROLE_REQUIRED_MESSAGE } from '../lib/manage-links';
import { loggedInAs } from '../testing/handlers/auth';
import { renderApp } from '../testing/render';
import { server } from '../testing/server';

const manageHrefs = () =>
  screen
    .queryAllByRole('link')
    .map((link) => link.getAttribute('href') ?? '')
    .filter((href) => href.startsWith('/manage'));

describe('/manage/* by role', () => {
  it('never shows a /manage link to a general user', async () => {
    server.use(loggedInAs('GENERAL_USER'));
    await renderApp('/account');
    await screen.findByRole('heading', { level: 1, name: '我的服務' });
    expect(manageHrefs()).toEqual([]);
  });

  it.each([
    ['INSTITUTION_MANAGER', ['/manage/applications', '/manage/accounts', '/manage/institution-screening-lookups']],
    ['SUBSYSTEM_MANAGER', ['/manage/access-requests']],
  ] as const)('links the screens of %s from 我的服務 and the side box', async (role, hrefs) => {
    server.use(loggedInAs(role));
    await renderApp('/account');
    await screen.findByRole('heading', { level: 1, name: '我的服務' });
    expect(manageHrefs().sort()).toEqual([...hrefs, ...hrefs].sort());
    expect(manageLinks[role].map((link) => link.to)).toEqual(hrefs);
  });

  it('sends a general user at /manage/applications back to 我的服務 with the reason', async () => {
    server.use(loggedInAs('GENERAL_USER'));
    const { router } = await renderApp('/manage/applications');
    expect(await screen.findByRole('heading', { level: 1, name: '我的服務' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/account');
    expect(screen.getByText(ROLE_REQUIRED_MESSAGE)).toHaveAttribute('role', 'alert');
  });

  it.each(['/manage/access-requests', '/manage/audit-events', '/manage/announcements'])(
    'sends an institution manager away from %s',
    async (path) => {
      server.use(loggedInAs('INSTITUTION_MANAGER'));
      const { router } = await renderApp(path);
      await screen.findByRole('heading', { level: 1, name: '我的服務' });
      expect(router.state.location.pathname).toBe('/account');
    },
  );

  it('sends a visitor who is not logged in to the home page', async () => {
    const { router } = await renderApp('/manage/audit-events');
    expect(router.state.location.pathname).toBe('/');
  });
});
