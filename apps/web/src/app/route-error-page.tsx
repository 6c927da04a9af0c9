import { messages } from '@portal/shared';
import { Link } from 'react-router';
import { Page } from '../components/ui/page';
import { paths } from '../lib/site';

/** Shown inside the layout when a page throws while rendering. */
export function RouteErrorPage() {
  return (
    <Page title="系統發生錯誤">
      <p role="alert">{messages.internal}</p>
      <p>
        <Link to={paths.announcements}>回首頁（公告事項）</Link>
      </p>
    </Page>
  );
}
