import { sharedSchemaResolver } from '../../../lib/form-resolver';
import { UpdateSubsystemRequestSchema, type StaffSubsystem, type SubsystemManagerEntry } from '@portal/shared';
import { useId, useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ConfirmActionDialog } from '../../../components/ui/back-office-dialogs';
import { ErrorSummary, summaryItems } from '../../../components/ui/error-summary';
import { FormField } from '../../../components/ui/form-field';
import { Page } from '../../../components/ui/page';
import { ErrorAlert } from '../../../components/ui/query-feedback';
import { webMessages } from '../../../lib/site';
import { useOidcClients } from '../api/oidc-clients';
import { useAssignSubsystemManager, useRemoveSubsystemManager, useStaffSubsystems, useUpdateSubsystem } from '../api/staff';
import { OidcClientSection } from './oidc-client-section';
import { SigningKeysSection } from './signing-keys-section';
import '../../../components/ui/back-office.css';
import { FormButtons } from '../../../components/ui/form-buttons';
import { DataTable, type Column } from '../../../components/ui/data-table';

interface SubsystemFormValues {
  name: string;
  description: string;
  url: string;
  active: boolean;
}
type SubsystemBody = z.output<typeof UpdateSubsystemRequestSchema>;

function SubsystemEditor({ subsystem, onDone }: { subsystem: StaffSubsystem; onDone: (message: string) => void }) {
  const update = useUpdateSubsystem();
  const prefix = useId();
  const fields = [
    { key: 'name', id: `${prefix}-name`, label: '子系統名稱' },
    { key: 'description', id: `${prefix}-description`, label: '說明' },
    { key: 'url', id: `${prefix}-url`, label: '進入網址' },
  ] as const;
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitted },
  } = useForm<SubsystemFormValues, unknown, SubsystemBody>({
    defaultValues: { name: subsystem.name, description: subsystem.description, url: subsystem.url, active: subsystem.active },
    resolver: sharedSchemaResolver(UpdateSubsystemRequestSchema, (values) => values),
  });
  const submit = (body: SubsystemBody) =>
    update.mutate({ subsystemId: subsystem.id, body }, { onSuccess: (saved) => onDone(`已儲存「${saved.name}」。`) });
  const summary = summaryItems(errors, fields);
  const [name, description, url] = fields;
  return (
    <form className="admin-form" aria-labelledby={`${prefix}-title`} noValidate onSubmit={handleSubmit(submit)}>
      <h3 id={`${prefix}-title`}>修改「{subsystem.name}」</h3>
      {isSubmitted && summary.length > 0 ? <ErrorSummary title="請修正以下欄位" items={summary} /> : null}
      {update.error ? <ErrorSummary title={update.error.message} items={[]} /> : null}
      <FormField id={name.id} label={name.label} required error={errors.name?.message}>
        {(control) => <input {...control} type="text" maxLength={50} {...register('name')} />}
      </FormField>
      <FormField id={description.id} label={description.label} error={errors.description?.message}>
        {(control) => <textarea {...control} rows={3} maxLength={500} {...register('description')} />}
      </FormField>
      <FormField id={url.id} label={url.label} required hint="使用者於「我的服務」點選「進入系統」時開啟的子系統網址，子系統由此向單一入口發起登入；http:// 或 https:// 開頭" error={errors.url?.message}>
        {(control) => <input {...control} type="url" maxLength={300} {...register('url')} />}
      </FormField>
      <div className="field">
        <label>
          <input type="checkbox" {...register('active')} /> 啟用（未啟用的子系統不開放申請）
        </label>
      </div>
      <FormButtons submitLabel={'儲存'} busy={update.isPending} onCancel={() => onDone('')} />
    </form>
  );
}

