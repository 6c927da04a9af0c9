export * from './messages.js';
export * from './contacts.js';
export * from './schemas/error.js';
export * from './schemas/pagination.js';
export * from './schemas/institution.js';
export * from './schemas/content.js';
export * from './schemas/health.js';
export * from './rules/national-id.js';
export * from './rules/password-policy.js';
export * from './rules/contact-fields.js';
export * from './rules/role-rule.js';
export * from './rules/fixtures.js';
// Not './rules/password-strength.js': it carries zxcvbn's dictionaries (~1 MB); import it from
// '@portal/shared/password-strength' where it is needed (the API; the SPA's Web Worker).
export * from './schemas/application.js';
export * from './schemas/auth.js';
export * from './schemas/account.js';
