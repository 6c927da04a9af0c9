import type { Announcement } from '@portal/shared';
import { formatTaipeiDate, taipeiDateTimeAttribute } from '../../../lib/format';
import { EmptyRow } from '../../../components/ui/empty-row';

/** Each title is a <details> disclosure: native, keyboard-operable, announced as expandable. */
export function AnnouncementsTable({ items, busy }: { items: Announcement[]; busy: boolean }) {
  return (
    <div className="table-wrap">
      <table className="data-table" aria-busy={busy}>
        <caption className="visually-hidden">公告事項列表（點選標題可展開公告內容）</caption>
        <thead>
          <tr>
            <th scope="col" className="col-nowrap">
              分類
            </th>
            <th scope="col" className="col-nowrap">
              系統
            </th>
            <th scope="col">標題</th>
            <th scope="col" className="col-nowrap">
              發佈日期
            </th>
          </tr>
        </thead>
        <tbody>
          {items.length === 0 ? (
            <EmptyRow columns={4} />
          ) : (
            items.map((item) => (
              <tr key={item.id}>
                <td className="col-nowrap" data-label="分類">
                  {item.category}
                </td>
                <td data-label="系統">{item.system}</td>
                <td data-label="標題">
                  <details className="announcement">
                    <summary>{item.title}</summary>
                    <div className="announcement-body">{item.body}</div>
                  </details>
                </td>
                <td className="col-nowrap" data-label="發佈日期">
                  <time dateTime={taipeiDateTimeAttribute(item.publishedAt)}>{formatTaipeiDate(item.publishedAt)}</time>
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
