import { OIDC_CLIENT_MESSAGES, type OidcClient, type OidcClientWithSecret, type StaffSubsystem } from '@portal/shared';
import { useId, useState } from 'react';
import { ConfirmActionDialog } from '../../../components/ui/back-office-dialogs';
import { ResultNotice } from '../../../components/ui/result-notice';
import { formatTaipeiDateTime } from '../../../lib/format';
import { useCreateOidcClient, useRotateOidcClientSecret, useSetOidcClientActive, useUpdateOidcClient } from '../api/oidc-clients';
import { ClientSecretDialog } from './client-secret-dialog';
import { AUTH_METHOD_LABELS, OidcClientForm, SCOPE_LABELS, type OidcClientBody } from './oidc-client-form';
import './oidc-client.css';

const list = (items: string[]) =>
  items.length === 0 ? (
    '—'
  ) : (
    <ul>
      {items.map((item) => (
        <li key={item}>
          <code>{item}</code>
        </li>
      ))}
    </ul>
  );

function ClientFacts({ client }: { client: OidcClient }) {
  return (
    <dl className="facts">
      <dt>用戶端識別碼</dt>
      <dd>
        <code>{client.clientId}</code>
      </dd>
      <dt>狀態</dt>
      <dd>{client.active ? '啟用' : '已停用（無法以單一入口登入）'}</dd>
      <dt>登入後導回網址</dt>
      <dd>{list(client.redirectUris)}</dd>
      <dt>登出後導回網址</dt>
      <dd>{list(client.postLogoutRedirectUris)}</dd>
      <dt>後端登出通知網址</dt>
      <dd>{client.backchannelLogoutUri ? <code>{client.backchannelLogoutUri}</code> : '—'}</dd>
      <dt>用戶端驗證方式</dt>
      <dd>{AUTH_METHOD_LABELS[client.tokenEndpointAuthMethod]}</dd>
      <dt>ID Token 簽章演算法</dt>
      <dd>{client.idTokenSignedResponseAlg}</dd>
      <dt>更新權杖</dt>
      <dd>{client.allowRefreshToken ? '允許' : '不允許'}</dd>
      <dt>機器對機器存取</dt>
      <dd>{client.clientCredentialsScopes.length ? client.clientCredentialsScopes.map((scope) => SCOPE_LABELS[scope]).join('、') : '—'}</dd>
      {client.secretRotatedAt ? (
        <>
          <dt>密鑰核發時間</dt>
          <dd>{formatTaipeiDateTime(client.secretRotatedAt)}</dd>
        </>
      ) : null}
    </dl>
  );
}

type Confirming = 'rotate' | 'disable' | null;

/**
 * 單一入口用戶端 of one subsystem on 子系統管理: register it, edit it, rotate its secret (shown
 * once), disable or enable it. The result of each action is announced and takes focus.
 */
export function OidcClientSection({ subsystem, client }: { subsystem: StaffSubsystem; client: OidcClient | null }) {
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [secret, setSecret] = useState<OidcClientWithSecret | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const create = useCreateOidcClient();
  const update = useUpdateOidcClient();
  const rotate = useRotateOidcClientSecret();
  const setActive = useSetOidcClientActive();

  const finish = (message: string, withSecret?: OidcClientWithSecret) => {
    setEditing(false);
    setConfirming(null);
    if (withSecret?.clientSecret) setSecret(withSecret);
    setDone(message);
  };
  const save = (body: OidcClientBody) =>
    client
      ? update.mutateAsync({ subsystemId: subsystem.id, body }).then(() => finish(OIDC_CLIENT_MESSAGES.updated))
      : create.mutateAsync({ subsystemId: subsystem.id, body }).then((created) => finish(OIDC_CLIENT_MESSAGES.created, created));
  const discovery = `${window.location.origin}/oidc/.well-known/openid-configuration`;

  return (
    <section className="oidc-client" aria-labelledby={headingId}>
      <h3 id={headingId} className="oidc-client-title">
        單一入口用戶端（OpenID Connect）
        {client && !client.active ? <span className="status-badge">已停用</span> : null}
      </h3>
      {/* Shown (and focused) once the secret dialog, if any, is closed. */}
      {done && !secret ? <ResultNotice key={done}>{done}</ResultNotice> : null}
      {client ? (
        <ClientFacts client={client} />
      ) : (
        <p>尚未設定。設定後，已獲核准的使用者可由「我的服務」的「進入系統」直接登入此子系統。</p>
      )}
      <p className="field-hint">
        子系統的 OpenID Connect 探索網址：<code>{discovery}</code>
      </p>
      {editing ? (
        <OidcClientForm
          subsystemName={subsystem.name}
          client={client}
          pending={create.isPending || update.isPending}
          error={(client ? update.error : create.error) ?? null}
          onSubmit={save}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="row-actions">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setDone(null);
              create.reset();
              update.reset();
              setEditing(true);
            }}
          >
            {client ? '修改用戶端設定' : '設定單一入口用戶端'}
            <span className="visually-hidden">（{subsystem.name}）</span>
          </button>
          {client?.tokenEndpointAuthMethod === 'client_secret_basic' ? (
            <button type="button" className="button button-secondary" onClick={() => setConfirming('rotate')}>
              更換密鑰<span className="visually-hidden">（{subsystem.name}）</span>
            </button>
          ) : null}
          {client?.active ? (
            <button type="button" className="button button-secondary" onClick={() => setConfirming('disable')}>
              停用單一入口登入<span className="visually-hidden">（{subsystem.name}）</span>
            </button>
          ) : null}
          {client && !client.active ? (
            <button
              type="button"
              className="button button-secondary"
              disabled={setActive.isPending}
              onClick={() => setActive.mutate({ subsystemId: subsystem.id, active: true }, { onSuccess: () => finish(OIDC_CLIENT_MESSAGES.enabled) })}
            >
              重新啟用<span className="visually-hidden">（{subsystem.name}）</span>
            </button>
          ) : null}
        </div>
      )}
      {setActive.error && !confirming ? <p role="alert" className="field-error">{setActive.error.message}</p> : null}
      {confirming === 'rotate' ? (
        <ConfirmActionDialog
          title="更換用戶端密鑰"
          message={`更換後舊密鑰立即失效，「${subsystem.name}」須改用新密鑰才能登入使用者。確定要更換嗎？`}
          confirmLabel="確定更換"
          pending={rotate.isPending}
          error={rotate.error?.message ?? null}
          onConfirm={() => rotate.mutate(subsystem.id, { onSuccess: (rotated) => finish(OIDC_CLIENT_MESSAGES.secretRotated, rotated) })}
          onCancel={() => {
            setConfirming(null);
            rotate.reset();
          }}
        />
      ) : null}
      {confirming === 'disable' ? (
        <ConfirmActionDialog
          title="停用單一入口登入"
          message={`停用後，使用者將無法由單一入口登入「${subsystem.name}」，目前在該子系統的登入也會結束。確定要停用嗎？`}
          confirmLabel="確定停用"
          pending={setActive.isPending}
          error={setActive.error?.message ?? null}
          onConfirm={() => setActive.mutate({ subsystemId: subsystem.id, active: false }, { onSuccess: () => finish(OIDC_CLIENT_MESSAGES.disabled) })}
          onCancel={() => {
            setConfirming(null);
            setActive.reset();
          }}
        />
      ) : null}
      {secret?.clientSecret ? <ClientSecretDialog clientId={secret.client.clientId} secret={secret.clientSecret} onClose={() => setSecret(null)} /> : null}
    </section>
  );
}
