import type { AccountRole } from '@portal/shared';
import { Link } from 'react-router';
import { paths } from '../../../lib/site';
import './sso.css';

/** Roles that hold no institution account: they cannot ask for a subsystem themselves. */
const CANNOT_REQUEST: ReadonlySet<AccountRole> = new Set(['SUBSYSTEM_MANAGER', 'SYSTEM_STAFF']);

/**
 * Why the subsystem was refused and how to get access: 我的服務 → 申請其他子系統, decided by
 * the subsystem's manager. Shown under the page heading 「您尚未取得此子系統的使用權限」.
 */
export function AccessDeniedExplanation({ subsystemName, role }: { subsystemName: string | null; role: AccountRole | null }) {
  const which = subsystemName ? `「${subsystemName}」` : '此子系統';
  return (
    <>
      <div className="alert alert-error">
        <p>您的帳號尚未獲核准使用{which}，或使用權限已被停用，因此無法進入。</p>
      </div>
      <h2>如何取得使用權限</h2>
      {role && CANNOT_REQUEST.has(role) ? (
        <p>
          子系統的使用權限由醫事機構帳號（單位業務管理者、一般使用者）申請；您的帳號無法自行申請，如需使用請洽「
          <Link to={paths.contacts}>諮詢窗口</Link>」。
        </p>
      ) : (
        <ol className="steps-list">
          <li>
            登入單一入口後，至「<Link to={paths.accountHome}>我的服務</Link>」的「申請其他子系統」選擇{which}並送出申請。
          </li>
          <li>由該子系統的管理者審核；審核結果可於「我的服務」的「我的子系統」查看。</li>
          <li>審核通過後，回到子系統重新登入，或於「我的服務」點選「進入系統」，即可進入。</li>
        </ol>
      )}
    </>
  );
}
