// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata
// polyfill loaded first. Import x509 from here, never directly, so the order always holds.
import 'reflect-metadata';

export * from '@peculiar/x509';
