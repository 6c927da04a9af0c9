import type { Announcement } from '@portal/shared';
import { DataTable, noWrap, type Column } from '../../../components/ui/data-table';
import { TaipeiDate } from '../../../components/ui/taipei-date';

const columns: Column<Announcement>[] = [
  { label: '分類', ...noWrap, cell: (item) => item.category },
  // A subsystem's name wraps as a whole (never 「大腸癌篩／檢」), and breaks only if it cannot fit at all.
  { label: '系統', headerClassName: 'col-nowrap', cell: (item) => <span className="keep-together">{item.system}</span> },
  {
    label: '標題',
    // A <details> disclosure: native, keyboard-operable, announced as expandable.
    cell: (item) => (
      <details className="announcement">
        <summary>{item.title}</summary>
        <div className="announcement-body">{item.body}</div>
      </details>
    ),
  },
  { label: '發佈日期', ...noWrap, cell: (item) => <TaipeiDate at={item.publishedAt} /> },
];

export function AnnouncementsTable({ items, busy }: { items: Announcement[]; busy: boolean }) {
  return (
    <DataTable
      caption="公告事項列表（點選標題可展開公告內容）"
      captionClassName="visually-hidden"
      columns={columns}
      items={items}
      rowKey={(item) => item.id}
      busy={busy}
    />
  );
}
