import './text-field.css';
import type { ReactNode } from 'react';

export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'aria-required': true | undefined;
}

interface FormFieldProps {
  id: string;
  label: string;
  required?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
  /** More descriptions (e.g. the password policy) read with the control. */
  describedBy?: string[];
  /** Shown between the hint and the error (e.g. the password meter). */
  extra?: ReactNode;
  /** Renders the control (input, select, textarea) with the ids and states it needs. */
  children: (control: FieldControlProps) => ReactNode;
}

/** A label, any control, its hint and its error right below (tied with aria-describedby). */
export function FormField({ id, label, required = false, hint, error, describedBy = [], extra, children }: FormFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [...(hint ? [hintId] : []), ...describedBy, ...(error ? [errorId] : [])];
  return (
    <div className="field">
      <label htmlFor={id}>
        {required ? <span className="required-mark">(必填)</span> : null}
        {label}
      </label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': described.length > 0 ? described.join(' ') : undefined,
        'aria-required': required || undefined,
      })}
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {extra}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
