import { Link } from 'react-router';
import { LoginBox } from '../../features/auth/components/login-box';
import { useSession } from '../../lib/session';
import { paths } from '../../lib/site';

function AccountServices() {
  return (
    <section aria-labelledby="account-services-heading" className="side-box">
      <h2 id="account-services-heading" className="side-box-title">
        帳號服務
      </h2>
      <ul className="side-links">
        <li>
          <Link to={paths.forgotPassword}>忘記密碼</Link>
        </li>
        <li>
          <Link to={paths.apply}>帳號申請</Link>
        </li>
        <li>
          <Link to={paths.applicationStatus}>申請進度查詢</Link>
        </li>
      </ul>
    </section>
  );
}

/**
 * 服務登入 and, for visitors, 帳號服務. Once logged in, the 服務登入 box lists the account's own
 * pages (我的服務, 我的帳號 with 變更密碼, the role's screens) and 帳號服務 is left out: forgetting a
 * password, applying or following an application are for people who cannot log in yet. It is
 * left out while the session is still being read too, so that it does not flash on and off.
 */
export function SideColumn() {
  const session = useSession();
  // As the 服務登入 box decides: no session (nobody, or it could not be read) once the answer is in.
  const visitor = !session.data && !session.isPending;
  return (
    <aside aria-label="服務登入與帳號服務" className="side-column">
      <LoginBox />
      {visitor ? <AccountServices /> : null}
    </aside>
  );
}
