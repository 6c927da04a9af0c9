import { Link } from 'react-router';
import { NextStageNotice } from '../../components/ui/next-stage-notice';
import { paths, webMessages } from '../../lib/site';

/**
 * The login API arrives in a later issue, so the box is shown for orientation only: every
 * control is disabled and the note says why.
 */
function LoginBox() {
  return (
    <section aria-labelledby="login-heading" className="side-box">
      <h2 id="login-heading" className="side-box-title">
        服務登入
      </h2>
      <form className="login-form" onSubmit={(event) => event.preventDefault()} aria-describedby="login-note">
        <fieldset disabled>
          <legend className="visually-hidden">服務登入</legend>
          <div className="field">
            <label htmlFor="login-account">帳號</label>
            <input id="login-account" name="account" type="text" autoComplete="username" />
          </div>
          <div className="field">
            <label htmlFor="login-password">密碼</label>
            <input id="login-password" name="password" type="password" autoComplete="current-password" />
          </div>
          <button type="submit" className="button button-primary button-block">
            登入
          </button>
        </fieldset>
      </form>
      <NextStageNotice id="login-note">{webMessages.loginNextStage}</NextStageNotice>
    </section>
  );
}

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
