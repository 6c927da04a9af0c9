import { Link, useLocation, useSearchParams } from 'react-router';

/** What an offset page says of itself (every paged response of the API has these). */
export interface PageInfo {
  page: number;
  pageSize: number;
  total: number;
}

interface PaginationProps {
  /** The page shown; nothing is drawn before it has loaded. */
  of: PageInfo | undefined;
  /** Names the navigation landmark, e.g. 公告事項分頁. */
  label: string;
}

/** Pages around the current one, so a long list stays a short row of links. */
function visiblePages(page: number, pageCount: number): number[] {
  const first = Math.max(1, Math.min(page - 2, pageCount - 4));
  const last = Math.min(pageCount, first + 4);
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

/** Links (not buttons) because the page number lives in the URL, like the filters. */
export function Pagination({ of, label }: PaginationProps) {
  const [searchParams] = useSearchParams();
  const { pathname } = useLocation();
  if (!of) return null;
  const { page, pageSize, total } = of;
  const pageCount = Math.ceil(total / pageSize);
  if (pageCount <= 1) return null;

  const hrefFor = (target: number) => {
    const next = new URLSearchParams(searchParams);
    if (target === 1) next.delete('page');
    else next.set('page', String(target));
    const search = next.toString();
    return search ? `${pathname}?${search}` : pathname;
  };

  return (
    <nav aria-label={label} className="pagination">
      <p className="pagination-summary">
        第 {Math.min(page, pageCount)} 頁／共 {pageCount} 頁
      </p>
      <ul>
        <li>
          {page > 1 ? (
            <Link to={hrefFor(page - 1)}>上一頁</Link>
          ) : (
            <span className="pagination-disabled" aria-disabled="true">
              上一頁
            </span>
          )}
        </li>
        {visiblePages(page, pageCount).map((target) => (
          <li key={target}>
            <Link
              to={hrefFor(target)}
              aria-current={target === page ? 'page' : undefined}
              aria-label={`第 ${target} 頁`}
            >
              {target}
            </Link>
          </li>
        ))}
        <li>
          {page < pageCount ? (
            <Link to={hrefFor(page + 1)}>下一頁</Link>
          ) : (
            <span className="pagination-disabled" aria-disabled="true">
              下一頁
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
