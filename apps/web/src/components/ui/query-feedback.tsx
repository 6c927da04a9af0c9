import { webMessages } from '../../lib/site';

interface ErrorAlertProps {
  error: Error;
  onRetry?: () => void;
}

/** The API's zh-TW message (ApiError) in an alert, with a way to try again. */
export function ErrorAlert({ error, onRetry }: ErrorAlertProps) {
  return (
    <div className="alert alert-error">
      <p role="alert">{error.message}</p>
      {onRetry ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {webMessages.retry}
        </button>
      ) : null}
    </div>
  );
}

interface ResultStatusProps {
  isPending: boolean;
  total: number | undefined;
}

/** One polite live region: 資料載入中… while loading, then the number of results. */
export function ResultStatus({ isPending, total }: ResultStatusProps) {
  return (
    <p role="status" className="result-status">
      {isPending ? webMessages.loading : total === undefined ? '' : `共 ${total} 筆資料`}
    </p>
  );
}
