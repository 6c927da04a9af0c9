export * from './messages.js';
export * from './contacts.js';
export * from './schemas/error.js';
export * from './schemas/pagination.js';
export * from './schemas/institution.js';
export * from './schemas/content.js';
export * from './schemas/health.js';
export * from './rules/national-id.js';
