import { NextStagePage } from './next-stage-page';

export function ApplicationStatusPage() {
  return (
    <NextStagePage title="申請進度查詢">
      <p>開放後，您不必登入，只要輸入申請的帳號及身分證字號，即可查詢帳號申請的每一個步驟、目前狀態及日期，例如：</p>
      <ul>
        <li>帳號申請已送出；</li>
        <li>醫事機構卡驗證或紙本審核（系統人員將在三個工作天內協助開通完成）；</li>
        <li>單位業務管理者審核（一般使用者）；</li>
        <li>各子系統管理者審核。</li>
      </ul>
    </NextStagePage>
  );
}
