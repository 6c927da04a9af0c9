import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { loadCardTrustStore, type CardTrustStore, type CardTrustStoreEnv } from '../services/card-verification/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Trust anchors, intermediates, CRLs and the institution-card profile (醫事機構卡驗證). */
    cardTrustStore: CardTrustStore;
    /** How long a card challenge can be answered. */
    cardChallengeTtlMs: number;
  }
}

export interface CardTrustStorePluginOptions {
  env: CardTrustStoreEnv & { CARD_CHALLENGE_TTL_SECONDS: number };
  /** Base for relative paths in the environment (default: the process's working directory). */
  cwd?: string;
}

/**
 * Loads the trust store once at start-up; a bad configuration stops the start (better than
 * refusing every card later). Production never trusts the test CA: parseEnv and the loader both
 * refuse CARD_TRUST_TEST_CA=true with NODE_ENV=production.
 */
export const cardTrustStorePlugin = fp(
  async (app: FastifyInstance, options: CardTrustStorePluginOptions) => {
    const store = await loadCardTrustStore({ env: options.env, ...(options.cwd && { cwd: options.cwd }) });
    if (!store.configured) app.log.warn('no card trust anchor configured: every 醫事機構卡 is refused (紙本審核 still works)');
    if (store.trustsTestCa) app.log.warn('CARD_TRUST_TEST_CA=true: cards of the tools/card-sim test CA are trusted (demo only)');
    app.decorate('cardTrustStore', store);
    app.decorate('cardChallengeTtlMs', options.env.CARD_CHALLENGE_TTL_SECONDS * 1000);
  },
  { name: 'card-trust-store' },
);
