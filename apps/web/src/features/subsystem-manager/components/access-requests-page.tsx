import {
  AccessRequestQuerySchema,
  BULK_SKIP_LABELS,
  DECISION_LABELS,
  RevokeAccessRequestSchema,
  type AccessRequest,
  type AccessRequestQuery,
  type BulkApproveResult,
  type DecisionRequest,
  type RevokeAccessRequest,
} from '@portal/shared';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ConfirmActionDialog, DecisionDialog, ReasonDialog } from '../../../components/ui/back-office-dialogs';
import { dialogErrorOf, useQueueDecisions } from '../../../components/ui/queue-decisions';
import { ResultNotice } from '../../../components/ui/result-notice';
import { Page } from '../../../components/ui/page';
import { Pagination } from '../../../components/ui/pagination';
import { ListStatus, useResultsFocus } from '../../../components/ui/query-feedback';
import { DataTable, noWrap, type Column } from '../../../components/ui/data-table';
import { pageFromParam } from '../../../lib/format';
import { useRequiredSession } from '../../../lib/session';
import { useBulkApprove, useDecideAccessRequest, useListAccessRequests, useRevokeAccess } from '../api/subsystem-manager';
import { AccessRequestFilters } from './access-request-filters';
import '../../../components/ui/back-office.css';
import { TaipeiDate } from '../../../components/ui/taipei-date';
import { GuardedButton } from '../../../components/ui/guarded-button';

type Pending =
  | { kind: 'APPROVE' | 'REJECT' | 'REVOKE'; item: AccessRequest }
  | { kind: 'BULK'; ids: string[] };

function queryFrom(searchParams: URLSearchParams): AccessRequestQuery {
  const raw = Object.fromEntries(searchParams);
  const parsed = AccessRequestQuerySchema.safeParse(raw);
  return parsed.success ? parsed.data : { page: pageFromParam(searchParams.get('page')) };
}

function subjectOf(item: AccessRequest): string {
  return `${item.accountName}（${item.applicantName}）申請的「${item.subsystem.name}」`;
}

function BulkResult({ result, items }: { result: BulkApproveResult; items: AccessRequest[] }) {
  const nameOf = new Map(items.map((item) => [item.id, `${item.accountName}（${item.subsystem.name}）`]));
  return (
    <ResultNotice>
      <p>{result.message}</p>
      <p>
        核准 {result.approved} 筆，略過 {result.skipped.length} 筆。
      </p>
      {result.skipped.length > 0 ? (
        <ul>
          {result.skipped.map((skip) => (
            <li key={skip.id}>
              {nameOf.get(skip.id) ?? skip.id}：{BULK_SKIP_LABELS[skip.reason]}
            </li>
          ))}
        </ul>
      ) : null}
    </ResultNotice>
  );
}

const canDecide = (item: AccessRequest) => item.status === 'PENDING' && item.decidable;

interface RowActions {
  isSelected: (id: string) => boolean;
  toggle: (id: string) => void;
  ask: (pending: Pending) => void;
}

function requestColumns({ isSelected, toggle, ask }: RowActions): Column<AccessRequest>[] {
  const named = (item: AccessRequest) => <span className="visually-hidden">（{item.accountName}，{item.subsystem.name}）</span>;
  return [
    {
      label: '選取',
      // Named for screen readers (and on each phone card); two characters over a checkbox would break one per line.
      header: <span className="visually-hidden">選取</span>,
      cell: (item) =>
        canDecide(item) ? (
          <input
            type="checkbox"
            aria-label={`選取 ${item.accountName} 的「${item.subsystem.name}」申請`}
            checked={isSelected(item.id)}
            onChange={() => toggle(item.id)}
          />
        ) : null,
    },
    { label: '帳號', rowHeader: true, cell: (item) => item.accountName },
    { label: '姓名', ...noWrap, cell: (item) => item.applicantName },
    { label: '機構', cell: (item) => (item.institution ? `${item.institution.code} ${item.institution.name}` : '—') },
    { label: '縣市', ...noWrap, cell: (item) => item.institution?.city ?? '—' },
    { label: '子系統', ...noWrap, cell: (item) => item.subsystem.name },
    { label: '申請日期', ...noWrap, cell: (item) => <TaipeiDate at={item.requestedAt} /> },
    {
      label: '狀態',
      ...noWrap,
      cell: (item) => (
        <>
          {item.statusLabel}
          {item.reason ? <span className="field-hint status-note">（{item.reason}）</span> : null}
          {item.status === 'PENDING' && !item.decidable ? <span className="field-hint status-note">（帳號{item.accountStatusLabel}，暫不能審核）</span> : null}
        </>
      ),
    },
    {
      label: '操作',
      cell: (item) => (
        <div className="row-actions">
          {canDecide(item) ? (
            <>
              <button type="button" className="button button-primary" onClick={() => ask({ kind: 'APPROVE', item })}>
                {DECISION_LABELS.APPROVE}
                {named(item)}
              </button>
              <button type="button" className="button button-secondary" onClick={() => ask({ kind: 'REJECT', item })}>
                {DECISION_LABELS.REJECT}
                {named(item)}
              </button>
            </>
          ) : null}
          {item.status === 'APPROVED' ? (
            <button type="button" className="button button-secondary" onClick={() => ask({ kind: 'REVOKE', item })}>
              撤銷{named(item)}
            </button>
          ) : null}
        </div>
      ),
    },
  ];
}

