import { Link } from 'react-router';
import { LoginBox } from '../../features/auth/components/login-box';
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

export function SideColumn() {
  return (
    <aside aria-label="服務登入與帳號服務" className="side-column">
      <LoginBox />
      <AccountServices />
    </aside>
  );
}
