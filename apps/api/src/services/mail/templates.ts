import type { RenderedMail } from './layout.js';
import {
  accountActivated,
  accountRejected,
  applicationReceived,
  type AccountActivatedData,
  type AccountRejectedData,
  type ApplicationReceivedData,
} from './templates/account.js';
import {
  emailChangeConfirm,
  emailChangeNotice,
  passwordReset,
  type EmailChangeConfirmData,
  type EmailChangeNoticeData,
  type PasswordResetData,
} from './templates/credentials.js';
import {
  managerRequestDecided,
  managerRequestReceived,
  type ManagerRequestDecidedData,
  type ManagerRequestReceivedData,
} from './templates/manager-request.js';
import {
  subsystemApproved,
  subsystemRejected,
  subsystemRevoked,
  type SubsystemApprovedData,
  type SubsystemRejectedData,
  type SubsystemRevokedData,
} from './templates/subsystem.js';
import { approverDigest, type ApproverDigestData } from './templates/back-office.js';
import { screeningLookupAlert, type ScreeningLookupAlertData } from './templates/screening.js';

export { escapeHtml, PORTAL_NAME, AUTO_MAIL_NOTICE, type RenderedMail } from './layout.js';
export { passwordResetLink, emailChangeLink } from './templates/credentials.js';
export { MANAGER_REQUEST_KIND_LABELS, type ManagerRequestKind } from './templates/manager-request.js';
export type {
  AccountActivatedData,
  AccountRejectedData,
  ApplicationReceivedData,
  EmailChangeConfirmData,
  EmailChangeNoticeData,
  ManagerRequestDecidedData,
  ManagerRequestReceivedData,
  PasswordResetData,
  SubsystemApprovedData,
  SubsystemRejectedData,
  SubsystemRevokedData,
  ApproverDigestData,
  ScreeningLookupAlertData,
};

/** Template name → the data it needs. The name is stored with each outbox row. */
export interface MailTemplateData {
  'application-received': ApplicationReceivedData;
  'account-activated': AccountActivatedData;
  'account-rejected': AccountRejectedData;
  'subsystem-approved': SubsystemApprovedData;
  'subsystem-rejected': SubsystemRejectedData;
  'password-reset': PasswordResetData;
  'email-change-confirm': EmailChangeConfirmData;
  'email-change-notice': EmailChangeNoticeData;
  'manager-request-received': ManagerRequestReceivedData;
  'manager-request-decided': ManagerRequestDecidedData;
  'subsystem-revoked': SubsystemRevokedData;
  'approver-digest': ApproverDigestData;
  'screening-lookup-alert': ScreeningLookupAlertData;
}
export type MailTemplateName = keyof MailTemplateData;

export const mailTemplates: { readonly [Name in MailTemplateName]: (data: MailTemplateData[Name]) => RenderedMail } = {
  'application-received': applicationReceived,
  'account-activated': accountActivated,
  'account-rejected': accountRejected,
  'subsystem-approved': subsystemApproved,
  'subsystem-rejected': subsystemRejected,
  'password-reset': passwordReset,
  'email-change-confirm': emailChangeConfirm,
  'email-change-notice': emailChangeNotice,
  'manager-request-received': managerRequestReceived,
  'manager-request-decided': managerRequestDecided,
  'subsystem-revoked': subsystemRevoked,
  'approver-digest': approverDigest,
  'screening-lookup-alert': screeningLookupAlert,
};

export const MAIL_TEMPLATE_NAMES = Object.keys(mailTemplates) as MailTemplateName[];

/** renderMail('password-reset', { accountName, link, expiresMinutes }) */
export function renderMail<Name extends MailTemplateName>(template: Name, data: MailTemplateData[Name]): RenderedMail {
  const render = mailTemplates[template] as (data: MailTemplateData[Name]) => RenderedMail;
  return render(data);
}
