import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Page, PAGE_HEADING_ID } from '../../../components/ui/page';
import { useSession } from '../../../lib/session';
import { paths } from '../../../lib/site';
import { AccessDeniedExplanation } from './access-denied';
import './sso.css';

/** What each OAuth error the provider cannot send back to the subsystem means to the user. */
const ERROR_TEXT: Record<string, string> = {
  invalid_request: '子系統送出的登入要求不完整或格式有誤。',
  invalid_client: '此子系統尚未在單一入口完成註冊，或已暫停以單一入口登入。',
  invalid_redirect_uri: '子系統的導回網址與單一入口登記的不符，為保護您的帳號，已停止登入。',
  redirect_uri_mismatch: '子系統的導回網址與單一入口登記的不符，為保護您的帳號，已停止登入。',
  unauthorized_client: '此子系統未獲准使用這種登入方式。',
  unsupported_response_type: '此子系統要求的登入方式不受支援。',
  invalid_scope: '子系統要求的資料範圍不受支援。',
  login_required: '您尚未登入單一入口。',
  server_error: '單一入口處理登入時發生錯誤。',
};
const GENERIC_TEXT = '登入子系統時發生錯誤。';

/** /sso/error?error=<code>: the provider's errors that cannot go back to the subsystem, in zh-TW. */
export function SsoErrorPage() {
  const [params] = useSearchParams();
  const session = useSession();
  const code = params.get('error') ?? '';
  const denied = code === 'access_denied';

  // The page is reached by a redirect from the provider: announce it.
  useEffect(() => document.getElementById(PAGE_HEADING_ID)?.focus(), []);

  if (denied) {
    return (
      <Page title="您尚未取得此子系統的使用權限">
        <AccessDeniedExplanation subsystemName={null} role={session.data?.role ?? null} />
        <p className="sso-actions">
          <Link to={paths.accountHome} className="button button-primary">
            前往我的服務申請
          </Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title="無法登入子系統">
      <div className="alert alert-error">
        <p>{Object.hasOwn(ERROR_TEXT, code) ? ERROR_TEXT[code] : GENERIC_TEXT}</p>
      </div>
      <p>請回到子系統重新操作；若問題持續發生，請洽該子系統的管理者或「<Link to={paths.contacts}>諮詢窗口</Link>」，並告知錯誤代碼。</p>
      {code ? (
        <p>
          錯誤代碼：<code>{code}</code>
        </p>
      ) : null}
      <p>
        <Link to={paths.accountHome}>前往我的服務</Link>
      </p>
    </Page>
  );
}
