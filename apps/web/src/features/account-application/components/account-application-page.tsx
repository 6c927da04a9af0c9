import type { ApplicationResult } from '@portal/shared';
import { useState } from 'react';
import { Page } from '../../../components/ui/page';
import { rememberPendingApplicant } from '../../../lib/pending-applicant';
import '../account-application.css';
import { AccountApplicationForm } from './account-application-form';
import { ApplicationResultView } from './application-result';

/** 帳號申請: the form, then (same route) the result with the next step. */
export function AccountApplicationPage() {
  const [result, setResult] = useState<ApplicationResult | null>(null);
  return (
    <Page title="帳號申請">
      {result ? <ApplicationResultView result={result} /> : <AccountApplicationForm
          onSubmitted={(submitted, credentials) => {
            // The 醫事機構卡驗證 / 紙本審核 screens that follow prove the applicant with these.
            if (submitted.nextStep === 'INSTITUTION_VERIFICATION') rememberPendingApplicant(credentials);
            setResult(submitted);
          }}
        />}
    </Page>
  );
}
