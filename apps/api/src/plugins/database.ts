import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Database, NationalIdCrypto } from '@portal/db';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    nationalIdCrypto: NationalIdCrypto;
  }
}

/**
 * Hands the already-open database to the routes. The caller owns it (opens it, migrates it,
 * closes it), so that tests can share one database between several app instances.
 */
export const databasePlugin = fp(
  async (app: FastifyInstance, options: { db: Database; nationalIdCrypto: NationalIdCrypto }) => {
    app.decorate('db', options.db);
    app.decorate('nationalIdCrypto', options.nationalIdCrypto);
  },
  { name: 'database' },
);
