import { CITIES, CreateInstitutionRequestSchema, INSTITUTION_KINDS, institutionKindLabels, type StaffInstitution } from '@portal/shared';
import { useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { ConfirmActionDialog } from '../../../components/ui/back-office-dialogs';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { FormField } from '../../../components/ui/form-field';
import { Page } from '../../../components/ui/page';
import { Pagination } from '../../../components/ui/pagination';
import { ErrorAlert, ResultStatus } from '../../../components/ui/query-feedback';
import { ApiError } from '../../../lib/api-error';
import { pageFromParam } from '../../../lib/format';
import { sharedSchemaResolver } from '../../../lib/form-resolver';
import { useSaveInstitution, useSetInstitutionClosed, useStaffInstitutions } from '../api/staff';
import { summaryItems } from './form-summary';
import '../../../components/ui/back-office.css';
import { FormButtons } from '../../../components/ui/form-buttons';
import { EmptyRow } from '../../../components/ui/empty-row';

interface InstitutionFormValues {
  code: string;
  name: string;
  kind: string;
  city: string;
  address: string;
  phone: string;
}
type InstitutionBody = z.output<typeof CreateInstitutionRequestSchema>;

const FIELDS = [
  { key: 'code', id: 'institution-code', label: '機構代碼' },
  { key: 'name', id: 'institution-name', label: '機構名稱' },
  { key: 'kind', id: 'institution-kind', label: '機構類別' },
  { key: 'city', id: 'institution-city', label: '縣市' },
  { key: 'address', id: 'institution-address', label: '地址' },
  { key: 'phone', id: 'institution-phone', label: '電話' },
] as const;

const toInput = (values: InstitutionFormValues) => ({
  ...values,
  kind: values.kind || undefined,
  city: values.city || undefined,
  address: values.address.trim() || null,
  phone: values.phone.trim() || null,
});

function InstitutionForm({ editing, onDone }: { editing: StaffInstitution | null; onDone: (message: string) => void }) {
  const save = useSaveInstitution();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitted },
  } = useForm<InstitutionFormValues, unknown, InstitutionBody>({
    defaultValues: {
      code: editing?.code ?? '',
      name: editing?.name ?? '',
      kind: editing?.kind ?? '',
      city: editing?.city ?? '',
      address: editing?.address ?? '',
      phone: editing?.phone ?? '',
    },
    resolver: sharedSchemaResolver(CreateInstitutionRequestSchema, toInput),
  });
  const submit = ({ code, ...rest }: InstitutionBody) =>
    save.mutate(editing ? { id: editing.id, body: rest } : { id: null, body: { code, ...rest } }, {
      onSuccess: (saved) => onDone(editing ? `已儲存「${saved.name}」。` : `已新增「${saved.code} ${saved.name}」。`),
      onError: (error) => {
        if (error instanceof ApiError && error.status === 409) setError('code', { message: error.message });
      },
    });
  const summary = summaryItems(errors, FIELDS);
  const err = (key: keyof InstitutionFormValues) => errors[key]?.message;
  const [code, name, kind, city, address, phone] = FIELDS;
  return (
    <form className="admin-form" aria-labelledby="institution-form-title" noValidate onSubmit={handleSubmit(submit)}>
      <h2 id="institution-form-title">{editing ? `修改機構（${editing.code}）` : '新增機構'}</h2>
      {isSubmitted && summary.length > 0 ? <ErrorSummary title="請修正以下欄位" items={summary} /> : null}
      {save.error && !(save.error instanceof ApiError && save.error.status === 409) ? <ErrorSummary title={save.error.message} items={[]} /> : null}
      <div className="field-grid">
        <FormField id={code.id} label={code.label} required={!editing} hint={editing ? '機構代碼不可修改。' : '10 碼數字'} error={err('code')}>
          {(control) => <input {...control} type="text" inputMode="numeric" maxLength={10} readOnly={Boolean(editing)} {...register('code')} />}
        </FormField>
        <FormField id={name.id} label={name.label} required error={err('name')}>
          {(control) => <input {...control} type="text" maxLength={100} {...register('name')} />}
        </FormField>
        <FormField id={kind.id} label={kind.label} required error={err('kind')}>
          {(control) => (
            <select {...control} {...register('kind')}>
              <option value="">請選擇</option>
              {INSTITUTION_KINDS.map((value) => (
                <option key={value} value={value}>
                  {institutionKindLabels[value]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={city.id} label={city.label} required error={err('city')}>
          {(control) => (
            <select {...control} {...register('city')}>
              <option value="">請選擇</option>
              {CITIES.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={address.id} label={address.label} error={err('address')}>
          {(control) => <input {...control} type="text" maxLength={200} {...register('address')} />}
        </FormField>
        <FormField id={phone.id} label={phone.label} error={err('phone')}>
          {(control) => <input {...control} type="tel" maxLength={30} {...register('phone')} />}
        </FormField>
      </div>
      <FormButtons submitLabel={editing ? '儲存' : '新增'} busy={save.isPending} onCancel={() => onDone('')} />
    </form>
  );
}

/** 機構管理: search, create, edit, 關閉 / 重新開放 (confirmed). */
export function InstitutionsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const [q, setQ] = useState(searchParams.get('q') ?? '');
  const stateParam = searchParams.get('state');
  const state = stateParam === 'closed' || stateParam === 'all' ? stateParam : 'open';
  const list = useStaffInstitutions({ page: pageFromParam(searchParams.get('page')), q: searchParams.get('q') ?? undefined, state });
  const closeMutation = useSetInstitutionClosed();
  const [form, setForm] = useState<{ editing: StaffInstitution | null } | null>(null);
  const [toClose, setToClose] = useState<StaffInstitution | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (q.trim()) next.set('q', q.trim());
    if (state !== 'open') next.set('state', state);
    setSearchParams(next);
  };
  const confirmClose = () => {
    if (!toClose) return;
    closeMutation.mutate(
      { institutionId: toClose.id, close: toClose.closedAt === null },
      {
        onSuccess: (saved) => {
          setToClose(null);
          setDone(saved.closedAt ? `已關閉「${saved.name}」。` : `已重新開放「${saved.name}」。`);
        },
      },
    );
  };

  return (
    <Page title="機構管理" lead="醫事機構的基本資料；關閉的機構不能再申請帳號。">
      <form role="search" aria-label="機構查詢條件" className="filter-form" onSubmit={search}>
        <div className="filter-group">
          <label htmlFor="institution-q">機構代碼或名稱</label>
          <input id="institution-q" type="search" maxLength={50} value={q} onChange={(event) => setQ(event.target.value)} />
        </div>
        <div className="filter-group">
          <label htmlFor="institution-state">狀態</label>
          <select
            id="institution-state"
            value={state}
            onChange={(event) => {
              const next = new URLSearchParams(searchParams);
              next.delete('page');
              if (event.target.value === 'open') next.delete('state');
              else next.set('state', event.target.value);
              setSearchParams(next);
            }}
          >
            <option value="open">開放中</option>
            <option value="closed">已關閉</option>
            <option value="all">全部</option>
          </select>
        </div>
        <button type="submit" className="button button-primary">
          查詢
        </button>
        <button type="button" className="button button-secondary" onClick={() => setForm({ editing: null })}>
          新增機構
        </button>
      </form>
      {done ? (
        <p role="status" className="notice-success">
          {done}
        </p>
      ) : null}
      {form ? (
        <InstitutionForm
          key={form.editing?.id ?? 'new'}
          editing={form.editing}
          onDone={(message) => {
            setForm(null);
            setDone(message || null);
          }}
        />
      ) : null}
      <ResultStatus isPending={list.isPending} total={list.data?.total} />
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption>醫事機構</caption>
            <thead>
              <tr>
                <th scope="col">機構代碼</th>
                <th scope="col">機構名稱</th>
                <th scope="col">類別</th>
                <th scope="col">縣市</th>
                <th scope="col">單位業務管理者</th>
                <th scope="col">狀態</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.length === 0 ? (
                <EmptyRow columns={7} />
              ) : (
                list.data.items.map((item) => (
                  <tr key={item.id}>
                    <td data-label="機構代碼">{item.code}</td>
                    <th scope="row" data-label="機構名稱">
                      {item.name}
                    </th>
                    <td data-label="類別">{item.kindLabel}</td>
                    <td data-label="縣市">{item.city}</td>
                    <td data-label="單位業務管理者">{item.managerCount} 位</td>
                    <td data-label="狀態">{item.closedAt ? '已關閉' : '開放中'}</td>
                    <td data-label="操作">
                      <div className="row-actions">
                        <button type="button" className="button button-secondary" onClick={() => setForm({ editing: item })}>
                          編輯<span className="visually-hidden">（{item.name}）</span>
                        </button>
                        <button type="button" className="button button-secondary" onClick={() => setToClose(item)}>
                          {item.closedAt ? '重新開放' : '關閉'}
                          <span className="visually-hidden">（{item.name}）</span>
                        </button>
                      </div>
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.data ? <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} label="機構清單分頁" /> : null}
      {toClose ? (
        <ConfirmActionDialog
          title={toClose.closedAt ? '重新開放機構' : '關閉機構'}
          message={toClose.closedAt ? `確定要重新開放「${toClose.code} ${toClose.name}」嗎？` : `確定要關閉「${toClose.code} ${toClose.name}」嗎？關閉後不能再以此機構申請帳號。`}
          confirmLabel={toClose.closedAt ? '確定重新開放' : '確定關閉'}
          pending={closeMutation.isPending}
          error={closeMutation.error?.message ?? null}
          onConfirm={confirmClose}
          onCancel={() => {
            setToClose(null);
            closeMutation.reset();
          }}
        />
      ) : null}
    </Page>
  );
}
