export * from './dates.js';
export * from './services.js';
export * from './rule-types.js';
export * from './rule-table.js';
export * from './eligibility.js';
export * from './schemas.js';
export * from './csv-columns.js';
