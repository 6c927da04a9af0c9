import type { ReactNode } from 'react';
import { Pagination, type PageInfo } from './pagination';
import { ErrorAlert, ResultStatus } from './query-feedback';

interface PagedResultsProps<Page extends PageInfo> {
  /** react-query's result of the page on screen. */
  query: { isError: boolean; error: Error | null; isPending: boolean; isPlaceholderData: boolean; data?: Page | undefined; refetch: () => unknown };
  /** Names the pager's landmark, e.g. 公告事項分頁. */
  label: string;
  /** The table of the page; `busy` while the next filter or page loads over it. */
  children: (page: Page, busy: boolean) => ReactNode;
}

/** A public list below its filters: the error with 重試, or the count, the table and the pager. */
export function PagedResults<Page extends PageInfo>({ query, label, children }: PagedResultsProps<Page>) {
  if (query.isError && query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      <ResultStatus isPending={query.isPending} total={query.data?.total} />
      {query.data ? (
        <>
          {children(query.data, query.isPlaceholderData)}
          <Pagination of={query.data} label={label} />
        </>
      ) : null}
    </>
  );
}
