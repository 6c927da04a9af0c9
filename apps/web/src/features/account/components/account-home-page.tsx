import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { Page } from '../../../components/ui/page';
import { isRoleNoticeState, manageLinks, managePaths } from '../../../lib/manage-links';
import { useOpenScreeningAlerts } from '../../../lib/screening-alerts';
import { useRequiredSession } from '../../../lib/session';
import { paths } from '../../../lib/site';
import { MySsoSessions } from './my-sso-sessions';
import { MySubsystems } from './my-subsystems';
import '../account.css';

function Card({ title, children }: { title: string; children: ReactNode }) {
  const id = `card-${title}`;
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id} className="card-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The back-office screens of the logged-in role (none for 一般使用者). */
function RoleManageLinks() {
  const session = useRequiredSession();
  const links = manageLinks[session.role];
  if (links.length === 0) return null;
  return (
    <ul className="manage-links">
      {links.map((link) => (
        <li key={link.to}>
          <Link to={link.to}>{link.label}</Link>：{link.description}
        </li>
      ))}
    </ul>
  );
}

/** 篩檢結果查詢 for institution accounts; the audit of it for staff, with the open alerts. */
function ScreeningCard({ institutionStaff, staff }: { institutionStaff: boolean; staff: boolean }) {
  const openAlerts = useOpenScreeningAlerts(staff);
  return (
    <Card title="篩檢結果查詢">
      {institutionStaff ? (
        <>
          <p>查詢民眾的預防保健服務紀錄、檢查結果與追蹤情形，以及今日是否符合受檢資格，不需申請子系統。</p>
          <p>
            <Link to={paths.screening}>前往篩檢結果查詢</Link>
          </p>
        </>
      ) : (
        <p>篩檢結果查詢供醫事機構帳號（單位業務管理者、一般使用者）使用。</p>
      )}
      {staff ? (
        <p>
          每一次查詢皆記錄於「<Link to={managePaths.screeningLookups}>篩檢結果查詢紀錄</Link>」；
          <Link to={managePaths.screeningAlerts}>篩檢查詢警示</Link>
          {openAlerts.data ? <strong>（{openAlerts.data} 件未處理）</strong> : '（無未處理警示）'}。
        </p>
      ) : null}
    </Card>
  );
}

/** The home after login: what this role can do now. */
export function AccountHomePage() {
  const session = useRequiredSession();
  const institutionStaff = session.role === 'INSTITUTION_MANAGER' || session.role === 'GENERAL_USER';
  const location = useLocation();
  const roleNotice = isRoleNoticeState(location.state) ? location.state.roleNotice : null;
  return (
    <Page title="我的服務" lead={`${session.name} 您好，您的角色是「${session.roleLabel}」${session.institution ? `（${session.institution.name}）` : ''}。`}>
      {roleNotice ? (
        <div className="alert alert-error">
          <p role="alert">{roleNotice}</p>
        </div>
      ) : null}
      <div className="card-grid">
        {session.role === 'INSTITUTION_MANAGER' ? (
          <Card title="單位帳號管理">
            <p>核准或停用貴機構一般使用者的帳號。</p>
            <RoleManageLinks />
          </Card>
        ) : null}
        {session.role === 'SUBSYSTEM_MANAGER' ? (
          <Card title="子系統申請審核">
            <p>您管理的子系統：</p>
            <ul>
              {session.managedSubsystems.map((subsystem) => (
                <li key={subsystem.code}>{subsystem.name}</li>
              ))}
            </ul>
            <RoleManageLinks />
          </Card>
        ) : null}
        {session.role === 'SYSTEM_STAFF' ? (
          <Card title="後台管理">
            <p>紙本審核、管理者帳號申請與異動、公告事項及下載專區維護。</p>
            <RoleManageLinks />
          </Card>
        ) : null}
        <ScreeningCard institutionStaff={institutionStaff} staff={session.role === 'SYSTEM_STAFF'} />
        <Card title="帳號資料">
          <p>
            修改聯絡資料或變更密碼，請至「<Link to={paths.accountProfile}>我的帳號</Link>」。
          </p>
        </Card>
      </div>
      {institutionStaff ? <MySubsystems /> : null}
      {institutionStaff ? <MySsoSessions /> : null}
    </Page>
  );
}
