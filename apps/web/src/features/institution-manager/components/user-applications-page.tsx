import { DECISION_LABELS, type DecisionRequest, type PendingUserApplication } from '@portal/shared';
import { useSearchParams } from 'react-router';
import { DecisionDialog } from '../../../components/ui/back-office-dialogs';
import { dialogErrorOf, useQueueDecisions } from '../../../components/ui/queue-decisions';
import { Page } from '../../../components/ui/page';
import { Pagination } from '../../../components/ui/pagination';
import { ListStatus } from '../../../components/ui/query-feedback';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { pageFromParam } from '../../../lib/format';
import { useRequiredSession } from '../../../lib/session';
import { webMessages } from '../../../lib/site';
import { useDecideApplication, useListPendingApplications } from '../api/institution-manager';
import '../../../components/ui/back-office.css';
import { TaipeiDate } from '../../../components/ui/taipei-date';

type Pending = { decision: DecisionRequest['decision']; item: PendingUserApplication };

function subjectOf(item: PendingUserApplication): string {
  return `${item.accountName}（${item.name}）的帳號申請`;
}

function applicationColumns(ask: (pending: Pending) => void): Column<PendingUserApplication>[] {
  return [
    { label: '帳號', rowHeader: true, cell: (item) => item.accountName },
    { label: '姓名', cell: (item) => item.name },
    { label: '申請日期', cell: (item) => <TaipeiDate at={item.submittedAt} /> },
    { label: '申請子系統', cell: (item) => (item.subsystems.length > 0 ? item.subsystems.map((s) => s.name).join('、') : '（未申請子系統）') },
    {
      label: '操作',
      cell: (item) => (
        <div className="row-actions">
          <button type="button" className="button button-primary" onClick={() => ask({ decision: 'APPROVE', item })}>
            {DECISION_LABELS.APPROVE}
            <span className="visually-hidden">（{item.accountName}）</span>
          </button>
          <button type="button" className="button button-secondary" onClick={() => ask({ decision: 'REJECT', item })}>
            {DECISION_LABELS.REJECT}
            <span className="visually-hidden">（{item.accountName}）</span>
          </button>
        </div>
      ),
    },
  ];
}

/** 一般使用者申請審核: the institution's queue; each 核准 / 駁回 is confirmed in a dialog first. */
export function UserApplicationsPage() {
  const session = useRequiredSession();
  const [searchParams] = useSearchParams();
  const page = pageFromParam(searchParams.get('page'));
  const list = useListPendingApplications(page);
  const decide = useDecideApplication();
  const { pending, setPending, clearNotices, answered, doneNotice, refusedNotice } = useQueueDecisions<Pending>();

  const submit = (body: DecisionRequest) => {
    if (!pending) return;
    const { item } = pending;
    clearNotices();
    decide.mutate({ id: item.id, body }, answered(item.accountName));
  };
  const cancel = () => {
    setPending(null);
    decide.reset();
  };
  const dialogError = dialogErrorOf(decide.error);

  return (
    <Page title="一般使用者申請審核" lead={`${session.institution?.name ?? ''}的一般使用者帳號申請，核准後申請者即可登入。`}>
      {doneNotice}
      {refusedNotice}
      <ListStatus list={list} />
      {list.data ? (
        <DataTable
          caption="待審核的一般使用者申請"
          columns={applicationColumns(setPending)}
          items={list.data.items}
          rowKey={(item) => item.id}
          emptyMessage="目前沒有待審核的申請"
        />
      ) : null}
      <Pagination of={list.data} label="申請清單分頁" />
      {list.isFetching && !list.isPending ? <p className="visually-hidden">{webMessages.loading}</p> : null}

      {pending ? (
        <DecisionDialog
          decision={pending.decision}
          subject={subjectOf(pending.item)}
          approveNote="核准後，申請者即可登入。"
          pending={decide.isPending}
          error={dialogError}
          onDecide={submit}
          onCancel={cancel}
        />
      ) : null}
    </Page>
  );
}
