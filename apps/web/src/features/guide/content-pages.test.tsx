import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../testing/render';

describe('content pages', () => {
  it('新手指南 outlines the four flows of the seed and links to them', async () => {
    await renderApp('/guide');
    const outline = screen.getByRole('region', { name: '大綱' });
    expect(within(outline).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['申請管理者帳號（新同仁）', '#new-manager'],
      ['已有管理者帳號，申請管理者帳號停用', '#deactivate-manager'],
      ['已有一般使用者帳號，申請管理者權限', '#upgrade-to-manager'],
      ['已有管理者帳號，申請調降為一般使用者', '#downgrade-to-user'],
    ]);
    expect(screen.getByRole('heading', { level: 3, name: '(1) 醫事機構卡驗證' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: '(2) 紙本審核' })).toBeInTheDocument();
    expect(
      screen.getByText('請申請者於讀卡機放置「醫事機構卡」並輸入「PIN碼」，系統驗證完成後即可完成帳號開通。'),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/系統人員將在三個工作天內協助開通完成。/)).toHaveLength(4);
  });

  it('新手上路 lists the first steps in order', async () => {
    await renderApp('/getting-started');
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual([
      '帳號申請',
      '審核',
      '登入',
      '申請子系統',
      '單一入口',
      '服務登入',
      '帳號服務',
    ]);
  });

  it('Q&A quotes the seed reminder about 一般使用者', async () => {
    await renderApp('/qa');
    expect(screen.getByRole('heading', { level: 2, name: '為什麼不能申請「一般使用者」？' })).toBeInTheDocument();
    expect(screen.getByText('提醒：當機構尚未有人申請「單位管理者」時，不可申請「一般使用者」')).toBeInTheDocument();
  });
});
