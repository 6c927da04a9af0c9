import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../testing/render';

describe.each([
  ['/forgot-password', '忘記密碼'],
  ['/application-status', '申請進度查詢'],
])('%s (opens in the next stage)', (path, title) => {
  it(`is titled ${title} and says plainly that it opens later, with no form`, async () => {
    await renderApp(path);
    expect(screen.getByRole('heading', { level: 1, name: title })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveTextContent('此功能將於下一階段開放');
    // Set by an effect after the heading commits: under load the previous page's title may linger a moment.
    await waitFor(() => expect(document.title).toBe(`${title} | 醫療院所預防保健暨戒菸服務單一入口系統`));
    // The only textboxes and buttons on the page are the disabled login box in the side column.
    for (const control of [...screen.queryAllByRole('textbox'), ...screen.queryAllByRole('button')]) {
      expect(control).toBeDisabled();
    }
  });
});
