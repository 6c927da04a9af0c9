import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { DecisionRequestSchema, type DecisionRequest } from '@portal/shared';
import { ErrorSummary } from './error-summary';
import { FormButtons } from './form-buttons';
import { FormField } from './form-field';
import { ModalDialog } from './modal-dialog';

interface ConfirmActionDialogProps {
  title: string;
  /** What will happen, in one sentence ("確定要核准 … 嗎？"). */
  message: string;
  confirmLabel: string;
  pending: boolean;
  /** The API's refusal, shown inside the dialog. */
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Are you sure?" before a state change: role=alertdialog, focus on 取消 so Enter never decides by accident. */
export function ConfirmActionDialog({ title, message, confirmLabel, pending, error, onConfirm, onCancel }: ConfirmActionDialogProps) {
  const messageId = useId();
  return (
    <ModalDialog title={title} role="alertdialog" describedBy={messageId} onCancel={onCancel}>
      <p id={messageId}>{message}</p>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      <div className="modal-actions">
        {/* aria-disabled while pending: the pressed button keeps focus. */}
        <button type="button" className="button button-primary" onClick={pending ? undefined : onConfirm} aria-disabled={pending || undefined}>
          {confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} data-autofocus>
          取消
        </button>
      </div>
    </ModalDialog>
  );
}

interface ReasonValues {
  reason: string;
}

interface ReasonDialogProps<Body> {
  title: string;
  message: string;
  confirmLabel: string;
  reasonLabel: string;
  required: boolean;
  /**
   * The shared request schema the reason is checked with (e.g. DecisionRequestSchema with
   * decision REJECT: 「駁回時請填寫原因」); `toBody` builds the request body from the reason.
   */
  schema: z.ZodType<Body>;
  toBody: (reason: string) => unknown;
  pending: boolean;
  error?: string | null;
  onConfirm: (body: Body) => void;
  onCancel: () => void;
}

/** A decision that needs (or may carry) a reason, validated with the shared schema before anything is sent. */
export function ReasonDialog<Body>({
  title,
  message,
  confirmLabel,
  reasonLabel,
  required,
  schema,
  toBody,
  pending,
  error,
  onConfirm,
  onCancel,
}: ReasonDialogProps<Body>) {
  const messageId = useId();
  const reasonId = useId();
  const resolve = zodResolver(schema as unknown as z.ZodType<Body, ReasonValues>);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitted },
  } = useForm<ReasonValues, unknown, Body>({
    defaultValues: { reason: '' },
    resolver: (values, context, options) => resolve(toBody(values.reason.trim()) as ReasonValues, context, options),
  });
  const reasonError = errors.reason?.message;
  return (
    <ModalDialog title={title} role="dialog" describedBy={messageId} onCancel={onCancel}>
      <p id={messageId}>{message}</p>
      <form noValidate onSubmit={handleSubmit(onConfirm)}>
        {isSubmitted && reasonError ? (
          <ErrorSummary title="請修正以下欄位" items={[{ fieldId: reasonId, label: reasonLabel, message: reasonError }]} />
        ) : null}
        {error ? <ErrorSummary title={error} items={[]} /> : null}
        <FormField id={reasonId} label={reasonLabel} required={required} error={reasonError}>
          {(control) => <textarea {...control} rows={4} maxLength={500} data-autofocus {...register('reason')} />}
        </FormField>
        <FormButtons submitLabel={confirmLabel} busy={pending} onCancel={onCancel} />
      </form>
    </ModalDialog>
  );
}

interface RejectApplicationDialogProps {
  /** Who applied, as the list names them (e.g. 王小明（wangxm）). */
  subject: string;
  pending: boolean;
  error?: string | null;
  onConfirm: (body: DecisionRequest) => void;
  onCancel: () => void;
}

/** 駁回 of an application (an account or a subsystem): the reason is required and mailed to the applicant. */
export function RejectApplicationDialog({ subject, ...rest }: RejectApplicationDialogProps) {
  return (
    <ReasonDialog
      title="駁回申請"
      message={`確定要駁回${subject}嗎？原因將通知申請者。`}
      confirmLabel="確定駁回"
      reasonLabel="駁回原因"
      required
      schema={DecisionRequestSchema}
      toBody={(reason) => ({ decision: 'REJECT', reason })}
      {...rest}
    />
  );
}

interface DecisionDialogProps {
  decision: 'APPROVE' | 'REJECT';
  /** Who applied, as the list names them (e.g. 王小明（wangxm）). */
  subject: string;
  /** Said after the question when approving: what 核准 lets the applicant do. */
  approveNote?: string;
  pending: boolean;
  error?: string | null;
  onDecide: (body: DecisionRequest) => void;
  onCancel: () => void;
}

/** An approver's decision on one application in a queue: 核准 once confirmed, or 駁回 with its reason. */
export function DecisionDialog({ decision, subject, approveNote = '', onDecide, ...rest }: DecisionDialogProps) {
  return decision === 'APPROVE' ? (
    <ConfirmActionDialog
      title="核准申請"
      message={`確定要核准${subject}嗎？${approveNote}`}
      confirmLabel="確定核准"
      onConfirm={() => onDecide({ decision: 'APPROVE' })}
      {...rest}
    />
  ) : (
    <RejectApplicationDialog subject={subject} onConfirm={onDecide} {...rest} />
  );
}
