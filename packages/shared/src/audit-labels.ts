/**
 * The zh-TW name of every audit action and record type, as 稽核紀錄 shows them. The API's
 * `recordAudit` takes only these actions, so an event without a name does not compile.
 */
export const AUDIT_ACTION_LABELS = {
  'auth.login.succeeded': '登入成功',
  'auth.login.failed': '登入失敗',
  'auth.logout': '登出',
  'auth.refresh.reuse-detected': '工作階段憑證遭重複使用（已全部登出）',
  'auth.session.expired': '登入逾時自動登出',
  'password.reset.requested': '申請重設密碼',
  'password.reset.completed': '完成重設密碼',
  'account.applied': '帳號申請',
  'account.activated': '帳號開通',
  'account.approved': '核准帳號申請',
  'account.rejected': '駁回帳號申請',
  'account.deactivated': '停用帳號',
  'account.reactivated': '重新啟用帳號',
  'account.profile.updated': '修改個人資料',
  'account.password.changed': '變更密碼',
  'account.email-change.requested': '申請變更 E-mail',
  'account.email-change.confirmed': '確認變更 E-mail',
  'subsystem-access.requested': '申請子系統',
  'subsystem-access.approved': '核准子系統申請',
  'subsystem-access.rejected': '駁回子系統申請',
  'subsystem-access.revoked': '停用子系統權限',
  'subsystem-manager.assigned': '指派子系統管理者',
  'subsystem-manager.removed': '移除子系統管理者',
  'subsystem.updated': '修改子系統',
  'institution.created': '新增機構',
  'institution.updated': '修改機構',
  'institution.closed': '關閉機構',
  'institution.reopened': '重新開放機構',
  'announcement.created': '新增公告',
  'announcement.updated': '修改公告',
  'announcement.published': '發佈公告',
  'announcement.unpublished': '下架公告',
  'download.created': '新增檔案',
  'download.updated': '修改檔案',
  'download.file-replaced': '上傳檔案新版本',
  'manager-request.created': '建立管理者帳號申請、異動',
  'manager-request.applied': '送出管理者帳號申請、異動',
  'manager-request.paper-chosen': '選擇紙本審核',
  'manager-request.scan-attached': '上傳申請表掃描檔',
  'manager-request.scan-replaced': '更換申請表掃描檔',
  'manager-request.approved': '核准管理者帳號申請、異動',
  'manager-request.rejected': '駁回管理者帳號申請、異動',
  'manager-request.cancelled': '取消管理者帳號申請、異動',
  'manager-request.applicant-auth.failed': '待驗證申請者帳號密碼錯誤',
  'card-verification.refused': '醫事機構卡驗證未通過',
  'screening.records.ingested': '接收篩檢紀錄',
  'screening.import.checked': '篩檢資料匯入試匹配',
  'screening.import.applied': '篩檢資料匯入',
  'screening.alert.raised': '篩檢查詢警示',
  'screening.alert.acknowledged': '處理篩檢查詢警示',
  'system.credentials.purged': '清除過期憑證',
  'system.files.purged': '清除未使用的檔案',
  'sso.sign-in': '經單一入口登入子系統',
  'sso.logout': '子系統要求登出單一入口',
  'sso.grants.revoked': '結束子系統登入（授權撤銷）',
  'sso.sessions.ended': '使用者登出子系統',
  'sso.signing-key.rotated': '輪替單一入口簽章金鑰',
  'oidc_client.created': '建立單一入口用戶端',
  'oidc_client.updated': '修改單一入口用戶端',
  'oidc_client.secret_rotated': '更換單一入口用戶端密鑰',
  'oidc_client.disabled': '停用單一入口用戶端',
  'oidc_client.enabled': '啟用單一入口用戶端',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

/** Record types of the audit trail (對象類型). */
export const AUDIT_ENTITY_TYPE_LABELS: Readonly<Record<string, string>> = {
  account: '帳號',
  session: '工作階段',
  'subsystem-access': '子系統申請',
  subsystem: '子系統',
  institution: '機構',
  announcement: '公告',
  download: '下載專區檔案',
  manager_request: '管理者帳號申請、異動',
  'screening-alert': '篩檢查詢警示',
  'screening-batch': '篩檢紀錄批次',
  'screening-import': '篩檢資料匯入',
  job: '排程工作',
  oidc_client: '單一入口用戶端',
};

/** An event's action in words; an action recorded by an older version keeps its code. */
export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Readonly<Record<string, string>>)[action] ?? action;
}

export function auditEntityTypeLabel(entityType: string): string {
  return AUDIT_ENTITY_TYPE_LABELS[entityType] ?? entityType;
}
