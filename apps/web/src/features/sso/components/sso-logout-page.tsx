import { useEffect, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Page, PAGE_HEADING_ID } from '../../../components/ui/page';
import { ErrorAlert } from '../../../components/ui/query-feedback';
import { paths } from '../../../lib/site';
import { leaveFor } from '../api/interaction';
import { useConfirmSsoLogout } from '../api/logout';
import './sso.css';

/** /sso/logout?xsrf=…&client=…: a subsystem asked to log out (RP-initiated logout); the user confirms. */
export function SsoLogoutPage() {
  const [params] = useSearchParams();
  const xsrf = params.get('xsrf');
  const client = params.get('client');
  const confirm = useConfirmSsoLogout();

  useEffect(() => document.getElementById(PAGE_HEADING_ID)?.focus(), []);

  if (!xsrf) {
    return (
      <Page title="登出單一入口">
        <div className="alert alert-error">
          <p>登出請求不完整，請回到子系統重新操作。</p>
        </div>
        <p>
          <Link to={paths.announcements}>回首頁</Link>
        </p>
      </Page>
    );
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    confirm.mutate(xsrf, { onSuccess: ({ redirectTo }) => leaveFor(redirectTo) });
  };
  return (
    <Page title="登出單一入口">
      {client ? <p>「{client}」要求登出。</p> : null}
      <p id="sso-logout-question">確定要登出單一入口及所有子系統嗎？使用共用電腦時，建議登出後關閉瀏覽器。</p>
      {confirm.error ? <ErrorAlert error={confirm.error} /> : null}
      <form aria-label="登出單一入口" aria-describedby="sso-logout-question" className="sso-actions" onSubmit={submit}>
        <button type="submit" className="button button-primary" disabled={confirm.isPending || confirm.isSuccess}>
          確定登出
        </button>
        <Link to={paths.announcements} className="button button-secondary">
          取消
        </Link>
      </form>
    </Page>
  );
}

/** /sso/logged-out: where the provider ends a logout that names no page of the subsystem. */
export function SsoLoggedOutPage() {
  useEffect(() => document.getElementById(PAGE_HEADING_ID)?.focus(), []);
  return (
    <Page title="您已登出">
      <p role="status">您已登出單一入口及子系統。使用共用電腦時，請關閉瀏覽器。</p>
      <p>
        <Link to={paths.announcements}>回首頁</Link>
      </p>
    </Page>
  );
}
