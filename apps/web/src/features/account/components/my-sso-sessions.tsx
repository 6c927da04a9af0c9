import { ErrorAlert } from '../../../components/ui/query-feedback';
import { ResultNotice } from '../../../components/ui/result-notice';
import { formatTaipeiDateTime } from '../../../lib/format';
import { webMessages } from '../../../lib/site';
import { useEndMySsoSessions, useListMySsoSessions } from '../api/my-sso-sessions';
import { DataTable, type Column } from '../../../components/ui/data-table';

/**
 * 子系統登入狀態: the subsystems the user entered through the portal and is still signed in to,
 * with 登出 of one and 登出全部 (the portal tells each subsystem by back-channel logout). The
 * result message takes the focus, since the row or button pressed may be gone.
 */
export function MySsoSessions() {
  const list = useListMySsoSessions();
  const end = useEndMySsoSessions();
  const items = list.data?.items ?? [];
  const columns: readonly Column<(typeof items)[number]>[] = [
    { label: '子系統', rowHeader: true, cell: (item) => item.subsystemName },
    { label: '登入時間', cell: (item) => <time dateTime={item.startedAt}>{formatTaipeiDateTime(item.startedAt)}</time> },
    { label: '登入數', cell: (item) => item.count },
    {
      label: '操作',
      cell: (item) => (
        <button type="button" className="button button-secondary" disabled={end.isPending} onClick={() => end.mutate(item.clientId)}>
          登出<span className="visually-hidden">「{item.subsystemName}」</span>
        </button>
      ),
    },
  ];
  return (
    <section aria-labelledby="my-sso-sessions-heading" className="account-section">
      <h2 id="my-sso-sessions-heading">子系統登入狀態</h2>
      <p className="field-hint">您經由單一入口登入、目前仍在使用中的子系統。登出單一入口時，也會一併登出這些子系統。</p>
      {end.data ? <ResultNotice key={end.submittedAt}>{end.data.message}</ResultNotice> : null}
      {end.error ? (
        <ResultNotice key={end.submittedAt} tone="error">
          <p role="alert">{end.error.message}</p>
        </ResultNotice>
      ) : null}
      {list.isPending ? <p role="status">{webMessages.loading}</p> : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && items.length === 0 ? <p>您目前沒有登入中的子系統。</p> : null}
      {items.length > 0 ? (
        <>
          <DataTable caption="子系統登入狀態" captionClassName="visually-hidden" columns={columns} items={items} rowKey={(item) => item.clientId} />
          <div className="account-actions">
            <button type="button" className="button button-primary" disabled={end.isPending} onClick={() => end.mutate(null)}>
              登出全部子系統
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
