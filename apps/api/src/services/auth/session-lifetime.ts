import type { SessionEndReason } from '@portal/shared';

/**
 * How long a login lives (decision 002): it ends after `idleMs` without use and
 * `absoluteMs` after it began, whatever happens. Both come from the environment
 * (SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS); each refresh-token row stores its idle
 * deadline (`expires_at`) and the family's absolute end (`absolute_expires_at`).
 */
export interface SessionLifetime {
  idleMs: number;
  absoluteMs: number;
}

/** Access tokens are short so that a stolen one is short-lived; revocation is checked anyway. */
export const ACCESS_TOKEN_TTL_MS = 10 * 60 * 1000;

export const sessionLifetimeOf = (env: { SESSION_IDLE_MINUTES: number; SESSION_ABSOLUTE_HOURS: number }): SessionLifetime => ({
  idleMs: env.SESSION_IDLE_MINUTES * 60_000,
  absoluteMs: env.SESSION_ABSOLUTE_HOURS * 3_600_000,
});

export interface SessionDeadlines {
  /** Refused after this unless a refresh moves it on. */
  idleExpiresAt: Date;
  /** No refresh moves this. */
  absoluteExpiresAt: Date;
}

const earliest = (...dates: Date[]) => new Date(Math.min(...dates.map((date) => date.getTime())));

/** A new login's deadlines. */
export function deadlinesOfLogin(lifetime: SessionLifetime, now: Date): SessionDeadlines {
  const absoluteExpiresAt = new Date(now.getTime() + lifetime.absoluteMs);
  return { idleExpiresAt: earliest(new Date(now.getTime() + lifetime.idleMs), absoluteExpiresAt), absoluteExpiresAt };
}

/**
 * The idle deadline a refresh sets: the user's last activity (now − `idleSeconds`, as the SPA
 * reports it) + the idle timeout, never past the absolute end. A client that reports nothing is
 * taken as active now; reporting can only shorten the session, never lengthen it.
 */
export function idleDeadlineAfterRefresh(lifetime: SessionLifetime, now: Date, idleSeconds: number, absoluteExpiresAt: Date): Date {
  return earliest(new Date(now.getTime() - idleSeconds * 1000 + lifetime.idleMs), absoluteExpiresAt);
}

/** Why a login is over at `now`, or undefined while it lasts. */
export function endReasonAt(deadlines: SessionDeadlines, now: Date): SessionEndReason | undefined {
  if (deadlines.absoluteExpiresAt <= now) return 'absolute';
  if (deadlines.idleExpiresAt <= now) return 'idle';
  return undefined;
}

/** An access token never outlives its session's deadlines. */
export function accessTokenExpiry(deadlines: SessionDeadlines, now: Date): Date {
  return earliest(new Date(now.getTime() + ACCESS_TOKEN_TTL_MS), deadlines.idleExpiresAt, deadlines.absoluteExpiresAt);
}
