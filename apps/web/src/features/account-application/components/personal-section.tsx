import { useState } from 'react';
import { NewPasswordField } from '../../../components/ui/new-password-field';
import { TextField } from '../../../components/ui/text-field';
import { FIELD_IDS, type ApplicationFormState } from './use-application-form';

/** 請輸入個人資料: 帳號, the new password twice (with the meter and 顯示密碼), and the contact fields. */
export function PersonalSection({ state }: { state: ApplicationFormState }) {
  const { register } = state.form;
  const { fieldError } = state;
  const [showPasswords, setShowPasswords] = useState(false);
  const passwordType = showPasswords ? 'text' : 'password';

  return (
    <section className="form-section" aria-labelledby="apply-section-personal">
      <h3 id="apply-section-personal">請輸入個人資料</h3>
      <TextField
        id={FIELD_IDS.accountName}
        label="請輸入您的帳號："
        required
        autoComplete="username"
        error={fieldError('accountName')}
        registration={register('accountName')}
      />
      <NewPasswordField
        id={FIELD_IDS.password}
        label="請輸入您的密碼："
        type={passwordType}
        password={state.password}
        strength={state.strength}
        error={fieldError('password')}
        registration={register('password')}
      />
      <TextField
        id={FIELD_IDS.passwordConfirm}
        label="請您再輸入一次密碼："
        required
        type={passwordType}
        autoComplete="new-password"
        error={fieldError('passwordConfirm')}
        registration={register('passwordConfirm')}
      >
        <label className="choice show-password">
          <input type="checkbox" checked={showPasswords} onChange={(event) => setShowPasswords(event.target.checked)} />
          顯示密碼
        </label>
      </TextField>
      <TextField
        id={FIELD_IDS.nationalId}
        label="請輸入您的身分證："
        required
        autoComplete="off"
        error={fieldError('nationalId')}
        registration={register('nationalId')}
      />
      <TextField id={FIELD_IDS.name} label="請輸入您的姓名：" required autoComplete="name" error={fieldError('name')} registration={register('name')} />
      <TextField
        id={FIELD_IDS.phone}
        label="請輸入您的市話號碼："
        required
        type="tel"
        autoComplete="tel"
        hint="例：02-12345678#123456"
        error={fieldError('phone')}
        registration={register('phone')}
      />
      <TextField
        id={FIELD_IDS.mobile}
        label="請輸入您的手機號碼："
        type="tel"
        autoComplete="tel"
        hint="例：0912-345678"
        error={fieldError('mobile')}
        registration={register('mobile')}
      />
      <TextField
        id={FIELD_IDS.email}
        label="請輸入您的E-mail信箱："
        required
        type="email"
        autoComplete="email"
        error={fieldError('email')}
        registration={register('email')}
      />
    </section>
  );
}
