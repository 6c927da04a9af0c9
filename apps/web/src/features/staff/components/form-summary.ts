import type { FieldErrors, FieldValues } from 'react-hook-form';
import type { SummaryItem } from '../../../components/ui/error-summary';

/** The error summary's items in field order, each linked to its field. */
export function summaryItems<Values extends FieldValues>(
  errors: FieldErrors<Values>,
  fields: ReadonlyArray<{ key: keyof Values & string; id: string; label: string }>,
): SummaryItem[] {
  return fields.flatMap(({ key, id, label }) => {
    const message = errors[key]?.message;
    return typeof message === 'string' ? [{ fieldId: id, label, message }] : [];
  });
}
