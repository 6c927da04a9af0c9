import { Link } from 'react-router';
import { Page } from '../components/ui/page';
import { paths } from '../lib/site';

export function NotFoundPage() {
  return (
    <Page title="查無此頁面">
      <p>您要找的頁面不存在，可能已移除或網址有誤。</p>
      <p>
        <Link to={paths.announcements}>回首頁（公告事項）</Link>
      </p>
    </Page>
  );
}
