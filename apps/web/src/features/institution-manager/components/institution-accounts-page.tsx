import {
  ACCOUNT_STATUS_LABELS,
  ACCOUNT_STATUSES,
  AccountStatusChangeRequestSchema,
  AccountStatusSchema,
  InstitutionAccountQuerySchema,
  type AccountStatusChangeRequest,
  type InstitutionAccount,
} from '@portal/shared';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { ConfirmActionDialog, ReasonDialog } from '../../../components/ui/back-office-dialogs';
import { ResultNotice } from '../../../components/ui/result-notice';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { FilterForm, filterSearchParams, optionsOf, useFilterForm, type FilterField } from '../../../components/ui/filter-form';
import { Page } from '../../../components/ui/page';
import { Pagination } from '../../../components/ui/pagination';
import { ListStatus, useResultsFocus } from '../../../components/ui/query-feedback';
import { formatTaipeiDate, pageFromParam } from '../../../lib/format';
import { useRequiredSession } from '../../../lib/session';
import { useChangeAccountStatus, useListInstitutionAccounts } from '../api/institution-manager';
import '../../../components/ui/back-office.css';

type Pending = { change: 'deactivate' | 'reactivate'; item: InstitutionAccount } | null;

type FilterKey = 'q' | 'status';
const FILTERS: readonly FilterField<FilterKey>[] = [
  { key: 'q', label: '帳號或姓名', type: 'search', maxLength: 50 },
  { key: 'status', label: '狀態', type: 'select', anyLabel: '全部', options: optionsOf(ACCOUNT_STATUSES, (value) => ACCOUNT_STATUS_LABELS[value]) },
];
const KEYS = FILTERS.map(({ key }) => key);

function accountColumns(ask: (pending: NonNullable<Pending>) => void): Column<InstitutionAccount>[] {
  return [
    { label: '帳號', rowHeader: true, cell: (item) => item.accountName },
    { label: '姓名', cell: (item) => item.name },
    { label: '角色', cell: (item) => item.roleLabel },
    { label: '狀態', cell: (item) => item.statusLabel },
    { label: '申請日期', cell: (item) => formatTaipeiDate(item.createdAt) },
    { label: '最近登入', cell: (item) => (item.lastLoginAt ? formatTaipeiDate(item.lastLoginAt) : '—') },
    {
      label: '操作',
      cell: (item) =>
        item.canChangeStatus && item.status === 'ACTIVE' ? (
          <button type="button" className="button button-secondary" onClick={() => ask({ change: 'deactivate', item })}>
            停用<span className="visually-hidden">（{item.accountName}）</span>
          </button>
        ) : item.canChangeStatus && item.status === 'DEACTIVATED' ? (
          <button type="button" className="button button-secondary" onClick={() => ask({ change: 'reactivate', item })}>
            重新啟用<span className="visually-hidden">（{item.accountName}）</span>
          </button>
        ) : (
          '—'
        ),
    },
  ];
}

/** 單位帳號管理: the institution's accounts with their states; 停用 / 重新啟用 a 一般使用者 after confirming. */
export function InstitutionAccountsPage() {
  const session = useRequiredSession();
  const [searchParams, setSearchParams] = useSearchParams();
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
  const { ref: resultsRef, searched } = useResultsFocus();
  const form = useFilterForm(InstitutionAccountQuerySchema, KEYS, (key) => searchParams.get(key) ?? '');
  const search = (values: z.output<typeof InstitutionAccountQuerySchema>) => {
    setSearchParams(filterSearchParams(values, KEYS));
    searched();
  };

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
      <FilterForm label="帳號查詢條件" idPrefix="accounts" fields={FILTERS} form={form} onSearch={search} />
      {done ? <ResultNotice key={done}>{done}</ResultNotice> : null}
      <ListStatus ref={resultsRef} list={list} />
      {list.data ? <DataTable caption="本機構帳號" columns={accountColumns(setPending)} items={list.data.items} rowKey={(item) => item.id} /> : null}
      <Pagination of={list.data} label="帳號清單分頁" />

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
