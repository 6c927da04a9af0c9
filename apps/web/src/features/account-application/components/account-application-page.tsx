import type { ApplicationResult } from '@portal/shared';
import { useState } from 'react';
import { Page } from '../../../components/ui/page';
import '../account-application.css';
import { AccountApplicationForm } from './account-application-form';
import { ApplicationResultView } from './application-result';

/** 帳號申請: the form, then (same route) the result with the next step. */
export function AccountApplicationPage() {
  const [result, setResult] = useState<ApplicationResult | null>(null);
  return (
    <Page title="帳號申請">
      {result ? <ApplicationResultView result={result} /> : <AccountApplicationForm onSubmitted={setResult} />}
    </Page>
  );
}
