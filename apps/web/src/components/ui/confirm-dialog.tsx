import { useId, type ReactNode } from 'react';
import { ModalDialog } from './modal-dialog';
import './confirm-dialog.css';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** While the confirmed action runs: both buttons wait, and Esc does not cancel. */
  busy?: boolean;
  /** Wrap the body in a form (e.g. a required reason); the confirm button submits it. */
  asForm?: boolean;
}

/** A confirmation with free content, on the one modal dialog (focus trap, Esc, focus return). */
export function ConfirmDialog({ title, children, confirmLabel, cancelLabel = '取消', onConfirm, onCancel, busy = false, asForm = false }: ConfirmDialogProps) {
  const bodyId = useId();
  const buttons = (
    <div className="modal-actions">
      <button type={asForm ? 'submit' : 'button'} className="button button-primary" disabled={busy} onClick={asForm ? undefined : onConfirm}>
        {confirmLabel}
      </button>
      <button type="button" className="button button-secondary" disabled={busy} onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );
  const body = <div id={bodyId}>{children}</div>;
  return (
    <ModalDialog title={title} describedBy={bodyId} onCancel={busy ? () => undefined : onCancel}>
      {asForm ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            onConfirm();
          }}
        >
          {body}
          {buttons}
        </form>
      ) : (
        <>
          {body}
          {buttons}
        </>
      )}
    </ModalDialog>
  );
}
