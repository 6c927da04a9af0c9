import type { Download } from '@portal/shared';
import { fileTypeLabel, formatFileSize, formatTaipeiDate, taipeiDateTimeAttribute } from '../../../lib/format';
import { EmptyRow } from '../../../components/ui/empty-row';

export function DownloadsTable({ items, busy }: { items: Download[]; busy: boolean }) {
  return (
    <div className="table-wrap">
      <table className="data-table" aria-busy={busy}>
        <caption className="visually-hidden">下載專區檔案列表</caption>
        <thead>
          <tr>
            <th scope="col">所屬系統</th>
            <th scope="col" className="col-nowrap">
              所屬分類
            </th>
            <th scope="col">檔案</th>
            <th scope="col" className="col-nowrap">
              日期
            </th>
          </tr>
        </thead>
        <tbody>
          {items.length === 0 ? (
            <EmptyRow columns={4} />
          ) : (
            items.map((item) => (
              <tr key={item.id}>
                <td data-label="所屬系統">{item.system}</td>
                <td className="col-nowrap" data-label="所屬分類">
                  {item.category}
                </td>
                <td data-label="檔案">
                  <div>
                    <span className="file-title">{item.title}</span>
                    <a className="file-link" href={item.href} download={item.filename} type={item.contentType}>
                      {item.filename}
                    </a>{' '}
                    <span className="file-meta">
                      {fileTypeLabel(item.filename, item.contentType)} {formatFileSize(item.size)}
                    </span>
                  </div>
                </td>
                <td className="col-nowrap" data-label="日期">
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
