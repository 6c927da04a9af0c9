import { MANAGER_REQUEST_STATUS_LABELS, type StaffManagerRequestListItem } from '@portal/shared';
import { Link, useSearchParams } from 'react-router';
import { Page } from '../../../components/ui/page';
import { Pagination } from '../../../components/ui/pagination';
import { ListStatus } from '../../../components/ui/query-feedback';
import { DataTable, noWrap, readable, type Column } from '../../../components/ui/data-table';
import { pageFromParam } from '../../../lib/format';

import { useListStaffManagerRequests } from '../api/staff-manager-requests';
import '../manager-requests.css';
import { managerRequestPaths, pathWithId } from '../../../lib/manager-request-paths';
import { TaipeiDate } from '../../../components/ui/taipei-date';

export const OVERDUE_LABEL = '逾期';
export const SCAN_LABELS = { uploaded: '已上傳', missing: '尚未上傳' } as const;
const PAGE_SIZE = 20;

/** Overdue first (the API's order; kept here so a page never shows them out of order), then due date. */
export function sortOverdueFirst(items: readonly StaffManagerRequestListItem[]): StaffManagerRequestListItem[] {
  const due = (item: StaffManagerRequestListItem) => (item.dueAt ? Date.parse(item.dueAt) : Number.POSITIVE_INFINITY);
  return [...items].sort((a, b) => Number(b.overdue) - Number(a.overdue) || due(a) - due(b));
}

function DueCell({ item }: { item: StaffManagerRequestListItem }) {
  return (
    <>
      {item.dueAt ? <TaipeiDate at={item.dueAt} /> : '—'}
      {item.overdue ? (
        <strong className="overdue-badge">
          <span aria-hidden="true">⚠ </span>
          {OVERDUE_LABEL}
        </strong>
      ) : null}
    </>
  );
}

/** A name in parentheses after the account: the line may break before it, never inside it (「（諸／葛孔明）」). */
const aside = (text: string) => <span className="keep-together">（{text}）</span>;

const QUEUE_COLUMNS: readonly Column<StaffManagerRequestListItem>[] = [
  { label: '申請編號', cell: (item) => <Link to={pathWithId(managerRequestPaths.staffReview, item.id)}>{item.requestNo}</Link> },
  { label: '類別', ...readable, cell: (item) => item.kindLabel },
  { label: '帳號', cell: (item) => <>{item.account.accountName}{aside(item.account.name)}</> },
  // Code first, as in 子系統申請審核: the ten digits set the column's narrowest width, not 「（代碼）」.
  { label: '機構', cell: (item) => `${item.institution.code} ${item.institution.name}` },
  // Whether there is anything to compare yet: a request without its scan waits for the applicant.
  { label: '掃描檔', ...noWrap, cell: (item) => (item.scan ? SCAN_LABELS.uploaded : SCAN_LABELS.missing) },
  { label: '送出日期', ...noWrap, cell: (item) => <TaipeiDate at={item.submittedAt} /> },
  { label: '到期日', cell: (item) => <DueCell item={item} /> },
];

function QueueTable({ items }: { items: StaffManagerRequestListItem[] }) {
  return (
    <DataTable
      caption="管理者帳號申請、異動審核清單（逾期者列於最前）"
      captionClassName="visually-hidden"
      columns={QUEUE_COLUMNS}
      items={items}
      rowKey={(item) => item.id}
      rowClassName={(item) => (item.overdue ? 'row-overdue' : undefined)}
    />
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
      <ListStatus list={list} />
      {list.data && overdue > 0 ? <p className="overdue-summary">本頁有 {overdue} 筆已逾期（超過三個工作天）。</p> : null}
      {list.data && items.length === 0 ? <p>目前沒有{MANAGER_REQUEST_STATUS_LABELS.PENDING_REVIEW}的申請。</p> : null}
      {items.length > 0 ? <QueueTable items={items} /> : null}
      <Pagination of={list.data} label="管理者帳號申請分頁" />
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
