import { INSTITUTION_SEARCH_CAPPED_MESSAGE } from '@portal/shared';
import { useCallback, useEffect, useRef, useState, type Ref } from 'react';
import { webMessages } from '../../lib/site';

interface ErrorAlertProps {
  error: Error;
  onRetry?: () => void;
}

/** The API's zh-TW message (ApiError) in an alert, with a way to try again. */
export function ErrorAlert({ error, onRetry }: ErrorAlertProps) {
  return (
    <div className="alert alert-error">
      <p role="alert">{error.message}</p>
      {onRetry ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {webMessages.retry}
        </button>
      ) : null}
    </div>
  );
}

interface ResultStatusProps {
  isPending: boolean;
  total?: number | undefined;
  /** What to say once loaded when the count is not a total (e.g. a keyset page's 本頁 N 筆). */
  text?: string | undefined;
  /** Focused after a search (see useResultsFocus); focusable from script only. */
  ref?: Ref<HTMLParagraphElement> | undefined;
}

/** One polite live region: 資料載入中… while loading, then the number of results. */
export function ResultStatus({ isPending, total, text, ref }: ResultStatusProps) {
  return (
    <p ref={ref} role="status" className="result-status" tabIndex={-1}>
      {isPending ? webMessages.loading : (text ?? (total === undefined ? '' : `共 ${total} 筆資料`))}
    </p>
  );
}

/** What a list's query offers its status line: react-query's result of a page. */
export interface ListQuery {
  isPending: boolean;
  error: Error | null;
  data?: object | undefined;
  refetch: () => unknown;
}

interface ListStatusProps {
  list: ListQuery;
  text?: string | undefined;
  ref?: Ref<HTMLParagraphElement> | undefined;
}

/**
 * A list's result count (or loading), and its error with 重試. A search that stops counting
 * (`totalCapped`: 機構查詢) says so instead of a count.
 */
export function ListStatus({ list, text, ref }: ListStatusProps) {
  const total = list.data && 'total' in list.data && typeof list.data.total === 'number' ? list.data.total : undefined;
  const capped = list.data && 'totalCapped' in list.data && list.data.totalCapped === true;
  return (
    <>
      <ResultStatus ref={ref} isPending={list.isPending} total={total} text={text ?? (capped ? INSTITUTION_SEARCH_CAPPED_MESSAGE : undefined)} />
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
    </>
  );
}

/**
 * After a search, focus moves to the result count: a screen reader reads it, and Tab goes on
 * into the table. `ref` goes on the ResultStatus, `searched()` is called by the search.
 */
export function useResultsFocus() {
  const ref = useRef<HTMLParagraphElement>(null);
  const [searches, setSearches] = useState(0);
  useEffect(() => {
    if (searches > 0) ref.current?.focus();
  }, [searches]);
  const searched = useCallback(() => setSearches((count) => count + 1), []);
  return { ref, searched };
}
