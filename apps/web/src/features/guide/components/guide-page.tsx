import { MANAGER_FORM_TITLE, PAPER_FORM_MAILBOX } from '@portal/shared';
import { Link } from 'react-router';
import { PendingVerificationLinks } from '../../../components/pending-verification-links';
import { Page } from '../../../components/ui/page';
import { paths } from '../../../lib/site';

const flows = [
  { id: 'new-manager', title: '申請管理者帳號（新同仁）' },
  { id: 'deactivate-manager', title: '已有管理者帳號，申請管理者帳號停用' },
  { id: 'upgrade-to-manager', title: '已有一般使用者帳號，申請管理者權限' },
  { id: 'downgrade-to-user', title: '已有管理者帳號，申請調降為一般使用者' },
] as const;

/** The guide's paper-review paragraph, with 下載專區 and the mailbox as links. */
function PaperReviewStep() {
  return (
    <p>
      請至「<Link to={paths.downloads}>下載專區</Link>」，下載「{MANAGER_FORM_TITLE}」依所申請之功能填寫完成並蓋關防後，掃描回傳至指定信箱
      （<a href={`mailto:${PAPER_FORM_MAILBOX}`}>{PAPER_FORM_MAILBOX}</a>），系統人員將在三個工作天內協助開通完成。
    </p>
  );
}

function FormFields() {
  return (
    <p className="hint">
      申請表須填寫：申請日期（西元年月日）、機構名稱、機構代碼、申請帳號（原單一帳號）、申請人姓名、身分證字號、機構、部門、聯絡電話（分機）及
      E-mail 信箱。
    </p>
  );
}

/** Flows B, C-a and C-b differ only in the box ticked on the same form. */
function FormChangeFlow({ id, title, tick }: { id: string; title: string; tick: string }) {
  return (
    <section aria-labelledby={id} className="guide-section">
      <h2 id={id}>{title}</h2>
      <ol className="steps">
        <li>
          <PaperReviewStep />
        </li>
        <li>
          <p>
            於申請表勾選「<strong>{tick}</strong>」。
          </p>
          <FormFields />
        </li>
        <li>
          <p>系統人員審核完成後，將通知申請者結果。</p>
        </li>
      </ol>
      <p className="hint">
        已有帳號者也可登入後於「<Link to={paths.accountProfile}>我的帳號</Link>」的「管理者權限申請」線上提出，再以醫事機構卡驗證或紙本審核完成。
      </p>
    </section>
  );
}

export function GuidePage() {
  return (
    <Page title="新手指南">
      <p className="page-lead">「單一入口系統」管理者帳號申請、停用說明。</p>
      <section aria-labelledby="outline" className="guide-outline">
        <h2 id="outline">大綱</h2>
        <ul>
          {flows.map((flow) => (
            <li key={flow.id}>
              <a href={`#${flow.id}`}>{flow.title}</a>
            </li>
          ))}
        </ul>
        <p>請依以上申請需求，選擇內容執行操作！</p>
      </section>

      <section aria-labelledby="new-manager" className="guide-section">
        <h2 id="new-manager">申請管理者帳號（新同仁）</h2>
        <ol className="steps">
          <li>
            <p>
              請打開「醫療院所預防保健暨戒菸服務單一入口系統」首頁，點選「<Link to={paths.apply}>帳號申請</Link>
              」進行申請作業。
            </p>
          </li>
          <li>
            <p>
              進入至「帳號申請」將相關資料<strong>必填</strong>欄位輸入完整，密碼設定須符合強度<strong>中</strong>
              以上再送出。
            </p>
            <ul>
              <li>請選擇單位：輸入單位代碼或選擇。</li>
              <li>請選擇使用者角色別：單位業務管理者。</li>
              <li>請輸入個人資料：帳號、密碼、身分證、姓名、市話號碼、手機號碼（選填）、E-mail 信箱。</li>
              <li>
                密碼：請將密碼通過強度"中"以上，長度不得小於八碼，須包含大小寫英文、數字以及特殊符號(僅限下列特殊字元*~!=#)
              </li>
              <li>請選擇申請的子系統。</li>
            </ul>
            <p className="hint">
              若您只需使用「篩檢結果查詢」功能，於申請時，請無須勾選子系統，只需將相關個人資料填寫完畢後，直接送出即可。
            </p>
            <p className="hint">提醒：當機構尚未有人申請「單位管理者」時，不可申請「一般使用者」</p>
          </li>
          <li>
            <p>系統自動進入「醫事機構卡驗證」視窗， 帳號審核方式有2種：</p>
            <h3>(1) 醫事機構卡驗證</h3>
            <p>請申請者於讀卡機放置「醫事機構卡」並輸入「PIN碼」，系統驗證完成後即可完成帳號開通。</p>
            <p className="hint">
              ※親愛的使用者您好，您於申請帳號時選擇了[單位業務管理者]權限，如果您欲使用[醫事機構卡]驗證，則請插入卡片，輸入機構卡PIN碼，並點選[驗證機構卡]，驗證通過後，帳號即開通。
            </p>
            <p className="hint">※若沒有[醫事機構卡]可驗證或驗證失敗，則請選擇[紙本審核]。</p>
            <h3>(2) 紙本審核</h3>
            <PaperReviewStep />
            <p>於申請表勾選「A.初次管理者帳號申請」（註：首次申請者）。</p>
            <FormFields />
            <PendingVerificationLinks lead="已送出申請、尚未完成驗證者，可隨時以申請的帳號及密碼回到：" />
          </li>
        </ol>
      </section>

      <FormChangeFlow id="deactivate-manager" title="已有管理者帳號，申請管理者帳號停用" tick="B.停用管理者帳號" />
      <FormChangeFlow
        id="upgrade-to-manager"
        title="已有一般使用者帳號，申請管理者權限"
        tick="C.異動管理者帳號權限（圈選 a.升為管理者）"
      />
      <FormChangeFlow
        id="downgrade-to-user"
        title="已有管理者帳號，申請調降為一般使用者"
        tick="C.異動管理者帳號權限（圈選 b.降為一般用者）"
      />

      <p>
        如有疑問，請洽<Link to={paths.contacts}>諮詢窗口</Link>。
      </p>
    </Page>
  );
}
