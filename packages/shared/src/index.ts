export * from './messages.js';
export * from './contacts.js';
export * from './portal-paths.js';
export * from './audit-labels.js';
export * from './taipei-time.js';
export * from './upload-limits.js';
export * from './schemas/error.js';
export * from './schemas/text.js';
export * from './schemas/pagination.js';
export * from './schemas/institution.js';
export * from './schemas/content.js';
export * from './schemas/health.js';
export * from './rules/national-id.js';
export * from './rules/password-policy.js';
export * from './rules/contact-fields.js';
export * from './rules/role-rule.js';
export * from './rules/institution-search.js';
// Not here, to keep them out of the SPA's first bundle: './rules/password-strength.js' (zxcvbn's
// dictionaries, ~1 MB; '@portal/shared/password-strength') and './rules/fixtures.js' (the contract
// test tables; '@portal/shared/fixtures').
export * from './schemas/application.js';
export * from './schemas/auth.js';
export * from './schemas/account.js';
export * from './card/to-be-signed.js';
export * from './schemas/back-office.js';
export * from './schemas/manager-requests.js';
export * from './screening/index.js';
export * from './schemas/sso.js';
