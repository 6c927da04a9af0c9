import { Page } from '../../../components/ui/page';
import { forgetPendingApplicant } from '../../../lib/pending-applicant';

import { CardVerificationPanel } from './card-verification-panel';
import { PendingCredentialsGate } from './pending-credentials-gate';
import '../card-verification.css';
import { managerRequestPaths } from '../../../lib/manager-request-paths';

/** /apply/card-verification: 醫事機構卡驗證 of a pending 單位業務管理者 application (kind A). */
export function PendingCardVerificationPage() {
  return (
    <Page title="醫事機構卡驗證">
      <PendingCredentialsGate>
        {(credentials) => (
          <CardVerificationPanel
            target={{ kind: 'pending', credentials }}
            paperHref={managerRequestPaths.applyPaperReview}
            onVerified={forgetPendingApplicant}
          />
        )}
      </PendingCredentialsGate>
    </Page>
  );
}
