import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DataTable, type Column } from './data-table';

interface Row {
  id: string;
  name: string;
  city: string;
}
const COLUMNS: readonly Column<Row>[] = [
  { label: '名稱', rowHeader: true, cell: (row) => row.name },
  { label: '縣市', cell: (row) => row.city },
];

describe('DataTable', () => {
  it('names itself by its caption, heads each column and names each row', () => {
    render(<DataTable caption="機構清單" columns={COLUMNS} items={[{ id: '1', name: '台大醫院', city: '臺北市' }]} rowKey={(row) => row.id} />);
    const table = screen.getByRole('table', { name: '機構清單' });
    expect(within(table).getAllByRole('columnheader').map((th) => [th.textContent, th.getAttribute('scope')])).toEqual([
      ['名稱', 'col'],
      ['縣市', 'col'],
    ]);
    const rowHeader = within(table).getByRole('rowheader', { name: '台大醫院' });
    expect(rowHeader).toHaveAttribute('scope', 'row');
    // The phone layout shows each cell with its column's name.
    expect(within(table).getByRole('cell', { name: '臺北市' })).toHaveAttribute('data-label', '縣市');
  });

  it('shows one row across all columns when there is nothing to list', () => {
    render(<DataTable caption="機構清單" columns={COLUMNS} items={[]} rowKey={(row) => row.id} emptyMessage="目前沒有資料" />);
    const cell = screen.getByRole('cell', { name: '目前沒有資料' });
    expect(cell).toHaveAttribute('colspan', '2');
  });
});
