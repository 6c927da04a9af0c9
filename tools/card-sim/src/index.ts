export * from './generate-test-pki.js';
export * from './server.js';
export * from './hipki-codes.js';
export * from './test-pki-constants.js';
export * as x509 from './x509.js';
