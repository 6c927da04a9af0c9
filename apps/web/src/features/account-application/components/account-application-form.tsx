import { zodResolver } from '@hookform/resolvers/zod';
import {
  AccountApplicationSchema,
  APPLICANT_ROLE_LABELS,
  APPLICANT_ROLES,
  canApplyForRole,
  collectPasswordUserInputs,
  GENERAL_USER_REQUIRES_MANAGER_MESSAGE,
  messages,
  PASSWORD_POLICY_TEXT,
  SUBSYSTEM_SELECTION_NOTES,
  type AccountApplication,
  type AccountApplicationInput,
  type ApplicationResult,
  type Institution,
} from '@portal/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useController, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { ApiError } from '../../../lib/api-error';
import { webMessages } from '../../../lib/site';
import { useCreateApplication } from '../api/create-application';
import { getInstitution, institutionQueryKey, useGetInstitution } from '../api/get-institution';
import { useListSubsystems } from '../api/list-subsystems';
import { usePasswordStrength } from '../../../lib/password-strength/use-password-strength';
import { INSTITUTION_CODE_PATTERN, InstitutionPicker } from './institution-picker';
import { PasswordStrengthMeter } from '../../../components/ui/password-strength-meter';
import { TextField } from '../../../components/ui/text-field';

type FieldKey = keyof AccountApplicationInput;

/** Form order: the error summary lists problems in the order the fields appear. */
const FIELD_ORDER: readonly FieldKey[] = [
  'institutionCode',
  'role',
  'accountName',
  'password',
  'passwordConfirm',
  'nationalId',
  'name',
  'phone',
  'mobile',
  'email',
  'subsystems',
];

const FIELD_IDS: Record<FieldKey, string> = {
  institutionCode: 'apply-institution',
  role: `apply-role-${APPLICANT_ROLES[0]}`,
  accountName: 'apply-account-name',
  password: 'apply-password',
  passwordConfirm: 'apply-password-confirm',
  nationalId: 'apply-national-id',
  name: 'apply-name',
  phone: 'apply-phone',
  mobile: 'apply-mobile',
  email: 'apply-email',
  subsystems: 'apply-subsystems',
};

/** Short names for the error summary's links. */
const SUMMARY_LABELS: Record<FieldKey, string> = {
  institutionCode: '單位',
  role: '使用者角色別',
  accountName: '帳號',
  password: '密碼',
  passwordConfirm: '再輸入一次密碼',
  nationalId: '身分證',
  name: '姓名',
  phone: '市話號碼',
  mobile: '手機號碼',
  email: 'E-mail信箱',
  subsystems: '子系統',
};

const isFieldKey = (key: string): key is FieldKey => (FIELD_ORDER as readonly string[]).includes(key);

const errorOf = (errors: FieldErrors<AccountApplicationInput>, key: FieldKey): string | undefined =>
  errors[key]?.message ?? errors[key]?.root?.message;

interface ServerFailure {
  message: string;
  /** fieldErrors for names the form has no field for: shown in the summary only. */
  other: string[];
}

function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  // Focus directly: a hash change would go through the router.
  event.preventDefault();
  document.getElementById(id)?.focus();
}

