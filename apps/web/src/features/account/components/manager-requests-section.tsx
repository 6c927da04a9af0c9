import {
  MANAGER_REQUEST_KIND_LABELS,
  type AccountRole,
  type CreateManagerRequest,
  type ManagerRequest,
  type ManagerRequestPreview,
  type OnlineManagerRequestKind,
} from '@portal/shared';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { ErrorAlert } from '../../../components/ui/query-feedback';
import { webMessages } from '../../../lib/site';
import { previewManagerRequest, useCreateManagerRequest, useListMyManagerRequests } from '../api/manager-requests';
import { managerRequestPaths, pathWithId } from '../../../lib/manager-request-paths';
import { TaipeiDate } from '../../../components/ui/taipei-date';
import { DataTable, type Column } from '../../../components/ui/data-table';

/** What each online request is called on its button (the four flows of docs/product.md). */
export const MANAGER_REQUEST_ACTIONS: Record<OnlineManagerRequestKind, string> = {
  C_A: '申請管理者權限',
  C_B: '申請調降為一般使用者',
  B: '申請管理者帳號停用',
};
export const COLLEAGUE_DEACTIVATION = '停用同仁的管理者帳號';

function DateCell({ iso }: { iso: string | null }) {
  return iso ? <TaipeiDate at={iso} /> : <>—</>;
}

/** The two ways of verifying an open request, as links to their screens. */
function VerifyLinks({ request }: { request: ManagerRequest }) {
  return (
    <div className="verification-actions">
      {request.status === 'AWAITING_VERIFICATION' ? (
        <Link className="button button-primary" to={pathWithId(managerRequestPaths.requestCardVerification, request.id)}>
          醫事機構卡驗證
        </Link>
      ) : null}
      <Link className="button button-secondary" to={pathWithId(managerRequestPaths.requestPaperReview, request.id)}>
        紙本審核
      </Link>
    </div>
  );
}

const MY_REQUEST_COLUMNS: readonly Column<ManagerRequest>[] = [
  { label: '申請編號', cell: (request) => request.requestNo },
  { label: '申請項目', cell: (request) => request.kindLabel },
  { label: '帳號', cell: (request) => request.account.accountName },
  {
    label: '狀態',
    cell: (request) => (
      <>
        {request.statusLabel}
        {request.status === 'REJECTED' && request.reason ? <span className="field-hint">（原因：{request.reason}）</span> : null}
      </>
    ),
  },
  { label: '送出日期', cell: (request) => <DateCell iso={request.submittedAt} /> },
  { label: '到期日', cell: (request) => <DateCell iso={request.dueAt} /> },
  { label: '結案日期', cell: (request) => <DateCell iso={request.decidedAt} /> },
];

function MyRequestsTable({ items }: { items: ManagerRequest[] }) {
  if (items.length === 0) return <p>您尚未提出管理者帳號申請或異動。</p>;
  return (
    <DataTable caption="我的管理者帳號申請、異動" captionClassName="visually-hidden" columns={MY_REQUEST_COLUMNS} items={items} rowKey={(request) => request.id} />
  );
}

interface Pending {
  body: CreateManagerRequest;
  label: string;
  preview: ManagerRequestPreview;
}

/**
 * 管理者權限申請 on 我的帳號: start C-a (一般使用者) or C-b / B (單位業務管理者, B also for a
 * colleague), confirmed in a dialog that carries the API's "no manager left" warning; then the
 * two ways of verifying; and the list of my requests.
 */
