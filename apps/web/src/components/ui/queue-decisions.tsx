import { useState } from 'react';
import { ApiError } from '../../lib/api-error';
import { ResultNotice } from './result-notice';

const isConflict = (error: Error | null): boolean => error instanceof ApiError && error.status === 409;

/** The error to show inside a decision dialog: a 409 is not one of them, it closes the dialog. */
export const dialogErrorOf = (error: Error | null): string | null => (error && !isConflict(error) ? error.message : null);

/**
 * How an approver's queue ends a decision (核准, 駁回, 撤銷): the open dialog closes and the page
 * says the API's message about whom it was for; or, on a 409 (someone else decided first), the
 * dialog closes too and the refusal is announced while the queue refreshes. Any other error stays
 * in the dialog. `pending` is the decision whose dialog is open.
 */
export function useQueueDecisions<Pending>() {
  const [pending, setPending] = useState<Pending | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);

  return {
    pending,
    setPending,
    clearNotices: () => {
      setDone(null);
      setRefused(null);
    },
    /** mutate() callbacks for a decision about `subject`. */
    answered: (subject: string) => ({
      onSuccess: (result: { message: string }) => {
        setPending(null);
        setDone(`${subject}：${result.message}`);
      },
      onError: (error: Error) => {
        if (isConflict(error)) {
          setPending(null);
          setRefused(error.message);
        }
      },
    }),
    doneNotice: done ? <ResultNotice key={done}>{done}</ResultNotice> : null,
    refusedNotice: refused ? (
      <ResultNotice key={refused} tone="error">
        <p role="alert">{refused}</p>
      </ResultNotice>
    ) : null,
  };
}
