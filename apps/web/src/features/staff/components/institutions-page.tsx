import { CITIES, CreateInstitutionRequestSchema, StaffInstitutionQuerySchema, INSTITUTION_KINDS, institutionKindLabels, type StaffInstitution } from '@portal/shared';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { ConfirmActionDialog } from '../../../components/ui/back-office-dialogs';
import { ErrorSummary, summaryItems } from '../../../components/ui/error-summary';
import { FormField } from '../../../components/ui/form-field';
import { OptionList } from '../../../components/ui/option-list';
import { useEditor } from './use-editor';
import { Page } from '../../../components/ui/page';
import { Pagination } from '../../../components/ui/pagination';
import { ListStatus, useResultsFocus } from '../../../components/ui/query-feedback';
import { DataTable, noWrap, type Column } from '../../../components/ui/data-table';
import { FilterForm, filterSearchParams, useFilterForm, type FilterField } from '../../../components/ui/filter-form';
import { ApiError } from '../../../lib/api-error';
import { pageFromParam } from '../../../lib/format';
import { sharedSchemaResolver } from '../../../lib/form-resolver';
import { useSaveInstitution, useSetInstitutionClosed, useStaffInstitutions } from '../api/staff';

import '../../../components/ui/back-office.css';
import { FormButtons } from '../../../components/ui/form-buttons';

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
    setFocus,
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
  // Opening the form (新增機構, or 編輯 in a row far below) takes focus to its first field to fill.
  useEffect(() => setFocus(editing ? 'name' : 'code'), [editing, setFocus]);
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
              <OptionList values={INSTITUTION_KINDS} labels={institutionKindLabels} />
            </select>
          )}
        </FormField>
        <FormField id={city.id} label={city.label} required error={err('city')}>
          {(control) => (
            <select {...control} {...register('city')}>
              <option value="">請選擇</option>
              <OptionList values={CITIES} />
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

type FilterKey = 'q' | 'state';
const FILTER_KEYS: readonly FilterKey[] = ['q', 'state'];
const FILTERS: readonly FilterField<FilterKey>[] = [
  { key: 'q', label: '機構代碼或名稱', type: 'search', maxLength: 50 },
  {
    key: 'state',
    label: '狀態',
    type: 'select',
    options: [
      { value: 'open', label: '開放中' },
      { value: 'closed', label: '已關閉' },
      { value: 'all', label: '全部' },
    ],
  },
];

function institutionColumns(edit: (item: StaffInstitution) => void, askClose: (item: StaffInstitution) => void): Column<StaffInstitution>[] {
  return [
    { label: '機構代碼', cell: (item) => item.code },
    { label: '機構名稱', rowHeader: true, cell: (item) => item.name },
    { label: '類別', ...noWrap, cell: (item) => item.kindLabel },
    { label: '縣市', ...noWrap, cell: (item) => item.city },
    { label: '單位業務管理者', cell: (item) => `${item.managerCount} 位` },
    { label: '狀態', ...noWrap, cell: (item) => (item.closedAt ? '已關閉' : '開放中') },
    {
      label: '操作',
      cell: (item) => (
        <div className="row-actions">
          <button type="button" className="button button-secondary" onClick={() => edit(item)}>
            編輯<span className="visually-hidden">（{item.name}）</span>
          </button>
          <button type="button" className="button button-secondary" onClick={() => askClose(item)}>
            {item.closedAt ? '重新開放' : '關閉'}
            <span className="visually-hidden">（{item.name}）</span>
          </button>
        </div>
      ),
    },
  ];
}

/** 機構管理: search, create, edit, 關閉 / 重新開放 (confirmed). */
export function InstitutionsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const stateParam = searchParams.get('state');
  const state = stateParam === 'closed' || stateParam === 'all' ? stateParam : 'open';
  const list = useStaffInstitutions({ page: pageFromParam(searchParams.get('page')), q: searchParams.get('q') ?? undefined, state });
  const closeMutation = useSetInstitutionClosed();
  const { form, edit, close, done, setDone } = useEditor<StaffInstitution>();
  const [toClose, setToClose] = useState<StaffInstitution | null>(null);

  const { ref: resultsRef, searched } = useResultsFocus();
  const filters = useFilterForm(StaffInstitutionQuerySchema, FILTER_KEYS, (key) => (key === 'state' ? state : (searchParams.get(key) ?? '')));
  const search = (values: z.output<typeof StaffInstitutionQuerySchema>) => {
    setSearchParams(filterSearchParams({ ...values, state: values.state === 'open' ? undefined : values.state }, FILTER_KEYS));
    searched();
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
      <FilterForm
        label="機構查詢條件"
        idPrefix="institution"
        fields={FILTERS}
        form={filters}
        onSearch={search}
        actions={
          <button type="button" className="button button-secondary" onClick={() => edit(null)}>
            新增機構
          </button>
        }
      />
      {done ? (
        <p role="status" className="notice-success">
          {done}
        </p>
      ) : null}
      {form ? <InstitutionForm key={form.editing?.id ?? 'new'} editing={form.editing} onDone={close} /> : null}
      <ListStatus ref={resultsRef} list={list} />
      {list.data ? <DataTable caption="醫事機構" columns={institutionColumns(edit, setToClose)} items={list.data.items} rowKey={(item) => item.id} /> : null}
      <Pagination of={list.data} label="機構清單分頁" />
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
