import { accessStatusLabels, APPLICANT_ROLE_LABELS, type ApplicationResult } from '@portal/shared';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { DetailsList } from '../../../components/ui/details-list';
import { paths } from '../../../lib/site';
import { managerRequestPaths } from '../../../lib/manager-request-paths';
import { DataTable, type Column } from '../../../components/ui/data-table';

export const MANAGER_APPROVAL_TEXT = '您的申請已送出，需待貴機構之單位業務管理者核准後才能登入使用。';

const SUBSYSTEM_COLUMNS: readonly Column<ApplicationResult['subsystems'][number]>[] = [
  { label: '子系統', cell: (subsystem) => subsystem.name },
  { label: '狀態', cell: (subsystem) => accessStatusLabels[subsystem.status] },
];

/** After 201: what was recorded, and what the applicant does next. */
export function ApplicationResultView({ result }: { result: ApplicationResult }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="application-result" aria-labelledby="apply-result-title">
      <h2 id="apply-result-title" ref={headingRef} tabIndex={-1}>
        帳號申請已送出
      </h2>
      <DetailsList
        items={[
          ['申請編號', result.applicationNo],
          ['帳號', result.accountName],
          ['機構', `${result.institution.name}（${result.institution.code}）`],
          ['使用者角色別', APPLICANT_ROLE_LABELS[result.role]],
        ]}
      />

      <h3>申請的子系統</h3>
      {result.subsystems.length > 0 ? (
        <DataTable
          caption="申請的子系統及審核狀態"
          captionClassName="visually-hidden"
          columns={SUBSYSTEM_COLUMNS}
          items={result.subsystems}
          rowKey={(subsystem) => subsystem.code}
        />
      ) : (
        <p>未申請子系統（僅使用「篩檢結果查詢」功能）。</p>
      )}

      {result.nextStep === 'INSTITUTION_VERIFICATION' ? (
        <section className="verification-box" aria-labelledby="apply-verification-title">
          <h3 id="apply-verification-title">醫事機構卡驗證</h3>
          <p>
            ※親愛的使用者您好，您於申請帳號時選擇了[單位業務管理者]權限，如果您欲使用[醫事機構卡]驗證，則請插入卡片，輸入機構卡PIN碼，並點選[驗證機構卡]，驗證通過後，帳號即開通。
          </p>
          <p>※若沒有[醫事機構卡]可驗證或驗證失敗，則請選擇[紙本審核]。</p>
          <div className="verification-actions">
            <Link to={managerRequestPaths.applyCardVerification} className="button button-primary">
              醫事機構卡驗證
            </Link>
            <Link to={managerRequestPaths.applyPaperReview} className="button button-secondary">
              紙本審核
            </Link>
          </div>
        </section>
      ) : (
        <section className="verification-box" aria-labelledby="apply-approval-title">
          <h3 id="apply-approval-title">單位業務管理者核准</h3>
          <p>{MANAGER_APPROVAL_TEXT}</p>
          <p>
            您可隨時至「<Link to={paths.applicationStatus}>申請進度查詢</Link>」查看審核進度。
          </p>
        </section>
      )}
    </section>
  );
}
