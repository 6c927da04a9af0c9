import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import {
  loadCardTrustStore,
  nextCrlReloadDelay,
  reloadCrls,
  reportStaleCrls,
  staleCrls,
  type CardTrustStore,
  type CardTrustStoreEnv,
  type StaleCrl,
} from '../services/card-verification/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Trust anchors, intermediates, CRLs and the institution-card profile (醫事機構卡驗證); the CRLs reload on their own. */
    readonly cardTrustStore: CardTrustStore;
    /** How long a card challenge can be answered. */
    cardChallengeTtlMs: number;
    /** Reads every CRL source again now (the schedule does this by itself). */
    reloadCardCrls(): Promise<void>;
    /** For /readyz: are the CRLs in use current? */
    cardCrlStatus(): { status: 'current' | 'stale' | 'not-configured'; stale: StaleCrl[] };
  }
}

export interface CardTrustStorePluginOptions {
  env: CardTrustStoreEnv & { CARD_CHALLENGE_TTL_SECONDS: number; CARD_CRL_REFRESH_SECONDS: number };
  /** Base for relative paths in the environment (default: the process's working directory). */
  cwd?: string;
}

/**
 * Loads the trust store at start-up; a bad configuration stops the start (better than refusing
 * every card later). Production never trusts the test CA: parseEnv and the loader both refuse
 * CARD_TRUST_TEST_CA=true with NODE_ENV=production. The CRLs are then reloaded on a schedule
 * and before their nextUpdate (services/card-verification/crl-refresh.ts); a stale one is
 * logged as an error at each check and shown on /readyz.
 */
export const cardTrustStorePlugin = fp(
  async (app: FastifyInstance, options: CardTrustStorePluginOptions) => {
    const log = app.log.child({ component: 'card-trust-store' });
    let store = await loadCardTrustStore({
      env: options.env,
      ...(options.cwd && { cwd: options.cwd }),
      onCrlUrlError: (source, err) => log.error({ source: source.location, err }, 'card CRL distribution point could not be fetched at start; retrying on schedule'),
    });
    if (!store.configured) app.log.warn('no card trust anchor configured: every 醫事機構卡 is refused (紙本審核 still works)');
    if (store.trustsTestCa) app.log.warn('CARD_TRUST_TEST_CA=true: cards of the tools/card-sim test CA are trusted (demo only)');
    if (store.configured) reportStaleCrls(store, log);
    app.decorate('cardTrustStore', { getter: () => store });
    app.decorate('cardChallengeTtlMs', options.env.CARD_CHALLENGE_TTL_SECONDS * 1000);

    let reloading: Promise<void> | undefined;
    const reload = () =>
      (reloading ??= (async () => {
        store = await reloadCrls(store, log);
        if (store.configured) reportStaleCrls(store, log);
      })().finally(() => (reloading = undefined)));
    app.decorate('reloadCardCrls', reload);
    app.decorate('cardCrlStatus', () => {
      if (store.crlSources.length === 0) return { status: 'not-configured' as const, stale: [] };
      const stale = staleCrls(store.crls, new Date());
      const missing = store.crlSources.some((source) => !store.crlsBySource.get(source.location)?.length);
      return { status: stale.length > 0 || missing ? ('stale' as const) : ('current' as const), stale };
    });

    if (store.crlSources.length === 0) return;
    const intervalMs = options.env.CARD_CRL_REFRESH_SECONDS * 1000;
    let timer: NodeJS.Timeout | undefined;
    let closed = false;
    const schedule = () => {
      if (closed) return;
      timer = setTimeout(() => {
        reload()
          .catch((err: unknown) => log.error({ err }, 'card CRL reload failed'))
          .finally(schedule);
      }, nextCrlReloadDelay(store.crls, new Date(), intervalMs));
      // The schedule never keeps the process alive by itself.
      timer.unref();
    };
    app.addHook('onReady', async () => schedule());
    app.addHook('onClose', async () => {
      closed = true;
      clearTimeout(timer);
      await reloading;
    });
  },
  { name: 'card-trust-store' },
);
