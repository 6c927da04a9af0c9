export * from './refusals.js';
export * from './challenge.js';
export * from './certificates.js';
export * from './institution-card-profile.js';
export * from './verify-card-signature.js';
export * from './trust-store.js';
export * from './to-be-signed.js';
export * from './crl-refresh.js';
