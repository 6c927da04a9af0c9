import { MANAGER_REQUEST_MESSAGES, type ScanInfo, type StaffManagerRequestDetail } from '@portal/shared';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Page } from '../../../components/ui/page';
import { ErrorAlert } from '../../../components/ui/query-feedback';
import { formatTaipeiDate } from '../../../lib/format';
import { webMessages } from '../../../lib/site';
import { useDecideManagerRequest, useGetStaffManagerRequest } from '../api/staff-manager-requests';
import { OVERDUE_LABEL } from './manager-request-queue-page';
import '../manager-requests.css';
import { managerRequestPaths } from '../../../lib/manager-request-paths';

const REJECT_REASON_REQUIRED = MANAGER_REQUEST_MESSAGES.rejectReasonRequired;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ScanView({ scan, requestNo }: { scan: ScanInfo | null; requestNo: string }) {
  if (!scan) return <p>{MANAGER_REQUEST_MESSAGES.scanNotFound}</p>;
  const title = `申請 ${requestNo} 的申請表掃描檔（${scan.filename}）`;
  return (
    <>
      {scan.contentType === 'application/pdf' ? (
        // Out of the Tab order: the PDF viewer's own toolbar would put a dozen stops between the
        // data and 核准. Keyboard users open the scan in its own window with the link below.
        <iframe className="scan-frame" src={scan.url} title={title} tabIndex={-1} />
      ) : (
        <img className="scan-image" src={scan.url} alt={title} />
      )}
      <p>
        <a href={scan.url} target="_blank" rel="noreferrer">
          另開視窗檢視掃描檔
        </a>
      </p>
    </>
  );
}

function RequestData({ detail }: { detail: StaffManagerRequestDetail }) {
  const date = (iso: string | null) => (iso ? formatTaipeiDate(iso) : '—');
  return (
    <dl className="result-details review-data">
      <Row label="申請編號">{detail.requestNo}</Row>
      <Row label="類別">{detail.kindLabel}</Row>
      <Row label="狀態">{detail.statusLabel}</Row>
      <Row label="機構">
        {detail.institution.name}（{detail.institution.code}）
      </Row>
      <Row label="帳號">{detail.applicant.accountName}</Row>
      <Row label="姓名">{detail.applicant.name}</Row>
      <Row label="身分證">{detail.applicant.nationalIdMasked}</Row>
      <Row label="市話">{detail.applicant.phone}</Row>
      <Row label="手機">{detail.applicant.mobile ?? '—'}</Row>
      <Row label="E-mail">{detail.applicant.email}</Row>
      <Row label="申請人">
        {detail.requestedBy.name}（{detail.requestedBy.accountName}）
      </Row>
      <Row label="送出日期">{date(detail.submittedAt)}</Row>
      <Row label="到期日">
        {date(detail.dueAt)}
        {detail.overdue ? <strong className="overdue-badge">{OVERDUE_LABEL}</strong> : null}
      </Row>
      <Row label="機構目前的管理者人數">{detail.activeManagerCount}</Row>
      {detail.decidedAt ? <Row label="結案日期">{date(detail.decidedAt)}</Row> : null}
      {detail.decidedBy ? (
        <Row label="審核人員">
          {detail.decidedBy.name}（{detail.decidedBy.accountName}）
        </Row>
      ) : null}
      {detail.reason ? <Row label="原因">{detail.reason}</Row> : null}
    </dl>
  );
}

