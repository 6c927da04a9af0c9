import { Link } from 'react-router';
import { managerRequestPaths } from '../lib/manager-request-paths';

/**
 * The way back for a 單位業務管理者 whose account waits for 醫事機構卡驗證 or 紙本審核: both
 * pages take the applied 帳號 and 密碼, no login. Shown wherever such a person may land
 * (the login refusal, 申請進度查詢, 新手指南).
 */
export function PendingVerificationLinks({ lead = '尚未完成驗證的單位業務管理者，請以申請的帳號及密碼：' }: { lead?: string }) {
  return (
    <div className="pending-verification-links">
      <p>{lead}</p>
      <ul>
        <li>
          <Link to={managerRequestPaths.applyCardVerification}>以醫事機構卡驗證</Link>
        </li>
        <li>
          <Link to={managerRequestPaths.applyPaperReview}>以紙本審核（下載申請表、上傳掃描檔）</Link>
        </li>
      </ul>
    </div>
  );
}
