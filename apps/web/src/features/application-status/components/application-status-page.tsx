import { zodResolver } from '@hookform/resolvers/zod';
import {
  APPLICATION_STEP_STATE_LABELS,
  ApplicationStatusQuerySchema,
  type ApplicationStatus,
  type ApplicationStatusQuery,
} from '@portal/shared';
import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { PendingVerificationLinks } from '../../../components/pending-verification-links';
import { Page } from '../../../components/ui/page';
import { ResultNotice } from '../../../components/ui/result-notice';
import { TextField } from '../../../components/ui/text-field';
import { useQueryApplicationStatus } from '../api/query-application-status';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { TaipeiDate } from '../../../components/ui/taipei-date';

const STEP_COLUMNS: readonly Column<ApplicationStatus['steps'][number]>[] = [
  { label: '步驟', cell: (step) => step.label },
  { label: '狀態', cell: (step) => APPLICATION_STEP_STATE_LABELS[step.state] },
  { label: '日期', className: 'col-nowrap', cell: (step) => (step.date ? <TaipeiDate at={step.date} /> : '—') },
  { label: '說明', cell: (step) => step.note ?? '—' },
];

function StatusResult({ status }: { status: ApplicationStatus }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Each answer takes focus, so a screen reader reads it and the keyboard continues from it.
  useEffect(() => headingRef.current?.focus(), [status]);
  return (
    <section aria-labelledby="status-result-heading" className="status-result">
      <h2 id="status-result-heading" ref={headingRef} tabIndex={-1}>
        查詢結果
      </h2>
      <dl className="facts">
        {status.applicationNo ? (
          <>
            <dt>申請編號</dt>
            <dd>{status.applicationNo}</dd>
          </>
        ) : null}
        <dt>帳號</dt>
        <dd>{status.accountName}</dd>
        <dt>角色</dt>
        <dd>{status.roleLabel}</dd>
        {status.institution ? (
          <>
            <dt>機構</dt>
            <dd>
              {status.institution.name}（{status.institution.code}）
            </dd>
          </>
        ) : null}
        <dt>帳號狀態</dt>
        <dd>{status.statusLabel}</dd>
        <dt>申請日期</dt>
        <dd>
          <TaipeiDate at={status.submittedAt} />
        </dd>
      </dl>
      <DataTable caption="申請進度" captionClassName="visually-hidden" columns={STEP_COLUMNS} items={status.steps} rowKey={(step) => step.key} />
      {status.status === 'PENDING_VERIFICATION' ? <PendingVerificationLinks lead="完成驗證，請以申請的帳號及密碼：" /> : null}
    </section>
  );
}

export function ApplicationStatusPage() {
  const query = useQueryApplicationStatus();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<ApplicationStatusQuery>({
    resolver: zodResolver(ApplicationStatusQuerySchema),
    defaultValues: { accountName: '', nationalId: '' },
  });
  const submit = handleSubmit(async (values) => {
    await query.mutateAsync(values).catch(() => undefined);
  });

  return (
    <Page title="申請進度查詢" lead="不必登入：輸入申請的帳號及身分證字號，即可查詢帳號申請每一個步驟的狀態及日期。">
      <form onSubmit={(event) => void submit(event)} noValidate className="stack-form">
        <TextField
          id="status-account-name"
          label="帳號"
          required
          autoComplete="username"
          error={errors.accountName?.message}
          registration={register('accountName')}
        />
        <TextField
          id="status-national-id"
          label="身分證字號"
          required
          autoComplete="off"
          error={errors.nationalId?.message}
          registration={register('nationalId')}
        />
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          查詢
        </button>
      </form>
      {query.error ? (
        <ResultNotice key={query.submittedAt} tone="error">
          <p role="alert">{query.error.message}</p>
        </ResultNotice>
      ) : null}
      {query.data && !query.error ? <StatusResult status={query.data} /> : null}
    </Page>
  );
}
