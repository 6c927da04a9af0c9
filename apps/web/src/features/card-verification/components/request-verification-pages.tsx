import { MANAGER_REQUEST_MESSAGES, type ManagerRequest } from '@portal/shared';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { DetailsList } from '../../../components/ui/details-list';
import { Page } from '../../../components/ui/page';
import { ErrorAlert } from '../../../components/ui/query-feedback';
import { accountQueryKey, sessionQueryKey } from '../../../lib/session';
import { paths, webMessages } from '../../../lib/site';
import { useGetManagerRequest } from '../api/get-manager-request';
import { CardVerificationPanel } from './card-verification-panel';
import { PaperReviewPanel } from './paper-review-panel';
import '../card-verification.css';
import { managerRequestPaths, pathWithId } from '../../../lib/manager-request-paths';

function RequestSummary({ request }: { request: ManagerRequest }) {
  return (
    <DetailsList
      items={[
        ['申請編號', request.requestNo],
        ['申請項目', request.kindLabel],
        ['帳號', `${request.account.accountName}（${request.account.name}）`],
        ['狀態', request.statusLabel],
      ]}
    />
  );
}

function RequestVerification({ title, children }: { title: string; children: (request: ManagerRequest) => ReactNode }) {
  const { id = '' } = useParams();
  const request = useGetManagerRequest(id);
  const open = request.data && (request.data.status === 'AWAITING_VERIFICATION' || request.data.status === 'PENDING_REVIEW');
  return (
    <Page title={title}>
      {request.isPending ? <p role="status">{webMessages.loading}</p> : null}
      {request.error ? <ErrorAlert error={request.error} onRetry={() => void request.refetch()} /> : null}
      {request.data ? (
        <>
          <RequestSummary request={request.data} />
          {open ? children(request.data) : <p>{MANAGER_REQUEST_MESSAGES.notAwaitingVerification}</p>}
          <p>
            <Link to={paths.accountProfile}>回我的帳號</Link>
          </p>
        </>
      ) : null}
    </Page>
  );
}

/** /account/manager-requests/:id/card-verification (B / C-a / C-b: applied at once on success). */
export function RequestCardVerificationPage() {
  const queryClient = useQueryClient();
  return (
    <RequestVerification title="醫事機構卡驗證">
      {(request) =>
        request.status === 'AWAITING_VERIFICATION' ? (
          <CardVerificationPanel
            target={{ kind: 'request', requestId: request.id }}
            paperHref={pathWithId(managerRequestPaths.requestPaperReview, request.id)}
            onVerified={() => {
              // A role change or deactivation of myself ends my sessions: the session query finds out.
              void queryClient.invalidateQueries({ queryKey: accountQueryKey, refetchType: 'none' });
              void queryClient.invalidateQueries({ queryKey: sessionQueryKey, refetchType: 'none' });
            }}
          />
        ) : (
          <p>{MANAGER_REQUEST_MESSAGES.notAwaitingVerification}</p>
        )
      }
    </RequestVerification>
  );
}

/** /account/manager-requests/:id/paper-review. */
export function RequestPaperReviewPage() {
  return (
    <RequestVerification title="紙本審核">{(request) => <PaperReviewPanel target={{ kind: 'request', requestId: request.id }} />}</RequestVerification>
  );
}
