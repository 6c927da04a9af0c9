import { Link } from 'react-router';
import { paths } from '../../../lib/site';
import { NextStagePage } from './next-stage-page';

export function ApplyPage() {
  return (
    <NextStagePage title="帳號申請">
      <p>開放後，您可在此線上申請本系統帳號：</p>
      <ol>
        <li>請選擇單位：輸入單位代碼或選擇。</li>
        <li>請選擇使用者角色別：單位業務管理者或一般使用者。</li>
        <li>請輸入個人資料並設定密碼（強度須為「中」以上）。</li>
        <li>請選擇申請的子系統（只需使用「篩檢結果查詢」者無須勾選）。</li>
        <li>送出申請；單位業務管理者可以醫事機構卡驗證立即開通，或選擇紙本審核。</li>
      </ol>
      <p className="hint">提醒：當機構尚未有人申請「單位管理者」時，不可申請「一般使用者」</p>
      <p>
        完整流程請參閱「<Link to={paths.guide}>新手指南</Link>」。
      </p>
    </NextStagePage>
  );
}
