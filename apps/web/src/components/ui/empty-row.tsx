import { webMessages } from '../../lib/site';

/** The one row of an empty table across all `columns`: 查無資料 unless the table says more. */
export function EmptyRow({ columns, message }: { columns: number; message?: string | undefined }) {
  return (
    <tr>
      <td colSpan={columns} className="empty-cell">
        {message ?? webMessages.noData}
      </td>
    </tr>
  );
}
