import { RULE_TABLE, type ScreeningLookupResult, type ScreeningRecordView, type ScreeningServiceRow } from '@portal/shared';
import { forwardRef } from 'react';
import { formatTaipeiDate } from '../../../lib/format';
import { dateWithRocYear } from './dates';
import { ScrollRegion } from '../../../components/ui/scroll-region';

function FollowUp({ record }: { record: ScreeningRecordView }) {
  const followUp = record.followUp;
  if (!followUp) return <>—</>;
  const dates = [
    followUp.referredOn ? `轉介 ${formatTaipeiDate(followUp.referredOn)}` : null,
    followUp.diagnosedOn ? `確診 ${formatTaipeiDate(followUp.diagnosedOn)}` : null,
    followUp.closedOn ? `結案 ${formatTaipeiDate(followUp.closedOn)}` : null,
  ].filter(Boolean);
  return (
    <>
      {followUp.open ? <strong className="follow-up-open">{followUp.stateLabel}</strong> : followUp.stateLabel}
      {dates.length > 0 ? <span className="cell-note">{dates.join('；')}</span> : null}
    </>
  );
}

function LastRecord({ row }: { row: ScreeningServiceRow }) {
  if (!row.last) return <>尚無紀錄</>;
  return (
    <>
      <time dateTime={row.last.date}>{formatTaipeiDate(row.last.date)}</time>
      {row.last.visitNumber ? <span className="cell-note">第 {row.last.visitNumber} 次</span> : null}
      {row.recordCount > 1 ? <span className="cell-note">共 {row.recordCount} 筆</span> : null}
    </>
  );
}

function Eligibility({ row }: { row: ScreeningServiceRow }) {
  const { eligibility } = row;
  return (
    <>
      <span className={`eligibility eligibility-${eligibility.status.toLowerCase()}`}>{eligibility.statusLabel}</span>
      {eligibility.nextDate ? <span className="cell-note">{formatTaipeiDate(eligibility.nextDate)} 起可受檢</span> : null}
    </>
  );
}

const RULES_BY_ID = new Map(RULE_TABLE.map((rule) => [rule.id, rule]));

/**
 * The rule version that decided, as the counter reads it: since when and what it covers
 * (「依規定（2025/01/01 起）：40–74 歲女性每 2 年 1 次」), not its id. An id this build does not
 * know (a newer rule table on the server) is shown as it is.
 */
function RuleNote({ id }: { id: string }) {
  const rule = RULES_BY_ID.get(id);
  if (!rule) return <span className="cell-note">依規定 {id}</span>;
  return (
    <span className="cell-note">
      依規定{rule.effectiveFrom ? `（${formatTaipeiDate(rule.effectiveFrom)} 起）` : ''}：{rule.summary}
    </span>
  );
}

/** An abnormal result still awaiting follow-up, also when the latest record of the service is another one. */
function OpenFollowUpNote({ row }: { row: ScreeningServiceRow }) {
  const open = row.openFollowUp;
  if (!open || open.date === row.last?.date) return null;
  return (
    <span className="cell-note">
      {formatTaipeiDate(open.date)} {open.resultLabel}：{open.followUp?.stateLabel}
    </span>
  );
}

/** The result page: the person's header, the follow-ups that need someone, one row per service. */
export const ScreeningResult = forwardRef<HTMLHeadingElement, { result: ScreeningLookupResult }>(function ScreeningResult({ result }, headingRef) {
  const { person } = result;
  const awaiting = result.services.filter((row) => row.openFollowUp);
  return (
    <section aria-labelledby="screening-result-heading" className="screening-result">
      <div className="screening-result-heading">
        <h2 id="screening-result-heading" ref={headingRef} tabIndex={-1}>
          查詢結果
        </h2>
        <button type="button" className="button button-secondary no-print" onClick={() => window.print()}>
          列印
        </button>
      </div>
      <p className="print-only print-notice">本資料含個人健康資訊，僅供{result.purposeLabel}使用，請妥善保管，用畢銷毀。</p>
      <dl className="facts screening-person">
        <dt>身分證字號</dt>
        <dd>{person.maskedNationalId}</dd>
        <dt>出生日期</dt>
        <dd>{dateWithRocYear(person.birthDate)}</dd>
        <dt>性別</dt>
        <dd>{person.sexLabel}</dd>
        <dt>年齡</dt>
        <dd>{person.calendarAge} 歲（依補助規定以年度計：查詢年 − 出生年）</dd>
        <dt>原住民</dt>
        <dd>{person.indigenous ? '是' : '否'}</dd>
        <dt>資格判定日</dt>
        <dd>{formatTaipeiDate(result.asOf)}</dd>
        <dt>查詢目的</dt>
        <dd>{result.purposeLabel}</dd>
      </dl>
      {awaiting.length > 0 ? (
        <div className="alert alert-attention" role="note" aria-labelledby="screening-follow-up-heading">
          <h3 id="screening-follow-up-heading">異常結果待追蹤（{awaiting.length} 項）</h3>
          <ul>
            {awaiting.map((row) => (
              <li key={row.service}>
                {row.serviceLabel}：{formatTaipeiDate(row.openFollowUp!.date)} {row.openFollowUp!.resultLabel}，{row.openFollowUp!.followUp?.stateLabel}
                {row.openFollowUp!.institution.name ? `（${row.openFollowUp!.institution.name}）` : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ScrollRegion>
        <table className="data-table screening-table">
          <caption>各項預防保健服務紀錄及今日受檢資格</caption>
          <thead>
            <tr>
              <th scope="col">服務項目</th>
              <th scope="col">最近一次</th>
              <th scope="col">機構</th>
              <th scope="col">結果</th>
              <th scope="col">追蹤</th>
              <th scope="col">今日資格</th>
              <th scope="col">說明</th>
            </tr>
          </thead>
          <tbody>
            {result.services.map((row) => (
              <tr key={row.service} className={row.openFollowUp ? 'row-attention' : undefined}>
                <th scope="row" data-label="服務項目">
                  {row.serviceLabel}
                  {row.openFollowUp ? <span className="attention-mark">待追蹤</span> : null}
                </th>
                <td data-label="最近一次">
                  <LastRecord row={row} />
                </td>
                <td data-label="機構">{row.last ? (row.last.institution.name ?? row.last.institution.code) : '—'}</td>
                <td data-label="結果">{row.last ? (row.last.abnormal ? <strong>{row.last.resultLabel}</strong> : row.last.resultLabel) : '—'}</td>
                <td data-label="追蹤">
                  {row.last ? <FollowUp record={row.last} /> : '—'}
                  <OpenFollowUpNote row={row} />
                </td>
                <td data-label="今日資格">
                  <Eligibility row={row} />
                </td>
                <td data-label="說明">
                  {row.eligibility.reason}
                  {row.eligibility.ruleVersion ? <RuleNote id={row.eligibility.ruleVersion} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
});