export function AccountApplicationForm({
  onSubmitted,
}: {
  /** `credentials`: for the verification step that follows (kept in memory only). */
  onSubmitted: (result: ApplicationResult, credentials: { accountName: string; password: string }) => void;
}) {
  const queryClient = useQueryClient();
  const createApplication = useCreateApplication();
  const subsystems = useListSubsystems();
  const [showPasswords, setShowPasswords] = useState(false);
  const [serverFailure, setServerFailure] = useState<ServerFailure | null>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    getValues,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm<AccountApplicationInput, unknown, AccountApplication>({
    resolver: zodResolver(AccountApplicationSchema),
    // The error summary takes focus, and links to each field.
    shouldFocusError: false,
    defaultValues: {
      institutionCode: '',
      accountName: '',
      password: '',
      passwordConfirm: '',
      nationalId: '',
      name: '',
      phone: '',
      mobile: '',
      email: '',
      subsystems: [],
    },
  });

  const { field: institutionField } = useController({ control, name: 'institutionCode' });
  const [accountName, name, nationalId, email, password] = useWatch({
    control,
    name: ['accountName', 'name', 'nationalId', 'email', 'password'],
  });

  // The institution: a complete 10-digit code is looked up, whether typed or picked.
  const codeText = (institutionField.value ?? '').trim();
  const code = INSTITUTION_CODE_PATTERN.test(codeText) ? codeText : undefined;
  const lookup = useGetInstitution(code);
  const institution = code !== undefined && lookup.data?.code === code ? lookup.data : null;

  const generalUserDecision = institution ? canApplyForRole('GENERAL_USER', institution) : { allowed: true as const };
  // Moving to an institution without a manager withdraws a 一般使用者 choice (the radio is disabled).
  useEffect(() => {
    if (!generalUserDecision.allowed && getValues('role') === 'GENERAL_USER') resetField('role', { keepError: true });
  }, [generalUserDecision.allowed, getValues, resetField]);

  // Same fields, same function as the API, so the meter and the server agree.
  const userInputs = useMemo(
    () => collectPasswordUserInputs({ accountName, name, nationalId, email }),
    [accountName, name, nationalId, email],
  );
  const strength = usePasswordStrength(password ?? '', userInputs);

  const fail = () => setFailedSubmits((count) => count + 1);

  const pickInstitution = (picked: Institution) => {
    queryClient.setQueryData(institutionQueryKey(picked.code), picked);
    setValue('institutionCode', picked.code, { shouldValidate: true });
  };

  const onValid = async (values: AccountApplication) => {
    setServerFailure(null);
    let ok = true;

    // Fresh (hasManager may have changed since the page loaded): the role rule depends on it.
    let resolved: Institution | null = null;
    try {
      resolved = await queryClient.fetchQuery({
        queryKey: institutionQueryKey(values.institutionCode),
        queryFn: ({ signal }) => getInstitution(values.institutionCode, signal),
        staleTime: 0,
      });
    } catch (error) {
      ok = false;
      setError('institutionCode', {
        type: 'lookup',
        message: error instanceof ApiError ? error.message : messages.internal,
      });
    }
    if (resolved) {
      const decision = canApplyForRole(values.role, resolved);
      if (!decision.allowed) {
        ok = false;
        setError('role', { type: 'rule', message: decision.message });
      }
    }

    const inputs = collectPasswordUserInputs(values);
    const refusal = await strength.refusalNow(values.password, inputs);
    if (refusal) {
      ok = false;
      setError('password', { type: 'strength', message: refusal });
    }
    if (!ok) return fail();

    try {
      onSubmitted(await createApplication.mutateAsync(values), { accountName: values.accountName, password: values.password });
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', messages.internal);
      const other: string[] = [];
      for (const [key, fieldMessages] of Object.entries(failure.fieldErrors ?? {})) {
        if (isFieldKey(key)) setError(key, { type: 'server', message: fieldMessages.join(' ') });
        else other.push(...fieldMessages);
      }
      setServerFailure({ message: failure.message, other });
      fail();
    }
  };

  const summaryItems = FIELD_ORDER.flatMap((key) => {
    const message = errorOf(errors, key);
    return message ? [{ key, message }] : [];
  });
  const showSummary = failedSubmits > 0 && (summaryItems.length > 0 || serverFailure !== null);
  // After the summary is rendered: on the first failed submit the errors arrive a render after the count.
  useEffect(() => {
    if (showSummary) summaryRef.current?.focus();
  }, [failedSubmits, showSummary]);

  const fieldError = (key: FieldKey) => errorOf(errors, key);
  const roleError = fieldError('role');
  const institutionError = fieldError('institutionCode');
  const subsystemsError = fieldError('subsystems');
  const passwordType = showPasswords ? 'text' : 'password';

  return (
    <form className="application-form" aria-labelledby="apply-form-title" noValidate onSubmit={handleSubmit(onValid, fail)}>
      <h2 id="apply-form-title">填寫資料送出</h2>

      {showSummary ? (
        <div ref={summaryRef} tabIndex={-1} role="alert" className="error-summary" aria-labelledby="apply-error-summary-title">
          <p id="apply-error-summary-title" className="error-summary-title">
            {serverFailure?.message ?? messages.badRequest}
          </p>
          {summaryItems.length > 0 || (serverFailure?.other.length ?? 0) > 0 ? (
            <ul>
              {summaryItems.map(({ key, message }) => (
                <li key={key}>
                  <a href={`#${FIELD_IDS[key]}`} onClick={(event) => focusField(event, FIELD_IDS[key])}>
                    {SUMMARY_LABELS[key]}：{message}
                  </a>
                </li>
              ))}
              {serverFailure?.other.map((message) => <li key={message}>{message}</li>)}
            </ul>
          ) : null}
        </div>
      ) : null}

      <section className="form-section" aria-labelledby="apply-section-institution">
        <h3 id="apply-section-institution">請選擇單位</h3>
        <div className="field">
          <label htmlFor={FIELD_IDS.institutionCode}>
            <span className="required-mark">(必填)</span>請選擇單位：
          </label>
          <InstitutionPicker
            id={FIELD_IDS.institutionCode}
            value={institutionField.value ?? ''}
            onChange={institutionField.onChange}
            onBlur={institutionField.onBlur}
            inputRef={institutionField.ref}
            onPick={pickInstitution}
            institution={institution}
            lookupPending={code !== undefined && lookup.isPending}
            lookupMessage={code !== undefined && lookup.isError ? lookup.error.message : null}
            errorId={institutionError ? `${FIELD_IDS.institutionCode}-error` : undefined}
            invalid={Boolean(institutionError)}
          />
          {institutionError ? (
            <p id={`${FIELD_IDS.institutionCode}-error`} className="field-error">
              {institutionError}
            </p>
          ) : null}
        </div>

        <fieldset
          className="field role-field"
          // The API's refusal of the role rule repeats the reminder word for word: read it once.
          aria-describedby={['apply-role-reminder', roleError && roleError !== GENERAL_USER_REQUIRES_MANAGER_MESSAGE ? 'apply-role-error' : '']
            .filter(Boolean)
            .join(' ')}
        >
          <legend>
            <span className="required-mark">(必填)</span>請選擇使用者角色別：
          </legend>
          <div className="role-options">
            {APPLICANT_ROLES.map((role) => {
              const allowed = role === 'GENERAL_USER' ? generalUserDecision.allowed : true;
              return (
                <label key={role} className="choice">
                  <input
                    id={`apply-role-${role}`}
                    type="radio"
                    value={role}
                    disabled={!allowed}
                    aria-describedby={allowed ? undefined : 'apply-role-reminder'}
                    aria-invalid={roleError ? true : undefined}
                    {...register('role')}
                  />
                  {APPLICANT_ROLE_LABELS[role]}
                </label>
              );
            })}
          </div>
          {/* Always there, as under the administration's role picker; stressed once it applies. */}
          <p id="apply-role-reminder" className={generalUserDecision.allowed ? 'field-hint' : 'notice'}>
            {GENERAL_USER_REQUIRES_MANAGER_MESSAGE}
          </p>
          {roleError ? (
            <p id="apply-role-error" className="field-error">
              {roleError}
            </p>
          ) : null}
        </fieldset>
      </section>

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
        <TextField
          id={FIELD_IDS.password}
          label="請輸入您的密碼："
          required
          type={passwordType}
          autoComplete="new-password"
          error={fieldError('password')}
          registration={register('password')}
          onFocus={strength.prepare}
          describedBy={['apply-password-policy', 'apply-password-strength']}
        >
          <PasswordStrengthMeter
            id="apply-password-strength"
            verdict={strength.verdict}
            evaluatedLength={strength.evaluatedLength}
            pending={strength.pending}
          />
          <p id="apply-password-policy" className="field-hint">
            {PASSWORD_POLICY_TEXT}
          </p>
          {password ? (
            strength.unmet.length > 0 ? (
              <div className="password-unmet">
                <p id="apply-password-unmet-title">尚未符合：</p>
                <ul aria-labelledby="apply-password-unmet-title">
                  {strength.unmet.map((rule) => (
                    <li key={rule.code}>{rule.message}</li>
                  ))}
                </ul>
              </div>
            ) : strength.pending ? null : (
              <p className="password-ok">密碼符合規則</p>
            )
          ) : null}
        </TextField>
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
        <TextField
          id={FIELD_IDS.name}
          label="請輸入您的姓名："
          required
          autoComplete="name"
          error={fieldError('name')}
          registration={register('name')}
        />
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

      <fieldset
        id={FIELD_IDS.subsystems}
        tabIndex={-1}
        className="form-section subsystems-field"
        aria-describedby={['apply-subsystems-notes', subsystemsError ? 'apply-subsystems-error' : ''].filter(Boolean).join(' ')}
      >
        <legend>
          <h3>請選擇申請的子系統</h3>
        </legend>
        <ol id="apply-subsystems-notes" className="subsystem-notes">
          {SUBSYSTEM_SELECTION_NOTES.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ol>
        {subsystems.isPending ? <p role="status">{webMessages.loading}</p> : null}
        {subsystems.isError ? (
          <div className="alert alert-error">
            <p role="alert">{subsystems.error.message}</p>
            <button type="button" className="button button-secondary" onClick={() => void subsystems.refetch()}>
              {webMessages.retry}
            </button>
          </div>
        ) : null}
        {subsystems.isSuccess ? (
          <ul className="subsystem-options">
            {subsystems.data.items.map((subsystem) => (
              <li key={subsystem.code}>
                <label className="choice">
                  <input type="checkbox" value={subsystem.code} {...register('subsystems')} />
                  {subsystem.name}
                </label>
              </li>
            ))}
          </ul>
        ) : null}
        {subsystemsError ? (
          <p id="apply-subsystems-error" className="field-error">
            {subsystemsError}
          </p>
        ) : null}
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          送出申請
        </button>
      </div>
    </form>
  );
}
