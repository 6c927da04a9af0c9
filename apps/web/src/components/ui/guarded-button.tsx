import { useId, type ButtonHTMLAttributes, type MouseEvent } from 'react';

interface GuardedButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled'> {
  /** Why the button cannot act now, shown beside it and read with it; null when it can. */
  blockedBy: string | null;
}

/**
 * A button that cannot act yet stays focusable and says why: aria-disabled, and the reason as
 * visible text tied with aria-describedby. A `disabled` button would drop out of the Tab order
 * (and drop the focus when it became disabled under it) without telling anyone what is missing.
 */
export function GuardedButton({ blockedBy, onClick, children, type = 'button', ...props }: GuardedButtonProps) {
  const reasonId = useId();
  const click = (event: MouseEvent<HTMLButtonElement>) => {
    // Also stops the form's submit: Enter in a field submits through a click on this button.
    if (blockedBy) event.preventDefault();
    else onClick?.(event);
  };
  return (
    <>
      <button
        {...props}
        type={type}
        aria-disabled={blockedBy ? true : undefined}
        aria-describedby={blockedBy ? reasonId : undefined}
        onClick={click}
      >
        {children}
      </button>
      {blockedBy ? (
        <span id={reasonId} className="button-reason">
          {blockedBy}
        </span>
      ) : null}
    </>
  );
}
