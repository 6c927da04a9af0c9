import { Link } from 'react-router';
import { Page } from '../../../components/ui/page';

import { PaperReviewPanel } from './paper-review-panel';
import { PendingCredentialsGate } from './pending-credentials-gate';
import '../card-verification.css';
import { managerRequestPaths } from '../../../lib/manager-request-paths';

/** /apply/paper-review: 紙本審核 of a pending 單位業務管理者 application (kind A). */
export function PendingPaperReviewPage() {
  return (
    <Page title="紙本審核">
      <PendingCredentialsGate>
        {(credentials) => (
          <>
            <PaperReviewPanel target={{ kind: 'pending', credentials }} />
            <p>
              有醫事機構卡？請改用「<Link to={managerRequestPaths.applyCardVerification}>醫事機構卡驗證</Link>」，驗證通過後帳號即開通。
            </p>
          </>
        )}
      </PendingCredentialsGate>
    </Page>
  );
}
