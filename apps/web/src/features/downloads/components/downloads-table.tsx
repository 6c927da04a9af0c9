import type { Download } from '@portal/shared';
import { DataTable, noWrap, type Column } from '../../../components/ui/data-table';
import { TaipeiDate } from '../../../components/ui/taipei-date';
import { fileTypeLabel, formatFileSize } from '../../../lib/format';

const columns: Column<Download>[] = [
  { label: '所屬系統', cell: (item) => item.system },
  { label: '所屬分類', ...noWrap, cell: (item) => item.category },
  {
    label: '檔案',
    cell: (item) => (
      <div>
        <span className="file-title">{item.title}</span>
        <a className="file-link" href={item.href} download={item.filename} type={item.contentType}>
          {item.filename}
        </a>{' '}
        <span className="file-meta">
          {fileTypeLabel(item.filename, item.contentType)} {formatFileSize(item.size)}
        </span>
      </div>
    ),
  },
  { label: '日期', ...noWrap, cell: (item) => <TaipeiDate at={item.publishedAt} /> },
];

export function DownloadsTable({ items, busy }: { items: Download[]; busy: boolean }) {
  return (
    <DataTable caption="下載專區檔案列表" captionClassName="visually-hidden" columns={columns} items={items} rowKey={(item) => item.id} busy={busy} />
  );
}
