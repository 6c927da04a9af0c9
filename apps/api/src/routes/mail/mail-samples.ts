import { portalPaths } from '@portal/shared';
import { emailChangeLink, passwordResetLink, type MailTemplateData, type MailTemplateName } from '../../services/mail/templates.js';

/**
 * Every mail template with made-up data, for the development viewer's 範本 page (and the
 * end-to-end test that follows each of their links). Typed by template name, so a new template
 * without a sample does not compile; each variant that links elsewhere has its own sample.
 */
export function mailSamples(origin: string): { readonly [Name in MailTemplateName]: MailTemplateData[Name][] } {
  const person = { name: '王小明', accountName: 'wangxm' };
  const institution = { code: '9900000002', name: '示範診所' };
  return {
    'application-received': [
      { origin, ...person, applicationNo: 'A20261203-0001', institution, role: 'INSTITUTION_MANAGER', nextStep: 'INSTITUTION_VERIFICATION', subsystems: ['成人預防保健'] },
      { origin, ...person, applicationNo: 'A20261203-0002', institution, role: 'GENERAL_USER', nextStep: 'MANAGER_APPROVAL' },
    ],
    'account-activated': [{ origin, ...person }],
    'account-rejected': [{ origin, ...person, applicationNo: 'A20261203-0003', reason: '機構代碼與申請資料不符' }],
    'subsystem-approved': [{ origin, ...person, subsystemName: '成人預防保健' }],
    'subsystem-rejected': [{ ...person, subsystemName: '成人預防保健', reason: '非本子系統服務對象' }],
    'password-reset': [{ ...person, link: passwordResetLink(origin, 'sample-token'), expiresMinutes: 30 }],
    'email-change-confirm': [{ ...person, newEmail: 'new@example.com.tw', link: emailChangeLink(origin, 'sample-token'), expiresMinutes: 30 }],
    'email-change-notice': [{ origin, ...person, newEmail: 'new@example.com.tw' }],
    'manager-request-received': [{ ...person, applicationNo: 'MR20261203-0001', kind: 'A', dueAt: new Date('2026-12-08T00:00:00+08:00') }],
    'manager-request-decided': [
      { ...person, applicationNo: 'MR20261203-0001', kind: 'A', decision: 'APPROVED' },
      { ...person, applicationNo: 'MR20261203-0002', kind: 'B', decision: 'REJECTED', reason: '申請表未加蓋機構關防' },
    ],
    'subsystem-revoked': [{ ...person, subsystemName: '成人預防保健', reason: '已離職' }],
    'approver-digest': [
      { origin, name: '林管理', date: '2026/12/03', queues: [{ label: '一般使用者帳號申請', pending: 2, overdue: 1, path: portalPaths.institutionApplications }] },
      { origin, name: '陳子系統', date: '2026/12/03', queues: [{ label: '子系統：成人預防保健', pending: 3, overdue: 0, path: portalPaths.subsystemAccessRequests }] },
      { origin, name: '張系統', date: '2026/12/03', queues: [{ label: '管理者帳號申請、異動', pending: 1, overdue: 0, path: portalPaths.managerRequestQueue }] },
    ],
    'screening-lookup-alert': [
      { origin, name: '張系統', accountName: 'demouser', accountHolder: '李一般', institution: '示範診所', day: '2026-12-03', distinctPersons: 25, threshold: 20 },
    ],
  };
}
