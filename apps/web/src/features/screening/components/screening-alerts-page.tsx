import { useRef, useState } from 'react';
import { EmptyRow } from '../../../components/ui/empty-row';
import { Page } from '../../../components/ui/page';
import { ErrorAlert } from '../../../components/ui/query-feedback';
import { useAcknowledgeAlert, useScreeningAlerts } from '../api/alerts';
import '../../../components/ui/back-office.css';
import { ScrollRegion } from '../../../components/ui/scroll-region';

const timeFormat = new Intl.DateTimeFormat('zh-TW', { timeZone: 'Asia/Taipei', dateStyle: 'short', timeStyle: 'short', hour12: false });

/** 篩檢查詢警示: accounts that looked up unusually many people in a day; staff mark each 已處理. */
export function ScreeningAlertsPage() {
  const [status, setStatus] = useState<'OPEN' | 'ALL'>('OPEN');
  const alerts = useScreeningAlerts(status);
  const acknowledge = useAcknowledgeAlert();
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const items = alerts.data?.items ?? [];

  const markHandled = (id: string, accountName: string, day: string) => {
    acknowledge.mutate(id, {
      onSuccess: () => setNotice(`已將 ${accountName} 於 ${day} 的警示標示為已處理。`),
      onError: (error) => setNotice(error.message),
      onSettled: () => requestAnimationFrame(() => noticeRef.current?.focus()),
    });
  };

  return (
    <Page title="篩檢查詢警示" lead="單一帳號一天內查詢的不同民眾數達警示門檻時，系統會寄信通知系統人員並列於此處。請確認查詢是否出於業務需要，處理後標示為已處理。">
      <div className="toolbar">
        <label className="choice">
          <input type="checkbox" checked={status === 'ALL'} onChange={(event) => setStatus(event.target.checked ? 'ALL' : 'OPEN')} />
          包含已處理的警示
        </label>
      </div>
      <p ref={noticeRef} tabIndex={-1} role="status" className="result-status">
        {notice ?? (alerts.isPending ? '資料載入中…' : `共 ${items.length} 筆`)}
      </p>
      {alerts.error ? <ErrorAlert error={alerts.error} onRetry={() => void alerts.refetch()} /> : null}
      <ScrollRegion>
        <table className="data-table">
          <caption>篩檢查詢警示</caption>
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">帳號</th>
              <th scope="col">機構</th>
              <th scope="col">不同民眾數</th>
              <th scope="col">發出時間</th>
              <th scope="col">處理</th>
            </tr>
          </thead>
          <tbody>
            {items.length === 0 && !alerts.isPending ? (
              <EmptyRow columns={6} />
            ) : (
              items.map((alert) => (
                <tr key={alert.id}>
                  <th scope="row" data-label="日期">
                    {alert.day.replaceAll('-', '/')}
                  </th>
                  <td data-label="帳號">
                    {alert.account.accountName}（{alert.account.name}）
                  </td>
                  <td data-label="機構">{alert.institution ? `${alert.institution.name}（${alert.institution.code}）` : '—'}</td>
                  <td data-label="不同民眾數">{alert.distinctPersons}</td>
                  <td data-label="發出時間">{timeFormat.format(new Date(alert.createdAt))}</td>
                  <td data-label="處理">
                    {alert.acknowledgedAt ? (
                      `已處理（${alert.acknowledgedBy ?? ''}）`
                    ) : (
                      <button
                        type="button"
                        className="button button-secondary"
                        disabled={acknowledge.isPending}
                        onClick={() => markHandled(alert.id, alert.account.accountName, alert.day)}
                      >
                        標示為已處理<span className="visually-hidden">（{alert.account.accountName}，{alert.day}）</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </ScrollRegion>
    </Page>
  );
}
