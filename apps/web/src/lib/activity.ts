/**
 * When the user last did something (a key, a click, a touch, the wheel) in any tab of the
 * portal: the idle timeout counts from it (decision 002). Kept in memory and, for the
 * other tabs, in localStorage (written at most every few seconds). Background requests are not
 * activity: a refresh reports the idle time, so a poll does not keep an unattended session alive.
 */
const STORAGE_KEY = 'portal:last-activity';
const WRITE_EVERY_MS = 5_000;
const EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

let lastActivity = Date.now();
let lastWritten = 0;

function stored(): number {
  try {
    const value = Number(localStorage.getItem(STORAGE_KEY));
    return Number.isFinite(value) ? value : 0;
  } catch {
    return 0;
  }
}

/** The user did something now (also what 繼續使用 says). */
export function noteActivity(now = Date.now()): void {
  lastActivity = now;
  if (now - lastWritten < WRITE_EVERY_MS) return;
  lastWritten = now;
  try {
    localStorage.setItem(STORAGE_KEY, String(now));
  } catch {
    // Storage may be off (private mode): this tab's own activity still counts.
  }
}

/** The latest activity of this tab or another one. */
export function lastActivityAt(): number {
  return Math.max(lastActivity, stored());
}

/** Whole seconds since the latest activity, as POST /api/auth/refresh takes them. */
export function secondsSinceActivity(now = Date.now()): number {
  return Math.max(0, Math.floor((now - lastActivityAt()) / 1000));
}

/** Listens for the user's activity on this page; returns the way to stop. */
export function trackActivity(target: Document = document): () => void {
  const listener = () => noteActivity();
  for (const event of EVENTS) target.addEventListener(event, listener, { capture: true, passive: true });
  return () => {
    for (const event of EVENTS) target.removeEventListener(event, listener, { capture: true });
  };
}
