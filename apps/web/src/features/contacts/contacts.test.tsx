import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../testing/render';

describe('諮詢窗口', () => {
  it('shows the contacts exactly as the seed does, with tel: and mailto: links', async () => {
    await renderApp('/contacts');
    expect(screen.getByRole('heading', { level: 1, name: '諮詢窗口' })).toBeInTheDocument();

    const hpa = screen.getByRole('region', { name: '國健署' });
    expect(within(hpa).getByText('駐點人員')).toBeInTheDocument();
    expect(within(hpa).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '林小姐',
      'Tel : (02)2522-0878',
      'Email : me24you@hpa.gov.tw',
    ]);
    expect(within(hpa).getByRole('link', { name: '(02)2522-0878' })).toHaveAttribute('href', 'tel:+886225220878');
    expect(within(hpa).getByRole('link', { name: 'me24you@hpa.gov.tw' })).toHaveAttribute(
      'href',
      'mailto:me24you@hpa.gov.tw',
    );

    const vendor = screen.getByRole('region', { name: '資拓宏宇' });
    expect(within(vendor).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '張先生 / 周小姐',
      'Tel : (02)2559-1971#4 / #5',
      'Email : hpa.pportal@gmail.com',
    ]);
    expect(within(vendor).getByRole('link', { name: '(02)2559-1971#4' })).toHaveAttribute('href', 'tel:+886225591971,4');
    expect(within(vendor).getByRole('link', { name: '#5' })).toHaveAttribute('href', 'tel:+886225591971,5');
    expect(within(vendor).getByRole('link', { name: 'hpa.pportal@gmail.com' })).toHaveAttribute(
      'href',
      'mailto:hpa.pportal@gmail.com',
    );
  });
});
