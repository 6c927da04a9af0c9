import { AuditEventPageSchema, type AuditEventFilter } from '@portal/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, type QueryParams } from '../../../lib/api-client';
import { accountQueryKey } from '../../../lib/session';

/** GET /api/audit-events: one keyset page (newest first); `cursor` is the previous page's nextCursor. */
export function useSearchAuditEvents(filter: AuditEventFilter, cursor: string | null) {
  return useQuery({
    queryKey: [...accountQueryKey, 'audit-events', filter, cursor],
    queryFn: ({ signal }) =>
      apiGet('/api/audit-events', AuditEventPageSchema, { params: { ...(filter as QueryParams), cursor: cursor ?? undefined }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The CSV export of the same filters (a plain link: the browser downloads it with the session cookie). */
export function auditCsvHref(filter: AuditEventFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (typeof value === 'string' && value !== '') params.set(key, value);
  const search = params.toString();
  return search ? `/api/audit-events.csv?${search}` : '/api/audit-events.csv';
}
