import { ID_TOKEN_ALGS, type SigningKey } from '@portal/shared';
import { useState } from 'react';
import { ConfirmActionDialog } from '../../../components/ui/back-office-dialogs';
import { DataTable, noWrap, type Column } from '../../../components/ui/data-table';
import { ErrorAlert } from '../../../components/ui/query-feedback';
import { ResultNotice } from '../../../components/ui/result-notice';
import { formatTaipeiDateTime } from '../../../lib/format';
import { webMessages } from '../../../lib/site';
import { useRotateSigningKey, useSigningKeys } from '../api/oidc-clients';

type Alg = (typeof ID_TOKEN_ALGS)[number];

const when = (iso: string | null) => (iso ? <time dateTime={iso}>{formatTaipeiDateTime(iso)}</time> : '—');

const columns: Column<SigningKey>[] = [
  { label: '金鑰識別碼 (kid)', rowHeader: true, cell: (key) => <code>{key.kid}</code> },
  { label: '演算法', cell: (key) => key.alg },
  { label: '狀態', ...noWrap, cell: (key) => key.stateLabel },
  { label: '建立時間', cell: (key) => when(key.createdAt) },
  { label: '啟用時間', cell: (key) => when(key.activatedAt) },
  { label: '退役時間', cell: (key) => when(key.retiredAt) },
];

/**
 * 單一入口簽章金鑰: the keys the provider publishes, and 輪替 of one algorithm. Nothing
 * restarts and no issued token breaks: the retired key stays published until what it signed has
 * expired; the other API instances load the new keys within seconds.
 */
export function SigningKeysSection() {
  const keys = useSigningKeys();
  const rotate = useRotateSigningKey();
  const [asking, setAsking] = useState<Alg | null>(null);
  return (
    <section className="card" aria-labelledby="signing-keys-heading">
      <h2 id="signing-keys-heading" className="card-title">
        單一入口簽章金鑰
      </h2>
      <p>子系統以公開金鑰（JWKS）驗證單一入口簽發的身分權杖。輪替時，預備金鑰開始簽章，原金鑰保留公開至已簽發的權杖到期，子系統不需任何設定。</p>
      {rotate.data ? <ResultNotice key={rotate.submittedAt}>{rotate.data.message}</ResultNotice> : null}
      {keys.isPending ? <p role="status">{webMessages.loading}</p> : null}
      {keys.error ? <ErrorAlert error={keys.error} onRetry={() => void keys.refetch()} /> : null}
      {keys.data ? <DataTable caption="單一入口簽章金鑰" columns={columns} items={keys.data.items} rowKey={(key) => key.kid} emptyMessage="尚無金鑰" /> : null}
      <div className="row-actions">
        {ID_TOKEN_ALGS.map((alg) => (
          <button key={alg} type="button" className="button button-secondary" onClick={() => setAsking(alg)}>
            輪替 {alg} 金鑰
          </button>
        ))}
      </div>
      {asking ? (
        <ConfirmActionDialog
          title="輪替簽章金鑰"
          message={`確定要輪替 ${asking} 簽章金鑰嗎？新簽發的權杖將改用預備金鑰簽章。`}
          confirmLabel="確定輪替"
          pending={rotate.isPending}
          error={rotate.error?.message ?? null}
          onConfirm={() => rotate.mutate({ alg: asking }, { onSuccess: () => setAsking(null) })}
          onCancel={() => {
            setAsking(null);
            rotate.reset();
          }}
        />
      ) : null}
    </section>
  );
}
