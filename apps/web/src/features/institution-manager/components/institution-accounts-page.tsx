import {
  ACCOUNT_STATUS_LABELS,
  ACCOUNT_STATUSES,
  AccountStatusChangeRequestSchema,
  AccountStatusSchema,
  type AccountStatusChangeRequest,
  type InstitutionAccount,
} from '@portal/shared';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ConfirmActionDialog, ReasonDialog } from '../../../components/ui/back-office-dialogs';
import { ResultNotice } from '../../../components/ui/result-notice';
import { Page } from '../../../components/ui/page';
import { Pagination } from '../../../components/ui/pagination';
import { ErrorAlert, ResultStatus } from '../../../components/ui/query-feedback';
import { formatTaipeiDate } from '../../../lib/format';
import { pageFromParam } from '../../../lib/format';
import { useRequiredSession } from '../../../lib/session';
import { useChangeAccountStatus, useListInstitutionAccounts } from '../api/institution-manager';
import '../../../components/ui/back-office.css';
import { EmptyRow } from '../../../components/ui/empty-row';

type Pending = { change: 'deactivate' | 'reactivate'; item: InstitutionAccount } | null;

function FilterForm() {
  const [searchParams, setSearchParams] = useSearchParams();
  const [q, setQ] = useState(searchParams.get('q') ?? '');
  const [status, setStatus] = useState(searchParams.get('status') ?? '');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (q.trim()) next.set('q', q.trim());
    if (status) next.set('status', status);
    setSearchParams(next);
  };
  return (
    <form role="search" aria-label="帳號查詢條件" className="filter-form" onSubmit={submit}>
      <div className="filter-group">
        <label htmlFor="accounts-q">帳號或姓名</label>
        <input id="accounts-q" type="search" maxLength={50} value={q} onChange={(event) => setQ(event.target.value)} />
      </div>
      <div className="filter-group">
        <label htmlFor="accounts-status">狀態</label>
        <select id="accounts-status" value={status} onChange={(event) => setStatus(event.target.value)}>
          <option value="">全部</option>
          {ACCOUNT_STATUSES.map((value) => (
            <option key={value} value={value}>
              {ACCOUNT_STATUS_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-primary">
        查詢
      </button>
    </form>
  );
}

/** 單位帳號管理: the institution's accounts with their states; 停用 / 重新啟用 a 一般使用者 after confirming. */
export function InstitutionAccountsPage() {
  const session = useRequiredSession();
  const [searchParams] = useSearchParams();
  const status = AccountStatusSchema.safeParse(searchParams.get('status'));
  const query = {
    page: pageFromParam(searchParams.get('page')),
    q: searchParams.get('q') ?? undefined,
    status: status.success ? status.data : undefined,
  };
  const list = useListInstitutionAccounts(query);
  const change = useChangeAccountStatus();
  const [pending, setPending] = useState<Pending>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = (body: AccountStatusChangeRequest) => {
    if (!pending) return;
    const { item } = pending;
    setDone(null);
    change.mutate(
      { id: item.id, change: pending.change, body },
      {
        onSuccess: (result) => {
          setPending(null);
          setDone(`${item.accountName}：${result.message}`);
        },
      },
    );
  };
  const cancel = () => {
    setPending(null);
    change.reset();
  };

  return (
    <Page title="單位帳號管理" lead={`${session.institution?.name ?? ''}的帳號。單位業務管理者帳號的停用請依「管理者帳號申請、異動」流程辦理。`}>
      <FilterForm />
      {done ? <ResultNotice key={done}>{done}</ResultNotice> : null}
      <ResultStatus isPending={list.isPending} total={list.data?.total} />
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption>本機構帳號</caption>
            <thead>
              <tr>
                <th scope="col">帳號</th>
                <th scope="col">姓名</th>
                <th scope="col">角色</th>
                <th scope="col">狀態</th>
                <th scope="col">申請日期</th>
                <th scope="col">最近登入</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.length === 0 ? (
                <EmptyRow columns={7} />
              ) : (
                list.data.items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row" data-label="帳號">
                      {item.accountName}
                    </th>
                    <td data-label="姓名">{item.name}</td>
                    <td data-label="角色">{item.roleLabel}</td>
                    <td data-label="狀態">{item.statusLabel}</td>
                    <td data-label="申請日期">{formatTaipeiDate(item.createdAt)}</td>
                    <td data-label="最近登入">{item.lastLoginAt ? formatTaipeiDate(item.lastLoginAt) : '—'}</td>
                    <td data-label="操作">
                      {item.canChangeStatus && item.status === 'ACTIVE' ? (
                        <button type="button" className="button button-secondary" onClick={() => setPending({ change: 'deactivate', item })}>
                          停用<span className="visually-hidden">（{item.accountName}）</span>
                        </button>
                      ) : item.canChangeStatus && item.status === 'DEACTIVATED' ? (
                        <button type="button" className="button button-secondary" onClick={() => setPending({ change: 'reactivate', item })}>
                          重新啟用<span className="visually-hidden">（{item.accountName}）</span>
                        </button>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.data ? <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} label="帳號清單分頁" /> : null}

      {pending?.change === 'deactivate' ? (
        <ReasonDialog
          title="停用帳號"
          message={`確定要停用 ${pending.item.accountName}（${pending.item.name}）嗎？該帳號的登入將全部登出。`}
          confirmLabel="確定停用"
          reasonLabel="停用原因"
          required={false}
          schema={AccountStatusChangeRequestSchema}
          toBody={(reason) => (reason ? { reason } : {})}
          pending={change.isPending}
          error={change.error?.message ?? null}
          onConfirm={submit}
          onCancel={cancel}
        />
      ) : null}
      {pending?.change === 'reactivate' ? (
        <ConfirmActionDialog
          title="重新啟用帳號"
          message={`確定要重新啟用 ${pending.item.accountName}（${pending.item.name}）嗎？`}
          confirmLabel="確定重新啟用"
          pending={change.isPending}
          error={change.error?.message ?? null}
          onConfirm={() => submit({})}
          onCancel={cancel}
        />
      ) : null}
    </Page>
  );
}
