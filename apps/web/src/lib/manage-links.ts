import { portalPaths, type AccountRole } from '@portal/shared';
import { managerRequestPaths } from './manager-request-paths';

/** The back-office routes (/manage/*), in one place for the router, the links and the tests. */
export const managePaths = {
  applications: portalPaths.institutionApplications,
  accounts: '/manage/accounts',
  accessRequests: portalPaths.subsystemAccessRequests,
  institutions: '/manage/institutions',
  subsystems: '/manage/subsystems',
  announcements: '/manage/announcements',
  downloads: '/manage/downloads',
  accountSearch: '/manage/account-search',
  auditEvents: '/manage/audit-events',
  screeningLookups: '/manage/screening-lookups',
  screeningAlerts: portalPaths.screeningAlerts,
  screeningImport: '/manage/screening-import',
  institutionScreeningLookups: '/manage/institution-screening-lookups',
} as const;

export const ROLE_REQUIRED_MESSAGE = '您的帳號沒有使用此功能的權限。';

/** Router state of the /manage/* guard's redirect: 我的服務 says why. */
export interface RoleNoticeState {
  roleNotice: string;
}

export function isRoleNoticeState(state: unknown): state is RoleNoticeState {
  return typeof state === 'object' && state !== null && typeof (state as { roleNotice?: unknown }).roleNotice === 'string';
}

export interface ManageLink {
  to: string;
  label: string;
  description: string;
}

/** The back-office screens each role may open (the /manage/* route guards use the same roles). */
export const manageLinks: Readonly<Record<AccountRole, readonly ManageLink[]>> = {
  INSTITUTION_MANAGER: [
    { to: managePaths.applications, label: '一般使用者申請審核', description: '核准或駁回貴機構一般使用者的帳號申請。' },
    { to: managePaths.accounts, label: '單位帳號管理', description: '查看貴機構的帳號與狀態，停用或重新啟用一般使用者。' },
    { to: managePaths.institutionScreeningLookups, label: '本機構篩檢查詢紀錄', description: '查看貴機構帳號查詢民眾篩檢結果的紀錄（查詢者、目的、時間、來源）。' },
  ],
  GENERAL_USER: [],
  SUBSYSTEM_MANAGER: [
    { to: managePaths.accessRequests, label: '子系統申請審核', description: '審核、批次核准或撤銷您管理的子系統的使用申請。' },
  ],
  SYSTEM_STAFF: [
    { to: managerRequestPaths.staffQueue, label: '管理者帳號申請審核', description: '審核管理者帳號申請、停用及權限異動的紙本申請（逾期者列於最前）。' },
    { to: managePaths.institutions, label: '機構管理', description: '查詢、新增、修改或關閉醫事機構。' },
    { to: managePaths.subsystems, label: '子系統管理', description: '修改子系統資料，指派或移除子系統管理者。' },
    { to: managePaths.announcements, label: '公告管理', description: '新增、修改、發佈或下架公告事項。' },
    { to: managePaths.downloads, label: '下載專區管理', description: '上傳檔案或檔案的新版本。' },
    { to: managePaths.accountSearch, label: '帳號查詢', description: '依帳號、姓名、機構或身分證查詢帳號。' },
    { to: managePaths.auditEvents, label: '稽核紀錄', description: '查詢與匯出系統的稽核紀錄。' },
    { to: managePaths.screeningLookups, label: '篩檢結果查詢紀錄', description: '稽核每一次篩檢結果查詢：查詢者、對象、目的、時間與來源。' },
    { to: managePaths.screeningAlerts, label: '篩檢查詢警示', description: '單一帳號一天內查詢異常多位民眾時的警示。' },
    { to: managePaths.screeningImport, label: '篩檢資料匯入', description: '以 CSV 補登子系統的篩檢紀錄（可先試匹配）。' },
  ],
};
