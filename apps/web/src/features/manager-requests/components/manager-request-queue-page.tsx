import { MANAGER_REQUEST_STATUS_LABELS, type StaffManagerRequestListItem } from '@portal/shared';
import { Link, useSearchParams } from 'react-router';
import { Page } from '../../../components/ui/page';
import { Pagination } from '../../../components/ui/pagination';
import { ErrorAlert, ResultStatus } from '../../../components/ui/query-feedback';
import { formatTaipeiDate, pageFromParam, taipeiDateTimeAttribute } from '../../../lib/format';

import { useListStaffManagerRequests } from '../api/staff-manager-requests';
import '../manager-requests.css';
import { managerRequestPaths, pathWithId } from '../../../lib/manager-request-paths';

export const OVERDUE_LABEL = '逾期';
const PAGE_SIZE = 20;

/** Overdue first (the API's order; kept here so a page never shows them out of order), then due date. */
export function sortOverdueFirst(items: readonly StaffManagerRequestListItem[]): StaffManagerRequestListItem[] {
  const due = (item: StaffManagerRequestListItem) => (item.dueAt ? Date.parse(item.dueAt) : Number.POSITIVE_INFINITY);
  return [...items].sort((a, b) => Number(b.overdue) - Number(a.overdue) || due(a) - due(b));
}

function DueCell({ item }: { item: StaffManagerRequestListItem }) {
  return (
    <>
      {item.dueAt ? <time dateTime={taipeiDateTimeAttribute(item.dueAt)}>{formatTaipeiDate(item.dueAt)}</time> : '—'}
      {item.overdue ? (
        <strong className="overdue-badge">
          <span aria-hidden="true">⚠ </span>
          {OVERDUE_LABEL}
        </strong>
      ) : null}
    </>
  );
}

function QueueTable({ items }: { items: StaffManagerRequestListItem[] }) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">管理者帳號申請、異動審核清單（逾期者列於最前）</caption>
        <thead>
          <tr>
            <th scope="col">申請編號</th>
            <th scope="col">類別</th>
            <th scope="col">帳號</th>
            <th scope="col">機構</th>
            <th scope="col">送出日期</th>
            <th scope="col">到期日</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className={item.overdue ? 'row-overdue' : undefined}>
              <td data-label="申請編號">
                <Link to={pathWithId(managerRequestPaths.staffReview, item.id)}>{item.requestNo}</Link>
              </td>
              <td data-label="類別">{item.kindLabel}</td>
              <td data-label="帳號">
                {item.account.accountName}（{item.account.name}）
              </td>
              <td data-label="機構">
                {item.institution.name}（{item.institution.code}）
              </td>
              <td data-label="送出日期">
                <time dateTime={taipeiDateTimeAttribute(item.submittedAt)}>{formatTaipeiDate(item.submittedAt)}</time>
              </td>
              <td data-label="到期日">
                <DueCell item={item} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Queue() {
  const [searchParams] = useSearchParams();
  const page = pageFromParam(searchParams.get('page'));
  const list = useListStaffManagerRequests({ status: 'PENDING_REVIEW', page, pageSize: PAGE_SIZE });
  const items = list.data ? sortOverdueFirst(list.data.items) : [];
  const overdue = items.filter((item) => item.overdue).length;
  return (
    <>
      <ResultStatus isPending={list.isPending} total={list.data?.total} />
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && overdue > 0 ? <p className="overdue-summary">本頁有 {overdue} 筆已逾期（超過三個工作天）。</p> : null}
      {list.data && items.length === 0 ? <p>目前沒有{MANAGER_REQUEST_STATUS_LABELS.PENDING_REVIEW}的申請。</p> : null}
      {items.length > 0 ? <QueueTable items={items} /> : null}
      {list.data ? <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} label="管理者帳號申請分頁" /> : null}
    </>
  );
}

/** /manage/manager-requests: 系統人員's queue of 管理者帳號申請、異動 awaiting review. */
export function ManagerRequestQueuePage() {
  return (
    <Page title="管理者帳號申請審核" lead="待審核的紙本申請，逾期者列於最前；請於送出後三個工作天內完成審核。">
      <Queue />
    </Page>
  );
}
