import { useState } from 'react';
import { GuardedButton } from './guarded-button';

/**
 * 上一頁 / 下一頁 over keyset pages: the cursors of the pages before this one are kept, so that
 * going back needs no offsets. `cursor` is the one to ask the API for now (null: the first page).
 */
export function useKeysetCursors() {
  const [cursors, setCursors] = useState<string[]>([]);
  return {
    cursor: cursors.at(-1) ?? null,
    pageNumber: cursors.length + 1,
    reset: () => setCursors([]),
    back: () => setCursors((list) => list.slice(0, -1)),
    forward: (next: string) => setCursors((list) => [...list, next]),
  };
}

interface KeysetPagerProps {
  label: string;
  pager: ReturnType<typeof useKeysetCursors>;
  /** The current page's nextCursor (null on the last page). */
  nextCursor: string | null | undefined;
  /** While the next page loads, 下一頁 waits. */
  busy: boolean;
}

export function KeysetPager({ label, pager, nextCursor, busy }: KeysetPagerProps) {
  return (
    <nav aria-label={label} className="toolbar">
      <GuardedButton className="button button-secondary" blockedBy={pager.pageNumber === 1 ? '已是第一頁。' : null} onClick={pager.back}>
        上一頁
      </GuardedButton>
      <GuardedButton
        className="button button-secondary"
        blockedBy={busy ? '正在載入下一頁…' : nextCursor ? null : '已是最後一頁。'}
        onClick={() => {
          if (nextCursor) pager.forward(nextCursor);
        }}
      >
        下一頁
      </GuardedButton>
    </nav>
  );
}

/** The status line of a keyset page: there is no total to count, only this page. */
export function keysetPageStatus(pageNumber: number, items: readonly unknown[] | undefined): string {
  return `第 ${pageNumber} 頁，本頁 ${items?.length ?? 0} 筆`;
}