export function ManagerRequestsSection({ role }: { role: AccountRole }) {
  const list = useListMyManagerRequests();
  const create = useCreateManagerRequest();
  const ids = { heading: useId(), colleague: useId() };
  const [pending, setPending] = useState<Pending | null>(null);
  const [previewError, setPreviewError] = useState<Error | null>(null);
  const [checking, setChecking] = useState(false);
  const [created, setCreated] = useState<ManagerRequest | null>(null);
  const createdRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (created) createdRef.current?.focus();
  }, [created]);

  const ask = async (body: CreateManagerRequest, label: string) => {
    setPreviewError(null);
    setCreated(null);
    create.reset();
    setChecking(true);
    try {
      setPending({ body, label, preview: await previewManagerRequest(body) });
    } catch (error) {
      setPreviewError(error instanceof Error ? error : new Error(String(error)));
    } finally {
      setChecking(false);
    }
  };

  const confirm = () => {
    if (!pending) return;
    create.mutate(pending.body, {
      onSuccess: ({ request }) => {
        setPending(null);
        setCreated(request);
      },
      onError: () => setPending(null),
    });
  };

  const submitColleague = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const targetAccountName = String(new FormData(event.currentTarget).get('targetAccountName') ?? '').trim();
    if (!targetAccountName) {
      setPreviewError(new Error('請輸入同仁的帳號。'));
      return;
    }
    void ask({ kind: 'B', targetAccountName }, `${COLLEAGUE_DEACTIVATION}（${targetAccountName}）`);
  };

  const data = list.data;
  const open = data?.open ?? null;
  const available = data?.availableKinds ?? [];

  return (
    <section aria-labelledby={ids.heading} className="account-section">
      <h2 id={ids.heading}>管理者權限申請</h2>
      {list.isPending ? <p role="status">{webMessages.loading}</p> : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {data ? (
        <>
          {created ? (
            <div className="card">
              <h3 ref={createdRef} tabIndex={-1} className="card-title">
                已送出「{created.kindLabel}」申請（{created.requestNo}），請選擇驗證方式：
              </h3>
              <VerifyLinks request={created} />
            </div>
          ) : open ? (
            <div className="card">
              <h3 className="card-title">處理中的申請：{open.kindLabel}（{open.statusLabel}）</h3>
              <p>
                申請編號 {open.requestNo}
                {open.dueAt ? (
                  <>
                    ，預計完成審核日期 <DateCell iso={open.dueAt} />
                  </>
                ) : null}
              </p>
              <VerifyLinks request={open} />
            </div>
          ) : null}

          {available.length > 0 && !created ? (
            <div className="verification-actions">
              {available.map((kind) => (
                <button
                  key={kind}
                  type="button"
                  className="button button-secondary"
                  disabled={checking || create.isPending}
                  onClick={() => void ask({ kind }, MANAGER_REQUEST_ACTIONS[kind])}
                >
                  {MANAGER_REQUEST_ACTIONS[kind]}
                </button>
              ))}
            </div>
          ) : null}

          {role === 'INSTITUTION_MANAGER' ? (
            <form className="inline-form" onSubmit={submitColleague} aria-labelledby={`${ids.colleague}-title`}>
              <h3 id={`${ids.colleague}-title`}>{COLLEAGUE_DEACTIVATION}</h3>
              <div className="field">
                <label htmlFor={ids.colleague}>同仁的帳號</label>
                <input id={ids.colleague} name="targetAccountName" maxLength={30} autoComplete="off" />
              </div>
              <button type="submit" className="button button-secondary" disabled={checking || create.isPending}>
                {COLLEAGUE_DEACTIVATION}
              </button>
            </form>
          ) : null}

          {previewError ? <ErrorAlert error={previewError} /> : null}
          {create.error ? <ErrorAlert error={create.error} /> : null}

          <h3>我的申請紀錄</h3>
          <MyRequestsTable items={data.items} />
        </>
      ) : null}

      {pending ? (
        <ConfirmDialog
          title={`確認${pending.label}`}
          confirmLabel="確認送出"
          busy={create.isPending}
          onConfirm={confirm}
          onCancel={() => setPending(null)}
        >
          <p>
            您即將提出「{MANAGER_REQUEST_KIND_LABELS[pending.body.kind]}」申請。送出後，請以醫事機構卡驗證或紙本審核完成申請。
          </p>
          {pending.preview.leavesInstitutionWithoutManager && pending.preview.warning ? (
            <p className="dialog-warning">
              <strong>注意：</strong>
              {pending.preview.warning}
            </p>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