function AssignManagerForm({ subsystem, onDone }: { subsystem: StaffSubsystem; onDone: (message: string) => void }) {
  const assign = useAssignSubsystemManager();
  const [accountName, setAccountName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = `assign-${subsystem.code}`;
  const errorId = `${inputId}-error`;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = accountName.trim();
    if (!name) {
      setProblem('請輸入帳號');
      return;
    }
    setProblem(null);
    assign.mutate(
      { subsystemId: subsystem.id, accountName: name },
      {
        onSuccess: () => {
          setAccountName('');
          onDone(`已指派 ${name} 為「${subsystem.name}」的子系統管理者。`);
        },
        onError: (error) => setProblem(error.message),
      },
    );
  };
  return (
    <form className="inline-form" noValidate onSubmit={submit} aria-label={`指派「${subsystem.name}」的子系統管理者`}>
      <div className="field">
        <label htmlFor={inputId}>指派子系統管理者（帳號）</label>
        <input
          id={inputId}
          type="text"
          maxLength={30}
          value={accountName}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          onChange={(event) => setAccountName(event.target.value)}
        />
        {problem ? (
          <p id={errorId} className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button button-secondary" disabled={assign.isPending}>
        指派
      </button>
    </form>
  );
}

function managerColumns(askRemove: (manager: SubsystemManagerEntry) => void): Column<SubsystemManagerEntry>[] {
  return [
    { label: '帳號', rowHeader: true, cell: (manager) => manager.accountName },
    { label: '姓名', cell: (manager) => manager.name },
    {
      label: '操作',
      cell: (manager) => (
        <button type="button" className="button button-secondary" onClick={() => askRemove(manager)}>
          移除<span className="visually-hidden">（{manager.accountName}）</span>
        </button>
      ),
    },
  ];
}

/** 子系統管理: name / description / URL / active, and who manages each subsystem. */
export function SubsystemsPage() {
  const list = useStaffSubsystems();
  const clients = useOidcClients();
  const clientOf = new Map(clients.data?.items.map((item) => [item.subsystem.id, item.client]));
  const remove = useRemoveSubsystemManager();
  const [editing, setEditing] = useState<string | null>(null);
  const [toRemove, setToRemove] = useState<{ subsystem: StaffSubsystem; manager: SubsystemManagerEntry } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const finish = (message: string) => {
    setEditing(null);
    setDone(message || null);
  };

  return (
    <Page title="子系統管理" lead="子系統的名稱、說明、網址與啟用狀態，各子系統的管理者，以及以單一入口登入子系統的用戶端設定。">
      {done ? (
        <p role="status" className="notice-success">
          {done}
        </p>
      ) : null}
      {list.isPending ? <p role="status">{webMessages.loading}</p> : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {clients.error ? <ErrorAlert error={clients.error} onRetry={() => void clients.refetch()} /> : null}
      {list.data?.items.map((subsystem) => (
        <section key={subsystem.id} className="card" aria-labelledby={`subsystem-${subsystem.code}`}>
          <h2 id={`subsystem-${subsystem.code}`} className="card-title">
            {subsystem.name}
            {subsystem.active ? null : <span className="status-badge">未啟用</span>}
          </h2>
          <p>{subsystem.description}</p>
          <p>
            進入網址：<code>{subsystem.url}</code>；待審核申請 {subsystem.pendingCount} 筆
          </p>
          {editing === subsystem.id ? (
            <SubsystemEditor subsystem={subsystem} onDone={finish} />
          ) : (
            <button type="button" className="button button-secondary" onClick={() => setEditing(subsystem.id)}>
              修改<span className="visually-hidden">「{subsystem.name}」</span>
            </button>
          )}
          <DataTable
            caption={`「${subsystem.name}」的子系統管理者`}
            columns={managerColumns((manager) => setToRemove({ subsystem, manager }))}
            items={subsystem.managers}
            rowKey={(manager) => manager.accountId}
            emptyMessage="尚未指派"
          />
          <AssignManagerForm subsystem={subsystem} onDone={finish} />
          {clients.data ? <OidcClientSection subsystem={subsystem} client={clientOf.get(subsystem.id) ?? null} /> : null}
        </section>
      ))}
      <SigningKeysSection />
      {toRemove ? (
        <ConfirmActionDialog
          title="移除子系統管理者"
          message={`確定要移除 ${toRemove.manager.accountName}（${toRemove.manager.name}）的「${toRemove.subsystem.name}」管理權限嗎？`}
          confirmLabel="確定移除"
          pending={remove.isPending}
          error={remove.error?.message ?? null}
          onConfirm={() =>
            remove.mutate(
              { subsystemId: toRemove.subsystem.id, accountId: toRemove.manager.accountId },
              {
                onSuccess: () => {
                  setToRemove(null);
                  setDone(`已移除 ${toRemove.manager.accountName} 的「${toRemove.subsystem.name}」管理權限。`);
                },
              },
            )
          }
          onCancel={() => {
            setToRemove(null);
            remove.reset();
          }}
        />
      ) : null}
    </Page>
  );
}
