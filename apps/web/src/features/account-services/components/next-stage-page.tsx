import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { NextStageNotice } from '../../../components/ui/next-stage-notice';
import { Page } from '../../../components/ui/page';
import { paths, webMessages } from '../../../lib/site';

/** A page whose feature arrives in a later issue: what it will do, and that it is not open yet. */
export function NextStagePage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Page title={title}>
      <NextStageNotice>{webMessages.nextStage}</NextStageNotice>
      <div className="prose">{children}</div>
      <p>
        如需協助，請洽「<Link to={paths.contacts}>諮詢窗口</Link>」。
      </p>
    </Page>
  );
}
