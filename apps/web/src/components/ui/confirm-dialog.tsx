import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import './confirm-dialog.css';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** While the confirmed action runs: both buttons wait. */
  busy?: boolean;
  /** Wrap the body in a form (e.g. a required reason); the confirm button submits it. */
  asForm?: boolean;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal confirmation (role=dialog, aria-modal): focus moves in, Tab stays in, Escape cancels,
 * and focus goes back to whatever opened it.
 */
export function ConfirmDialog({ title, children, confirmLabel, cancelLabel = '取消', onConfirm, onCancel, busy = false, asForm = false }: ConfirmDialogProps) {
  const ids = { title: useId(), body: useId() };
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = ref.current?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => opener?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && !busy) {
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const buttons = (
    <div className="dialog-actions">
      <button type={asForm ? 'submit' : 'button'} className="button button-primary" disabled={busy} onClick={asForm ? undefined : onConfirm}>
        {confirmLabel}
      </button>
      <button type="button" className="button button-secondary" disabled={busy} onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );

  return (
    <div className="dialog-backdrop">
      <div ref={ref} role="dialog" aria-modal="true" aria-labelledby={ids.title} aria-describedby={ids.body} className="dialog" onKeyDown={onKeyDown}>
        <h2 id={ids.title} className="dialog-title">
          {title}
        </h2>
        {asForm ? (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              onConfirm();
            }}
          >
            <div id={ids.body}>{children}</div>
            {buttons}
          </form>
        ) : (
          <>
            <div id={ids.body}>{children}</div>
            {buttons}
          </>
        )}
      </div>
    </div>
  );
}