/** 子系統申請審核: the access requests of the caller's subsystems; filters, batch approval, decisions, 撤銷. */
export function AccessRequestsPage() {
  const session = useRequiredSession();
  const [searchParams] = useSearchParams();
  const query = queryFrom(searchParams);
  const list = useListAccessRequests(query);
  const decide = useDecideAccessRequest();
  const revoke = useRevokeAccess();
  const bulk = useBulkApprove();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const { pending, setPending, clearNotices, answered, doneNotice, refusedNotice } = useQueueDecisions<Pending>();
  const [bulkResult, setBulkResult] = useState<{ result: BulkApproveResult; items: AccessRequest[] } | null>(null);

  const items = list.data?.items ?? [];
  const selectable = items.filter(canDecide);
  const selectedIds = selectable.filter((item) => selected.has(item.id)).map((item) => item.id);
  const allSelected = selectable.length > 0 && selectedIds.length === selectable.length;

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = () => setSelected(allSelected ? new Set() : new Set(selectable.map((item) => item.id)));
  const columns = requestColumns({
    isSelected: (id) => selected.has(id),
    toggle,
    ask: setPending,
  });
  const { ref: resultsRef, searched } = useResultsFocus();

  const clearMessages = () => {
    clearNotices();
    setBulkResult(null);
  };
  const cancel = () => {
    setPending(null);
    decide.reset();
    revoke.reset();
    bulk.reset();
  };
  const dialogError = dialogErrorOf;
  const submitDecision = (item: AccessRequest, body: DecisionRequest) => {
    clearMessages();
    decide.mutate({ id: item.id, body }, answered(subjectOf(item)));
  };
  const submitRevoke = (item: AccessRequest, body: RevokeAccessRequest) => {
    clearMessages();
    revoke.mutate({ id: item.id, body }, answered(subjectOf(item)));
  };
  const submitBulk = (ids: string[]) => {
    clearMessages();
    const snapshot = items;
    bulk.mutate(ids, {
      onSuccess: (result) => {
        setPending(null);
        setSelected(new Set());
        setBulkResult({ result, items: snapshot });
      },
    });
  };

  return (
    <Page title="子系統申請審核" lead={`您管理的子系統：${session.managedSubsystems.map((s) => s.name).join('、') || '（尚未指派）'}。`}>
      <AccessRequestFilters subsystems={session.managedSubsystems} onSearch={searched} />
      {doneNotice}
      {bulkResult ? <BulkResult result={bulkResult.result} items={bulkResult.items} /> : null}
      {refusedNotice}
      <div className="toolbar">
        {/* Beside 批次核准, not in the column header: on a phone the header row is hidden and each row is a card. */}
        <label className="select-all">
          <input type="checkbox" checked={allSelected} disabled={selectable.length === 0} onChange={toggleAll} />
          全選本頁可核准的申請
        </label>
        <GuardedButton
          className="button button-primary"
          blockedBy={selectedIds.length === 0 ? '請先勾選要核准的申請。' : null}
          onClick={() => setPending({ kind: 'BULK', ids: selectedIds })}
        >
          批次核准（已選 {selectedIds.length} 筆）
        </GuardedButton>
      </div>
      <ListStatus ref={resultsRef} list={list} />
      {list.data ? (
        <DataTable caption="子系統使用申請" columns={columns} items={items} rowKey={(item) => item.id} emptyMessage="查無符合條件的申請" />
      ) : null}
      <Pagination of={list.data} label="申請清單分頁" />

      {pending?.kind === 'APPROVE' || pending?.kind === 'REJECT' ? (
        <DecisionDialog
          decision={pending.kind}
          subject={subjectOf(pending.item)}
          pending={decide.isPending}
          error={dialogError(decide.error)}
          onDecide={(body) => submitDecision(pending.item, body)}
          onCancel={cancel}
        />
      ) : null}
      {pending?.kind === 'REVOKE' ? (
        <ReasonDialog
          title="撤銷子系統權限"
          message={`確定要撤銷${subjectOf(pending.item)}的使用權限嗎？`}
          confirmLabel="確定撤銷"
          reasonLabel="撤銷原因"
          required
          schema={RevokeAccessRequestSchema}
          toBody={(reason) => ({ reason })}
          pending={revoke.isPending}
          error={dialogError(revoke.error)}
          onConfirm={(body) => submitRevoke(pending.item, body)}
          onCancel={cancel}
        />
      ) : null}
      {pending?.kind === 'BULK' ? (
        <ConfirmActionDialog
          title="批次核准"
          message={`確定要核准選取的 ${pending.ids.length} 筆申請嗎？已被處理或帳號非啟用的申請將略過。`}
          confirmLabel="確定批次核准"
          pending={bulk.isPending}
          error={bulk.error?.message ?? null}
          onConfirm={() => submitBulk(pending.ids)}
          onCancel={cancel}
        />
      ) : null}
    </Page>
  );
}
