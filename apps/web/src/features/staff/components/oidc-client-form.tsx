import {
  CLIENT_CREDENTIALS_SCOPES,
  CreateOidcClientRequestSchema,
  ID_TOKEN_ALGS,
  type OidcAuthMethod,
  type OidcClient,
} from '@portal/shared';
import { useId } from 'react';
import { useForm, useWatch, type FieldError, type FieldErrors } from 'react-hook-form';
import type { z } from 'zod';
import { ErrorSummary, type SummaryItem } from '../../../components/ui/error-summary';
import { FormButtons } from '../../../components/ui/form-buttons';
import { FormField } from '../../../components/ui/form-field';
import { OptionList } from '../../../components/ui/option-list';
import { ApiError, showFieldErrors } from '../../../lib/api-error';
import { sharedSchemaResolver } from '../../../lib/form-resolver';

export type OidcClientBody = z.output<typeof CreateOidcClientRequestSchema>;

interface ClientFormValues {
  redirectUris: string;
  postLogoutRedirectUris: string;
  backchannelLogoutUri: string;
  tokenEndpointAuthMethod: OidcAuthMethod;
  jwks: string;
  idTokenSignedResponseAlg: (typeof ID_TOKEN_ALGS)[number];
  allowRefreshToken: boolean;
  clientCredentialsScopes: string[];
}
type FieldName = keyof ClientFormValues;

