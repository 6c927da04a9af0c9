import { screen, waitFor, within } from '@testing-library/react';
import type { AccountRole } from '@portal/shared';
import { describe, expect, it } from 'vitest';
import { loggedInAs } from '../../testing/handlers/auth';
import { renderApp } from '../../testing/render';
import { server } from '../../testing/server';

describe('layout', () => {
  it('has the landmarks, the skip link and the portal name', async () => {
    await renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: '公告事項' })).toBeInTheDocument();

    const banner = screen.getByRole('banner');
    expect(within(banner).getByRole('link', { name: '衛生福利部國民健康署 醫療院所預防保健暨戒菸服務 單一入口系統' })).toHaveAttribute('href', '/');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main-content');
    expect(screen.getByRole('complementary', { name: '服務登入與帳號服務' })).toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toHaveTextContent('健康好幫手! -- 守護國民 促進健康!');
    expect(screen.getByRole('contentinfo')).toHaveTextContent(
      '衛生福利部國民健康署Health Promotion Administration, Ministry of Health and Welfare',
    );
    expect(screen.getAllByRole('link')[0]).toHaveAccessibleName('跳到主要內容');
  });

  it('lists the top navigation in the seed order', async () => {
    await renderApp('/guide');
    const nav = screen.getByRole('navigation', { name: '主選單' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['新手指南', '/guide'],
      ['Q&A', '/qa'],
      ['新手上路', '/getting-started'],
      ['下載專區', '/downloads'],
      ['其他服務', '/other-services'],
    ]);
    expect(within(nav).getByRole('link', { name: '新手指南' })).toHaveAttribute('aria-current', 'page');
  });

  it('shows the breadcrumb and the document title of the page', async () => {
    await renderApp('/guide');
    expect(screen.getByRole('navigation', { name: '目前位置' })).toHaveTextContent('目前位置：新手指南');
    expect(document.title).toBe('新手指南 | 醫療院所預防保健暨戒菸服務單一入口系統');
  });

  it('shows the 服務登入 form and the 帳號服務 links when nobody is logged in', async () => {
    await renderApp('/guide');
    const aside = screen.getByRole('complementary');
    expect(within(aside).getByRole('heading', { name: '服務登入' })).toBeInTheDocument();
    expect(await within(aside).findByLabelText('帳號')).toBeEnabled();
    expect(within(aside).getByLabelText('密碼')).toHaveAttribute('type', 'password');
    expect(within(aside).getByRole('button', { name: '登入' })).toBeEnabled();

    const accountServices = within(aside).getByRole('region', { name: '帳號服務' });
    const accountLinks = within(accountServices).getAllByRole('link');
    expect(accountLinks.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['忘記密碼', '/forgot-password'],
      ['帳號申請', '/apply'],
      ['申請進度查詢', '/application-status'],
    ]);
  });

  it.each<AccountRole>(['INSTITUTION_MANAGER', 'GENERAL_USER', 'SUBSYSTEM_MANAGER', 'SYSTEM_STAFF'])(
    'shows a logged-in %s their own pages in the side column, without the 帳號服務 box',
    async (role) => {
      server.use(loggedInAs(role));
      await renderApp('/account');
      const aside = within(screen.getByRole('complementary'));
      expect(await aside.findByRole('button', { name: '登出' })).toBeEnabled();
      expect(aside.getByRole('link', { name: '我的服務' })).toHaveAttribute('href', '/account');
      expect(aside.getByRole('link', { name: '我的帳號' })).toHaveAttribute('href', '/account/profile');
      expect(aside.queryByRole('region', { name: '帳號服務' })).not.toBeInTheDocument();
      expect(aside.queryByRole('link', { name: '忘記密碼' })).not.toBeInTheDocument();
      expect(aside.queryByRole('link', { name: '帳號申請' })).not.toBeInTheDocument();
    },
  );

  it('takes the 帳號服務 box away on logging in and brings it back on logging out', async () => {
    const { user } = await renderApp('/guide');
    const aside = within(screen.getByRole('complementary'));
    expect(await aside.findByRole('region', { name: '帳號服務' })).toBeInTheDocument();

    await user.type(aside.getByLabelText('帳號'), 'demomanager');
    await user.type(aside.getByLabelText('密碼'), 'Portal*Demo=2026');
    await user.click(aside.getByRole('button', { name: '登入' }));
    await user.click(await aside.findByRole('button', { name: '登出' }));

    expect(await aside.findByRole('region', { name: '帳號服務' })).toBeInTheDocument();
    expect(aside.getByRole('button', { name: '登入' })).toBeEnabled();
  });

  it('moves focus to the new page heading and updates the title after navigating', async () => {
    const { user } = await renderApp('/guide');
    await user.click(within(screen.getByRole('contentinfo')).getByRole('link', { name: '諮詢窗口' }));
    const heading = await screen.findByRole('heading', { level: 1, name: '諮詢窗口' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(document.title).toBe('諮詢窗口 | 醫療院所預防保健暨戒菸服務單一入口系統');
  });

  it('keeps focus on the skip link target when the skip link is used', async () => {
    const { user } = await renderApp('/guide');
    await user.tab();
    expect(screen.getByRole('link', { name: '跳到主要內容' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('shows 查無此頁面 for an unknown route', async () => {
    await renderApp('/no-such-page');
    expect(screen.getByRole('heading', { level: 1, name: '查無此頁面' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '回首頁（公告事項）' })).toHaveAttribute('href', '/');
    expect(document.title).toBe('查無此頁面 | 醫療院所預防保健暨戒菸服務單一入口系統');
  });
});
