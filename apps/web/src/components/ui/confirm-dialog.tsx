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
  // While busy the buttons are aria-disabled, not disabled: the pressed one keeps focus.
  const buttons = (
    <div className="modal-actions">
      <button
        type={asForm ? 'submit' : 'button'}
        className="button button-primary"
        aria-disabled={busy || undefined}
        onClick={asForm || busy ? undefined : onConfirm}
      >
        {confirmLabel}
      </button>
      {/* Focus starts on 取消 (unless a form field comes first), so Enter never decides by accident. */}
      <button type="button" className="button button-secondary" aria-disabled={busy || undefined} onClick={busy ? undefined : onCancel} data-autofocus={asForm ? undefined : true}>
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
            if (!busy) onConfirm();
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
