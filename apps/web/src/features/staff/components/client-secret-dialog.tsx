import { useId, useState } from 'react';
import { ModalDialog } from '../../../components/ui/modal-dialog';

/**
 * The client secret, once: after the client is created or its secret rotated. The API keeps
 * only its encrypted form for the provider and never answers it again.
 */
export function ClientSecretDialog({ clientId, secret, onClose }: { clientId: string; secret: string; onClose: () => void }) {
  const warningId = useId();
  const inputId = useId();
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('已複製到剪貼簿。');
    } catch {
      setCopied('無法自動複製，請選取上方的密鑰後自行複製。');
    }
  };
  return (
    <ModalDialog title="用戶端密鑰（僅顯示這一次）" describedBy={warningId} onCancel={onClose}>
      <div id={warningId} className="alert alert-error">
        <p>請立即複製並以安全的方式交給子系統的維運人員。關閉本視窗後將無法再次查看；如遺失，只能更換新的密鑰。</p>
      </div>
      <p>
        用戶端識別碼：<code>{clientId}</code>
      </p>
      <div className="field">
        <label htmlFor={inputId}>用戶端密鑰</label>
        <textarea
          id={inputId}
          readOnly
          rows={2}
          value={secret}
          className="secret-value"
          spellCheck={false}
          autoComplete="off"
          data-autofocus
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      {copied ? <p role="status">{copied}</p> : null}
      <div className="modal-actions">
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          複製密鑰
        </button>
        <button type="button" className="button button-primary" onClick={onClose}>
          我已妥善保存，關閉
        </button>
      </div>
    </ModalDialog>
  );
}
