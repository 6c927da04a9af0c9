import type { ReactNode } from 'react';
import { EmptyRow } from './empty-row';
import { ScrollRegion } from './scroll-region';

export interface Column<T> {
  /** The column's header, and each cell's data-label: on a phone a row is a card whose cells carry it. */
  label: string;
  /** Shown in the header instead of the label, e.g. a 全選 checkbox. */
  header?: ReactNode;
  /** The cell that names the row (a row header for screen readers); one per table. */
  rowHeader?: boolean;
  className?: string;
  /** The header cell's class (e.g. col-nowrap for a short label over long cells). */
  headerClassName?: string;
  cell: (item: T) => ReactNode;
}

/** For a column of short values (縣市, 狀態, 類別): neither its header nor its cells break. */
export const noWrap = { className: 'col-nowrap', headerClassName: 'col-nowrap' } as const;

/** For a column of longer text (a request kind): it wraps, but keeps a readable width. */
export const readable = { className: 'col-readable' } as const;

interface DataTableProps<T> {
  caption: ReactNode;
  /** e.g. visually-hidden, when the page already says what the table is. */
  captionClassName?: string;
  columns: readonly Column<T>[];
  items: readonly T[];
  rowKey: (item: T) => string;
  /** The text of the one row an empty table shows (查無資料 unless given). */
  emptyMessage?: string;
  rowClassName?: (item: T) => string | undefined;
  /** While the next page loads, the rows shown are the previous page's. */
  busy?: boolean;
}

/** A back-office table: a caption, column headers, one row header per row, and an empty row. */
export function DataTable<T>({ caption, captionClassName, columns, items, rowKey, emptyMessage, rowClassName, busy }: DataTableProps<T>) {
  return (
    <ScrollRegion>
      <table className="data-table" aria-busy={busy || undefined}>
        <caption className={captionClassName}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.headerClassName}>
                {column.header ?? column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.length === 0 ? (
            <EmptyRow columns={columns.length} message={emptyMessage} />
          ) : (
            items.map((item) => (
              <tr key={rowKey(item)} className={rowClassName?.(item)}>
                {columns.map((column) =>
                  column.rowHeader ? (
                    <th key={column.label} scope="row" data-label={column.label} className={column.className}>
                      {column.cell(item)}
                    </th>
                  ) : (
                    <td key={column.label} data-label={column.label} className={column.className}>
                      {column.cell(item)}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
