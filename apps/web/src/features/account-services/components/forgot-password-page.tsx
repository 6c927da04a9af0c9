import { NextStagePage } from './next-stage-page';

export function ForgotPasswordPage() {
  return (
    <NextStagePage title="忘記密碼">
      <p>
        開放後，請輸入您的帳號及申請時填寫的 E-mail 信箱，系統將寄送一次性的重設密碼連結；請於連結有效期間內設定新密碼。
      </p>
      <p>新密碼須符合本系統的密碼規則：長度不得小於八碼，須包含大小寫英文、數字以及特殊符號(僅限下列特殊字元*~!=#)，且強度須為「中」以上。</p>
    </NextStagePage>
  );
}
