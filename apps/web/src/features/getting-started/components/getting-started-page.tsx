import { Link } from 'react-router';
import { PendingVerificationLinks } from '../../../components/pending-verification-links';
import { Page } from '../../../components/ui/page';
import { paths } from '../../../lib/site';

export function GettingStartedPage() {
  return (
    <Page title="新手上路" lead="第一次使用本系統的醫療院所、診所、藥局或衛生所同仁，請依下列步驟開始。">
      <ol className="steps steps-large">
        <li>
          <h2>帳號申請</h2>
          <p>
            點選「<Link to={paths.apply}>帳號申請</Link>
            」，輸入單位代碼或選擇所屬單位，選擇使用者角色別（單位業務管理者或一般使用者），填寫個人資料並設定密碼，需要時勾選申請的子系統後送出申請。
          </p>
          <p className="hint">提醒：當機構尚未有人申請「單位管理者」時，不可申請「一般使用者」</p>
        </li>
        <li>
          <h2>審核</h2>
          <ul>
            <li>單位業務管理者：以醫事機構卡驗證者，驗證完成後帳號即開通；以紙本審核者，系統人員將在三個工作天內協助開通完成。</li>
            <li>一般使用者：由所屬機構的單位業務管理者審核。</li>
          </ul>
          <PendingVerificationLinks lead="已送出申請、尚未完成驗證的單位業務管理者，可隨時以申請的帳號及密碼回到：" />
          <p>
            審核進度可於「<Link to={paths.applicationStatus}>申請進度查詢</Link>」查詢。
          </p>
        </li>
        <li>
          <h2>登入</h2>
          <p>
            帳號開通後，於首頁右側「服務登入」輸入帳號及密碼登入。忘記密碼時，請點選「
            <Link to={paths.forgotPassword}>忘記密碼</Link>」。
          </p>
        </li>
        <li>
          <h2>申請子系統</h2>
          <p>申請子系統帳號需待子系統管理者審核通過後，才可以連結至子系統進行使用。</p>
          <p className="hint">
            若您只需使用「篩檢結果查詢」功能，於申請時，請無須勾選子系統，只需將相關個人資料填寫完畢後，直接送出即可。
          </p>
        </li>
        <li>
          <h2>單一入口</h2>
          <p>
            子系統審核通過後，登入本系統，於「<Link to={paths.accountHome}>我的服務</Link>
            」點選該子系統的「進入系統」即可開啟，不必再次登入。可使用的子系統請見「
            <Link to={paths.otherServices}>其他服務</Link>」。
          </p>
        </li>
      </ol>
      <p>
        管理者帳號的申請、停用與權限異動，請參閱「<Link to={paths.guide}>新手指南</Link>」；其他問題請見「
        <Link to={paths.qa}>Q&amp;A</Link>」或洽「<Link to={paths.contacts}>諮詢窗口</Link>」。
      </p>
    </Page>
  );
}
