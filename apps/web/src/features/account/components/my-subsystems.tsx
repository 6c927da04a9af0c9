import { ACCOUNT_MESSAGES, type MySubsystem } from '@portal/shared';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ui/query-feedback';
import { webMessages } from '../../../lib/site';
import { useSubsystems } from '../../../lib/subsystems';
import { useListMySubsystems, useRequestSubsystem } from '../api/my-subsystems';
import { ScrollRegion } from '../../../components/ui/scroll-region';
import { GuardedButton } from '../../../components/ui/guarded-button';

/** 進入系統 opens the subsystem, which signs the user in through the portal (no second login). */
function SubsystemAction({ item }: { item: MySubsystem }) {
  if (item.launchUrl) {
    return (
      <a href={item.launchUrl} className="button button-primary">
        進入系統<span className="visually-hidden">「{item.name}」</span>
      </a>
    );
  }
  return item.status === 'APPROVED' ? <span className="field-hint">此子系統尚未開放由本入口進入</span> : <>—</>;
}

/** What a request still waiting needs, in the words of the 帳號申請 page. */
export const PENDING_SUBSYSTEM_NOTE = '待子系統管理者審核通過後，才可以使用。';

function SubsystemRow({ item }: { item: MySubsystem }) {
  return (
    <tr>
      <td data-label="子系統">{item.name}</td>
      <td data-label="狀態">{item.statusLabel}</td>
      <td data-label="說明">{item.reason ?? (item.status === 'PENDING' ? PENDING_SUBSYSTEM_NOTE : '—')}</td>
      <td data-label="操作">
        <SubsystemAction item={item} />
      </td>
    </tr>
  );
}

/** Pick a subsystem not yet requested or approved (a rejected one may be asked again). */
function RequestSubsystemForm({ items }: { items: MySubsystem[] }) {
  const catalogue = useSubsystems();
  const request = useRequestSubsystem();
  const [code, setCode] = useState('');
  const [done, setDone] = useState<string | null>(null);

  const statusOf = new Map(items.map((item) => [item.code, item.status]));
  const choices = (catalogue.data?.items ?? []).filter((subsystem) => {
    const status = statusOf.get(subsystem.code);
    return status === undefined || status === 'REJECTED';
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    if (!code || request.isPending) return;
    request.mutate(code, {
      onSuccess: () => {
        setCode('');
        setDone(ACCOUNT_MESSAGES.subsystemRequested);
      },
    });
  };

  return (
    <section aria-labelledby="request-subsystem-heading" className="card">
      <h3 id="request-subsystem-heading" className="card-title">
        申請其他子系統
      </h3>
      {catalogue.isPending ? <p role="status">{webMessages.loading}</p> : null}
      {catalogue.error ? <ErrorAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} /> : null}
      {catalogue.data && choices.length === 0 ? <p>您已申請所有子系統。</p> : null}
      {choices.length > 0 ? (
        <form onSubmit={submit} className="inline-form">
          <div className="field">
            <label htmlFor="request-subsystem">子系統</label>
            <select id="request-subsystem" value={code} onChange={(event) => setCode(event.target.value)} required>
              <option value="">請選擇</option>
              {choices.map((subsystem) => (
                <option key={subsystem.code} value={subsystem.code}>
                  {subsystem.name}
                  {statusOf.get(subsystem.code) === 'REJECTED' ? '（已駁回，重新申請）' : ''}
                </option>
              ))}
            </select>
          </div>
          <GuardedButton type="submit" className="button button-primary" blockedBy={code ? null : '請先選擇子系統。'} aria-busy={request.isPending || undefined}>
            送出申請
          </GuardedButton>
        </form>
      ) : null}
      <p className="field-hint">每個子系統都須經該子系統管理者審核通過後才能使用。</p>
      {request.error ? (
        <div className="alert alert-error">
          <p role="alert">{request.error.message}</p>
        </div>
      ) : null}
      {done ? <p role="status">{done}</p> : null}
    </section>
  );
}

/** 我的子系統 (status and reason of each) and 申請其他子系統, for institution staff. */
export function MySubsystems() {
  const list = useListMySubsystems();
  return (
    <section aria-labelledby="my-subsystems-heading" className="account-section">
      <h2 id="my-subsystems-heading">我的子系統</h2>
      {list.isPending ? <p role="status">{webMessages.loading}</p> : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <>
          {list.data.items.length === 0 ? (
            <p>您尚未申請任何子系統。</p>
          ) : (
            <ScrollRegion>
              <table className="data-table">
                <caption className="visually-hidden">我的子系統</caption>
                <thead>
                  <tr>
                    <th scope="col">子系統</th>
                    <th scope="col">狀態</th>
                    <th scope="col">說明</th>
                    <th scope="col">操作</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((item) => (
                    <SubsystemRow key={item.code} item={item} />
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          {list.data.canRequest ? <RequestSubsystemForm items={list.data.items} /> : null}
        </>
      ) : null}
    </section>
  );
}
