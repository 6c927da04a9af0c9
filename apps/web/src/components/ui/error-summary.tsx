import { useId, type MouseEvent, type Ref } from 'react';
import type { FieldErrors, FieldValues } from 'react-hook-form';
import './back-office.css';

export interface SummaryItem {
  /** id of the field the message belongs to (linked), or null for a message about the whole form. */
  fieldId: string | null;
  label?: string;
  message: string;
}

interface ErrorSummaryProps {
  title: string;
  items: SummaryItem[];
  /** For a summary that takes focus after a failed submit (it is then focusable from script). */
  ref?: Ref<HTMLDivElement> | undefined;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  // Focus directly: a hash change would go through the router.
  event.preventDefault();
  document.getElementById(id)?.focus();
}

/** Every problem of a form in one alert at its top, each linked to its field. */
export function ErrorSummary({ title, items, ref }: ErrorSummaryProps) {
  const titleId = useId();
  return (
    <div ref={ref} tabIndex={ref ? -1 : undefined} role="alert" className="error-summary" aria-labelledby={titleId}>
      <p id={titleId} className="error-summary-title">
        {title}
      </p>
      {items.length > 0 ? (
        <ul>
          {items.map((item) =>
            item.fieldId ? (
              <li key={`${item.fieldId}-${item.message}`}>
                <a href={`#${item.fieldId}`} onClick={(event) => focusField(event, item.fieldId as string)}>
                  {item.label ? `${item.label}：` : ''}
                  {item.message}
                </a>
              </li>
            ) : (
              <li key={item.message}>{item.message}</li>
            ),
          )}
        </ul>
      ) : null}
    </div>
  );
}

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
