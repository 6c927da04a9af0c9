import { zodResolver } from '@hookform/resolvers/zod';
import {
  AccountApplicationSchema,
  APPLICANT_ROLES,
  canApplyForRole,
  collectPasswordUserInputs,
  messages,
  type AccountApplication,
  type AccountApplicationInput,
  type ApplicationResult,
  type DirectoryInstitution,
  type Institution,
} from '@portal/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useController, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import type { SummaryItem } from '../../../components/ui/error-summary';
import { ApiError } from '../../../lib/api-error';
import { usePasswordStrength } from '../../../lib/password-strength/use-password-strength';
import { useCreateApplication } from '../api/create-application';
import { getInstitution, institutionQueryKey, useGetInstitution } from '../api/get-institution';
import { INSTITUTION_CODE_PATTERN } from './institution-picker';

export type FieldKey = keyof AccountApplicationInput;

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

export const FIELD_IDS: Record<FieldKey, string> = {
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

export type OnSubmitted = (result: ApplicationResult, credentials: { accountName: string; password: string }) => void;

/**
 * The application form's state and its submit: the institution looked up as it is typed or
 * picked, the role rule on that institution, the password meter (the same inputs as the API's),
 * the checks again at submit with fresh data, and the server's refusals put on their fields.
 */
export function useApplicationForm(onSubmitted: OnSubmitted) {
  const queryClient = useQueryClient();
  const createApplication = useCreateApplication();
  const [serverFailure, setServerFailure] = useState<ServerFailure | null>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);

  const form = useForm<AccountApplicationInput, unknown, AccountApplication>({
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
  const {
    control,
    handleSubmit,
    setError,
    setValue,
    getValues,
    resetField,
    formState: { errors },
  } = form;

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

  // A search result does not say whether the institution has a manager: the chosen code is
  // looked up on its own (GET /api/institutions/:code), which does.
  const pickInstitution = (picked: DirectoryInstitution) => {
    setValue('institutionCode', picked.code, { shouldValidate: true });
  };

  /** The checks that need the server or the meter's dictionaries; true when all pass. */
  const passesLiveChecks = async (values: AccountApplication): Promise<boolean> => {
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
    const refusal = await strength.refusalNow(values.password, collectPasswordUserInputs(values));
    if (refusal) {
      ok = false;
      setError('password', { type: 'strength', message: refusal });
    }
    return ok;
  };

  const onValid = async (values: AccountApplication) => {
    setServerFailure(null);
    if (!(await passesLiveChecks(values))) return fail();
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

  const fieldItems: SummaryItem[] = FIELD_ORDER.flatMap((key) => {
    const message = errorOf(errors, key);
    return message ? [{ fieldId: FIELD_IDS[key], label: SUMMARY_LABELS[key], message }] : [];
  });
  const summaryItems = [...fieldItems, ...(serverFailure?.other ?? []).map((message) => ({ fieldId: null, message }))];

  return {
    form,
    onSubmit: handleSubmit(onValid, fail),
    fieldError: (key: FieldKey) => errorOf(errors, key),
    summary: {
      shown: failedSubmits > 0 && (fieldItems.length > 0 || serverFailure !== null),
      /** Counts failed submits: each one moves focus to the summary. */
      failedSubmits,
      title: serverFailure?.message ?? messages.badRequest,
      items: summaryItems,
    },
    institution: {
      field: institutionField,
      code,
      lookup,
      found: institution,
      pick: pickInstitution,
      generalUserDecision,
    },
    password: password ?? '',
    strength,
  };
}

export type ApplicationFormState = ReturnType<typeof useApplicationForm>;
