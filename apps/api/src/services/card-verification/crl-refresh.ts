import type { CardCrl } from './certificates.js';
import { readCrlSource, type CardTrustStore, type CrlLocation } from './trust-store.js';

/**
 * Keeps the CRLs of the card trust store current without a restart: every source (CARD_CRLS
 * files, CARD_CRL_URLS distribution points, the test PKI's file) is read again on a schedule,
 * and sooner when a CRL in use nears its nextUpdate. A source that fails keeps its last CRLs
 * (the verifier refuses them once stale, never accepts a card unchecked).
 */

/** Reload this long before the earliest nextUpdate, so that a CA's new CRL is in use before the old one lapses. */
export const CRL_RELOAD_MARGIN_MS = 10 * 60 * 1000;
/** How often to try again while a CRL is within the margin, or stale, and no newer one has come. */
export const CRL_RETRY_MS = 60 * 1000;

export interface StaleCrl {
  issuer: string;
  /** ISO time; null when the CRL names none (never current). */
  nextUpdate: string | null;
}

/** The CRLs whose nextUpdate has passed (or that have none). */
export function staleCrls(crls: readonly CardCrl[], now: Date): StaleCrl[] {
  return crls
    .filter((crl) => !crl.nextUpdate || crl.nextUpdate.getTime() <= now.getTime())
    .map((crl) => ({ issuer: crl.x509.issuer, nextUpdate: crl.nextUpdate?.toISOString() ?? null }));
}

/**
 * Milliseconds until the next reload: the regular interval, or earlier so as to reload
 * CRL_RELOAD_MARGIN_MS before the earliest nextUpdate; within that margin (or stale) every
 * CRL_RETRY_MS, never more often than the interval itself asks.
 */
export function nextCrlReloadDelay(crls: readonly CardCrl[], now: Date, intervalMs: number): number {
  let delay = intervalMs;
  for (const crl of crls) {
    const remaining = (crl.nextUpdate?.getTime() ?? now.getTime()) - now.getTime();
    delay = Math.min(delay, remaining > CRL_RELOAD_MARGIN_MS + CRL_RETRY_MS ? remaining - CRL_RELOAD_MARGIN_MS : CRL_RETRY_MS);
  }
  return Math.max(Math.min(delay, intervalMs), Math.min(intervalMs, 1000));
}

export interface CrlReloadLog {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
  info(details: object, message: string): void;
}

/** Reads every source again; returns the store with the CRLs of the sources that answered replaced. */
export async function reloadCrls(store: CardTrustStore, log: CrlReloadLog, read?: (file: string) => Promise<Buffer>): Promise<CardTrustStore> {
  const bySource = new Map(store.crlsBySource);
  let changed = false;
  await Promise.all(
    store.crlSources.map(async (source: CrlLocation) => {
      try {
        const crls = await readCrlSource(source, read);
        const before = bySource.get(source.location) ?? [];
        const same = before.length === crls.length && before.every((crl, index) => crl.der.equals(crls[index]!.der));
        if (same) return;
        bySource.set(source.location, crls);
        changed = true;
        log.info({ source: source.location, thisUpdate: crls.map((crl) => crl.thisUpdate.toISOString()) }, 'card CRL reloaded');
      } catch (error) {
        log.warn({ source: source.location, err: error }, 'card CRL source could not be read; keeping its last CRL');
      }
    }),
  );
  if (!changed) return store;
  return { ...store, crlsBySource: bySource, crls: store.crlSources.flatMap((source) => bySource.get(source.location) ?? []) };
}

/** Says loudly what a stale CRL means: an operator has to act. */
export function reportStaleCrls(store: CardTrustStore, log: CrlReloadLog, now: Date = new Date()): StaleCrl[] {
  const stale = staleCrls(store.crls, now);
  for (const crl of stale) {
    log.error(crl, 'card CRL is STALE (nextUpdate passed): every 醫事機構卡 of this issuer is refused until a current CRL is loaded (CARD_CRLS / CARD_CRL_URLS)');
  }
  const missing = store.crlSources.filter((source) => !(store.crlsBySource.get(source.location)?.length));
  for (const source of missing) log.error({ source: source.location }, 'card CRL source has delivered no CRL: its cards are refused');
  return stale;
}
