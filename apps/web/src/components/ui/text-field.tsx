import type { HTMLInputTypeAttribute, ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FormField } from './form-field';

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
export function TextField({ type = 'text', autoComplete, inputMode, registration, onFocus, children, ...field }: TextFieldProps) {
  return (
    <FormField {...field} extra={children}>
      {(control) => <input {...control} type={type} autoComplete={autoComplete} inputMode={inputMode} onFocus={onFocus} {...registration} />}
    </FormField>
  );
}
