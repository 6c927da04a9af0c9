import type { HTMLInputTypeAttribute, ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import './text-field.css';

interface TextFieldProps {
  id: string;
  label: string;
  required?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
  type?: HTMLInputTypeAttribute;
  autoComplete?: string;
  inputMode?: 'text' | 'tel' | 'email' | 'numeric';
  registration: UseFormRegisterReturn;
  onFocus?: () => void;
  /** More descriptions (e.g. the password policy) read with the field. */
  describedBy?: string[];
  children?: ReactNode;
}

/** The guide's "(必填)請輸入…：" label tied to its input, the hint, and the error right below. */
export function TextField({
  id,
  label,
  required = false,
  hint,
  error,
  type = 'text',
  autoComplete,
  inputMode,
  registration,
  onFocus,
  describedBy = [],
  children,
}: TextFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [...(hint ? [hintId] : []), ...describedBy, ...(error ? [errorId] : [])];
  return (
    <div className="field">
      <label htmlFor={id}>
        {required ? <span className="required-mark">(必填)</span> : null}
        {label}
      </label>
      <input
        id={id}
        type={type}
        autoComplete={autoComplete}
        inputMode={inputMode}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={described.length > 0 ? described.join(' ') : undefined}
        onFocus={onFocus}
        {...registration}
      />
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
