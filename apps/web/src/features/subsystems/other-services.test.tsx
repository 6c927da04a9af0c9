import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { ErrorBody } from '@portal/shared';
import { renderApp } from '../../testing/render';
import { server } from '../../testing/server';

describe('其他服務', () => {
  it('lists the ten subsystems from the API with their descriptions', async () => {
    await renderApp('/other-services');
    const list = await screen.findByRole('list', { name: '子系統' });
    const names = within(list).getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(names).toEqual([
      '成人預防保健',
      '兒童預防保健',
      '孕婦產前檢查',
      '子宮頸癌篩檢',
      '乳癌篩檢',
      '大腸癌篩檢',
      '口腔癌篩檢',
      '肺癌篩檢',
      'B、C型肝炎篩檢',
      '戒菸服務',
    ]);
    expect(within(list).getByText('戒菸治療及戒菸衛教服務之登錄與申報。')).toBeInTheDocument();
    expect(screen.getByText(/申請子系統帳號需待子系統管理者審核通過後，才可以連結至子系統進行使用。/)).toBeInTheDocument();
  });

  it('shows the API error message', async () => {
    server.use(
      http.get('*/api/subsystems', () =>
        HttpResponse.json({ code: 'NOT_READY', message: '系統尚未就緒，請稍後再試。' } satisfies ErrorBody, { status: 503 }),
      ),
    );
    await renderApp('/other-services');
    expect(await screen.findByRole('alert')).toHaveTextContent('系統尚未就緒，請稍後再試。');
  });
});
