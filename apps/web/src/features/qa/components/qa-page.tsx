import { MANAGER_FORM_TITLE, PAPER_FORM_MAILBOX } from '@portal/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Page } from '../../../components/ui/page';
import { paths } from '../../../lib/site';

interface Question {
  id: string;
  question: string;
  answer: ReactNode;
}

const questions: Question[] = [
  {
    id: 'general-user',
    question: '為什麼不能申請「一般使用者」？',
    answer: (
      <>
        <p className="hint">提醒：當機構尚未有人申請「單位管理者」時，不可申請「一般使用者」</p>
        <p>
          請先由機構內負責的同仁申請「單位業務管理者」（請見「<Link to={paths.guide}>新手指南</Link>
          」），之後其他同仁即可申請一般使用者，並由單位業務管理者審核。
        </p>
      </>
    ),
  },
  {
    id: 'screening-only',
    question: '只需要使用「篩檢結果查詢」，要勾選子系統嗎？',
    answer: (
      <p>若您只需使用「篩檢結果查詢」功能，於申請時，請無須勾選子系統，只需將相關個人資料填寫完畢後，直接送出即可。</p>
    ),
  },
  {
    id: 'subsystem-when',
    question: '勾選的子系統何時可以使用？',
    answer: (
      <p>
        申請子系統帳號需待子系統管理者審核通過後，才可以連結至子系統進行使用。審核通過後，登入本系統，於「<Link to={paths.accountHome}>我的服務</Link>
        」點選「進入系統」即可開啟子系統，不必再次登入（可使用的子系統請見「<Link to={paths.otherServices}>其他服務</Link>」）。
      </p>
    ),
  },
  {
    id: 'no-card',
    question: '沒有醫事機構卡（或驗證失敗）怎麼辦？',
    answer: (
      <>
        <p>※若沒有[醫事機構卡]可驗證或驗證失敗，則請選擇[紙本審核]。</p>
        <p>
          請至「<Link to={paths.downloads}>下載專區</Link>
          」，下載「{MANAGER_FORM_TITLE}」依所申請之功能填寫完成並蓋關防後，掃描回傳至指定信箱（
          <a href={`mailto:${PAPER_FORM_MAILBOX}`}>{PAPER_FORM_MAILBOX}</a>），系統人員將在三個工作天內協助開通完成。
        </p>
      </>
    ),
  },
  {
    id: 'how-long',
    question: '申請後多久會開通？',
    answer: (
      <ul>
        <li>以醫事機構卡驗證：系統驗證完成後即可完成帳號開通。</li>
        <li>以紙本審核：系統人員將在三個工作天內協助開通完成。</li>
        <li>一般使用者：由所屬機構的單位業務管理者審核。</li>
        <li>子系統：由各子系統管理者審核，通過後才可以連結至子系統進行使用。</li>
      </ul>
    ),
  },
  {
    id: 'password-rule',
    question: '密碼有什麼規定？',
    answer: (
      <p>請將密碼通過強度"中"以上，長度不得小於八碼，須包含大小寫英文、數字以及特殊符號(僅限下列特殊字元*~!=#)</p>
    ),
  },
  {
    id: 'forgot-password',
    question: '忘記密碼怎麼辦？',
    answer: (
      <p>
        請點選首頁「帳號服務」中的「<Link to={paths.forgotPassword}>忘記密碼</Link>
        」，輸入 E-mail 信箱或身分證字號，系統將寄送一次性的重設密碼連結至您申請時填寫的 E-mail 信箱，連結於 30 分鐘內有效。如仍無法登入，請洽「
        <Link to={paths.contacts}>諮詢窗口</Link>」協助。
      </p>
    ),
  },
  {
    id: 'manager-leaves',
    question: '單位業務管理者離職或職務異動，該怎麼辦？',
    answer: (
      <p>
        原管理者請申請「管理者帳號停用」（申請表勾選 B.停用管理者帳號），接任同仁再申請管理者帳號，或由已有一般使用者帳號的同仁申請管理者權限（申請表勾選
        C.異動管理者帳號權限 a.升為管理者）。詳見「<Link to={paths.guide}>新手指南</Link>」。
      </p>
    ),
  },
];

export function QaPage() {
  return (
    <Page title="Q&A" lead="使用本系統的常見問題。">
      <div className="qa-list">
        {questions.map((item) => (
          <section key={item.id} aria-labelledby={`qa-${item.id}`} className="qa-item">
            <h2 id={`qa-${item.id}`}>
              <span className="qa-mark" aria-hidden="true">
                Q
              </span>
              {item.question}
            </h2>
            <div className="qa-answer">{item.answer}</div>
          </section>
        ))}
      </div>
    </Page>
  );
}
