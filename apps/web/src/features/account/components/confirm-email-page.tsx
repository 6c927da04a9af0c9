import { Link, useSearchParams } from 'react-router';
import { Page } from '../../../components/ui/page';
import { paths, webMessages } from '../../../lib/site';
import { useConfirmEmail } from '../api/confirm-email';

/** /account/confirm-email?token=…: opened from the mail; applies the new e-mail address. */
export function ConfirmEmailPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token')?.trim() ?? '';
  const confirm = useConfirmEmail(token);
  return (
    <Page title="確認E-mail信箱">
      {!token ? (
        <div className="alert alert-error">
          <p role="alert">{webMessages.confirmEmailTokenMissing}</p>
        </div>
      ) : confirm.isPending ? (
        <p role="status">{webMessages.loading}</p>
      ) : confirm.error ? (
        <div className="alert alert-error">
          <p role="alert">{confirm.error.message}</p>
        </div>
      ) : (
        <div className="alert">
          <p role="status">{confirm.data.message}</p>
        </div>
      )}
      <p>
        <Link to={paths.accountProfile}>前往我的帳號</Link>
      </p>
    </Page>
  );
}