function Decision({ detail }: { detail: StaffManagerRequestDetail }) {
  const decide = useDecideManagerRequest(detail.id);
  const [dialog, setDialog] = useState<'APPROVE' | 'REJECT' | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const ids = { reason: useId(), reasonError: useId() };

  const open = (decision: 'APPROVE' | 'REJECT') => {
    decide.reset();
    setReasonError(null);
    setDialog(decision);
  };
  const confirm = () => {
    if (!dialog) return;
    if (dialog === 'REJECT' && reason.trim() === '') {
      setReasonError(REJECT_REASON_REQUIRED);
      document.getElementById(ids.reason)?.focus();
      return;
    }
    decide.mutate(dialog === 'REJECT' ? { decision: 'REJECT', reason: reason.trim() } : { decision: 'APPROVE', ...(reason.trim() && { reason: reason.trim() }) }, {
      onSuccess: () => {
        setDone(dialog === 'APPROVE' ? MANAGER_REQUEST_MESSAGES.approved : MANAGER_REQUEST_MESSAGES.rejected);
        setDialog(null);
      },
      onError: () => setDialog(null),
    });
  };

  return (
    <section aria-labelledby="decision-heading" className="review-decision">
      <h2 id="decision-heading">審核</h2>
      <p ref={doneRef} tabIndex={-1} role="status">
        {done ?? ''}
      </p>
      {decide.error ? <ErrorAlert error={decide.error} /> : null}
      {detail.status === 'PENDING_REVIEW' && !done ? (
        <div className="verification-actions">
          <button type="button" className="button button-primary" onClick={() => open('APPROVE')}>
            核准
          </button>
          <button type="button" className="button button-secondary" onClick={() => open('REJECT')}>
            駁回
          </button>
        </div>
      ) : null}
      {dialog ? (
        <ConfirmDialog
          title={dialog === 'APPROVE' ? '確認核准' : '確認駁回'}
          confirmLabel={dialog === 'APPROVE' ? '確認核准' : '確認駁回'}
          busy={decide.isPending}
          asForm
          onConfirm={confirm}
          onCancel={() => setDialog(null)}
        >
          <p>
            {dialog === 'APPROVE' ? '核准' : '駁回'}「{detail.kindLabel}」申請（{detail.requestNo}，{detail.applicant.accountName}）？系統將寄送通知信給申請人。
          </p>
          {dialog === 'APPROVE' && detail.leavesInstitutionWithoutManager ? <p className="dialog-warning">{MANAGER_REQUEST_MESSAGES.noManagerLeftWarning}</p> : null}
          <div className="field">
            <label htmlFor={ids.reason}>{dialog === 'REJECT' ? '駁回原因（必填）' : '備註（選填）'}</label>
            <textarea
              id={ids.reason}
              value={reason}
              maxLength={500}
              rows={3}
              onChange={(event) => setReason(event.target.value)}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? ids.reasonError : undefined}
              required={dialog === 'REJECT'}
            />
            {reasonError ? (
              <p id={ids.reasonError} className="field-error" role="alert">
                {reasonError}
              </p>
            ) : null}
          </div>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

function Review() {
  const { id = '' } = useParams();
  const detail = useGetStaffManagerRequest(id);
  return (
    <>
      {detail.isPending ? <p role="status">{webMessages.loading}</p> : null}
      {detail.error ? <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {detail.data ? (
        <>
          <div className="review-layout">
            <section aria-labelledby="review-data-heading">
              <h2 id="review-data-heading">申請資料</h2>
              <RequestData detail={detail.data} />
              <p>
                <a href={detail.data.formUrl} target="_blank" rel="noreferrer">
                  系統產生的申請表（PDF）
                </a>
              </p>
            </section>
            <section aria-labelledby="review-scan-heading">
              <h2 id="review-scan-heading">蓋有關防的申請表掃描檔</h2>
              <ScanView scan={detail.data.scan} requestNo={detail.data.requestNo} />
            </section>
          </div>
          <Decision detail={detail.data} />
        </>
      ) : null}
      <p>
        <Link to={managerRequestPaths.staffQueue}>回審核清單</Link>
      </p>
    </>
  );
}

/** /manage/manager-requests/:id: the data beside the scan, and 核准 / 駁回. */
export function ManagerRequestReviewPage() {
  return (
    <Page title="管理者帳號申請審核明細">
      <Review />
    </Page>
  );
}