export const AUTH_METHOD_LABELS: Record<OidcAuthMethod, string> = {
  client_secret_basic: '用戶端密鑰（client_secret_basic）',
  private_key_jwt: '子系統私鑰簽署（private_key_jwt）',
};
export const SCOPE_LABELS: Record<(typeof CLIENT_CREDENTIALS_SCOPES)[number], string> = {
  'screening:ingest': '上傳篩檢紀錄（screening:ingest）',
  'screening:eligibility': '查詢篩檢資格（screening:eligibility）',
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** The JSON as typed, or the text itself, so that the shared schema says what is wrong with it. */
function parseJwks(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The form's strings as the request body: one address per line, blank → null, JWKS only for private_key_jwt. */
function toBody(values: ClientFormValues) {
  const keyAuth = values.tokenEndpointAuthMethod === 'private_key_jwt';
  return {
    redirectUris: lines(values.redirectUris),
    postLogoutRedirectUris: lines(values.postLogoutRedirectUris),
    backchannelLogoutUri: values.backchannelLogoutUri.trim() || null,
    tokenEndpointAuthMethod: values.tokenEndpointAuthMethod,
    jwks: keyAuth && values.jwks.trim() ? parseJwks(values.jwks) : null,
    idTokenSignedResponseAlg: values.idTokenSignedResponseAlg,
    allowRefreshToken: values.allowRefreshToken,
    clientCredentialsScopes: values.clientCredentialsScopes,
  };
}

function defaultsOf(client: OidcClient | null): ClientFormValues {
  return {
    redirectUris: client?.redirectUris.join('\n') ?? '',
    postLogoutRedirectUris: client?.postLogoutRedirectUris.join('\n') ?? '',
    backchannelLogoutUri: client?.backchannelLogoutUri ?? '',
    tokenEndpointAuthMethod: client?.tokenEndpointAuthMethod ?? 'client_secret_basic',
    jwks: client?.jwks ? JSON.stringify(client.jwks, null, 2) : '',
    idTokenSignedResponseAlg: client?.idTokenSignedResponseAlg ?? 'RS256',
    allowRefreshToken: client?.allowRefreshToken ?? false,
    clientCredentialsScopes: client?.clientCredentialsScopes ?? [],
  };
}

/**
 * A field's first message; for an address list, the line it is about ("第 2 行：…"), since
 * the schema checks each address of the list.
 */
function messageOf(error: FieldErrors[string] | undefined): string | undefined {
  if (!error) return undefined;
  if (typeof error.message === 'string' && error.message) return error.message;
  if (Array.isArray(error)) {
    const index = error.findIndex((item) => item);
    if (index >= 0) return `第 ${index + 1} 行：${(error[index] as FieldError).message}`;
  }
  return Object.values(error).map((nested) => messageOf(nested as FieldError)).find(Boolean);
}

interface OidcClientFormProps {
  subsystemName: string;
  /** null: register a new client. */
  client: OidcClient | null;
  pending: boolean;
  /** The API's refusal, when it was not about a field. */
  error: Error | null;
  onSubmit: (body: OidcClientBody) => Promise<unknown>;
  onCancel: () => void;
}

/** Register or edit a subsystem's single sign-on client, checked with the shared schema before it is sent. */
export function OidcClientForm({ subsystemName, client, pending, error, onSubmit, onCancel }: OidcClientFormProps) {
  const prefix = useId();
  const id = (name: string) => `${prefix}-${name}`;
  const {
    register,
    handleSubmit,
    control: formControl,
    setError,
    formState: { errors, isSubmitted },
  } = useForm<ClientFormValues, unknown, OidcClientBody>({
    defaultValues: defaultsOf(client),
    resolver: sharedSchemaResolver(CreateOidcClientRequestSchema, toBody),
  });
  const keyAuth = useWatch({ control: formControl, name: 'tokenEndpointAuthMethod' }) === 'private_key_jwt';
  const labels: Array<[FieldName, string]> = [
    ['redirectUris', '登入後導回網址'],
    ['postLogoutRedirectUris', '登出後導回網址'],
    ['backchannelLogoutUri', '後端登出通知網址'],
    ['tokenEndpointAuthMethod', '用戶端驗證方式'],
    ['jwks', '子系統公開金鑰（JWKS）'],
    ['idTokenSignedResponseAlg', 'ID Token 簽章演算法'],
    ['clientCredentialsScopes', '機器對機器存取範圍'],
  ];
  const message = (name: FieldName) => messageOf(errors[name] as FieldErrors[string] | undefined);
  const summary: SummaryItem[] = labels.flatMap(([name, label]) => {
    const text = message(name);
    return text ? [{ fieldId: id(name), label, message: text }] : [];
  });
  const submit = (body: OidcClientBody) =>
    onSubmit(body).catch((refusal: unknown) => showFieldErrors(refusal, labels.map(([name]) => name), setError));
  const apiMessage = error instanceof ApiError && error.fieldErrors ? null : error?.message;
  const title = client ? `修改「${subsystemName}」的單一入口用戶端` : `設定「${subsystemName}」的單一入口用戶端`;

  return (
    <form className="admin-form" aria-label={title} noValidate onSubmit={handleSubmit(submit)}>
      <h4 className="form-title">{title}</h4>
      {isSubmitted && summary.length > 0 ? <ErrorSummary title="請修正以下欄位" items={summary} /> : null}
      {apiMessage ? <ErrorSummary title={apiMessage} items={[]} /> : null}
      <FormField
        id={id('redirectUris')}
        label="登入後導回網址"
        required
        hint="每行一個，須與子系統送出的 redirect_uri 完全相同；須為 https://（本機測試可用 http://localhost）。"
        error={message('redirectUris')}
      >
        {(control) => <textarea {...control} rows={3} spellCheck={false} {...register('redirectUris')} />}
      </FormField>
      <FormField id={id('postLogoutRedirectUris')} label="登出後導回網址" hint="每行一個，可留空。" error={message('postLogoutRedirectUris')}>
        {(control) => <textarea {...control} rows={2} spellCheck={false} {...register('postLogoutRedirectUris')} />}
      </FormField>
      <FormField
        id={id('backchannelLogoutUri')}
        label="後端登出通知網址"
        hint="使用者登出、帳號停用或權限撤銷時，本系統通知子系統結束登入狀態的網址（back-channel logout）。"
        error={message('backchannelLogoutUri')}
      >
        {(control) => <input {...control} type="url" maxLength={300} spellCheck={false} {...register('backchannelLogoutUri')} />}
      </FormField>
      <fieldset className="field" aria-describedby={message('tokenEndpointAuthMethod') ? `${id('tokenEndpointAuthMethod')}-error` : undefined}>
        <legend>
          <span className="required-mark">(必填)</span>用戶端驗證方式
        </legend>
        {(Object.keys(AUTH_METHOD_LABELS) as OidcAuthMethod[]).map((method, index) => (
          <label key={method} className="choice">
            <input type="radio" value={method} id={index === 0 ? id('tokenEndpointAuthMethod') : undefined} {...register('tokenEndpointAuthMethod')} />{' '}
            {AUTH_METHOD_LABELS[method]}
          </label>
        ))}
      </fieldset>
      {keyAuth ? (
        <FormField
          id={id('jwks')}
          label="子系統公開金鑰（JWKS）"
          required
          hint='JSON 格式 {"keys": [...]}，僅含公開金鑰（RSA 或 EC），不可含私鑰。'
          error={message('jwks')}
        >
          {(control) => <textarea {...control} rows={6} spellCheck={false} className="code-input" {...register('jwks')} />}
        </FormField>
      ) : null}
      <FormField id={id('idTokenSignedResponseAlg')} label="ID Token 簽章演算法" required error={message('idTokenSignedResponseAlg')}>
        {(control) => (
          <select {...control} {...register('idTokenSignedResponseAlg')}>
            <OptionList values={ID_TOKEN_ALGS} />
          </select>
        )}
      </FormField>
      <div className="field">
        <label className="choice">
          <input type="checkbox" {...register('allowRefreshToken')} /> 允許更新權杖（refresh token，子系統可延長登入而不需使用者再次操作）
        </label>
      </div>
      <fieldset className="field">
        <legend>機器對機器存取範圍（client credentials）</legend>
        {CLIENT_CREDENTIALS_SCOPES.map((scope, index) => (
          <label key={scope} className="choice">
            <input type="checkbox" value={scope} id={index === 0 ? id('clientCredentialsScopes') : undefined} {...register('clientCredentialsScopes')} />{' '}
            {SCOPE_LABELS[scope]}
          </label>
        ))}
      </fieldset>
      <FormButtons submitLabel={client ? '儲存' : '建立用戶端'} busy={pending} onCancel={onCancel} />
    </form>
  );
}
