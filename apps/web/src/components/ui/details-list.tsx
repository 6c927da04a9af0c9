import type { ReactNode } from 'react';

/** One label and its value; a value of null (a date not set yet …) leaves the pair out. */
export type Detail = readonly [label: string, value: ReactNode];

/** The 申請編號, 帳號 … of a record just made or looked up, as 「label：value」 lines. */
export function DetailsList({ items }: { items: readonly Detail[] }) {
  return (
    <dl className="result-details">
      {items.map(([label, value]) =>
        value === null ? null : (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ),
      )}
    </dl>
  );
}
