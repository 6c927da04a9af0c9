import type { Session } from '@portal/shared';
import type { SessionTimeout } from './api-client';

/**
 * One refresh for all the tabs of the portal (decision 002). Every tab of a browser sends the
 * same refresh cookie; two tabs refreshing at once would both present it. The API forgives that
 * for a few seconds, but each tab would still rotate the token: here the first tab refreshes
 * under the Web Lock 'portal-refresh' and tells the others over a BroadcastChannel what came of
 * it; a tab that finds the lock taken waits for that news instead of refreshing too. Browsers
 * without Web Locks announce a refresh on the channel before starting it.
 */
export type RefreshOutcome =
  | { kind: 'refreshed'; session: Session }
  /** The session is over (401), with the timeout that ended it if one did. */
  | { kind: 'lost'; timeout?: SessionTimeout | undefined }
  /** The API could not be asked (network, 5xx): the tab that waited tries itself. */
  | { kind: 'failed' };

type Message = { type: 'started' } | { type: 'outcome'; outcome: RefreshOutcome };

export const REFRESH_LOCK = 'portal-refresh';
export const REFRESH_CHANNEL = 'portal-refresh';
/** How long a tab waits for another tab's refresh before refreshing itself. */
const PEER_TIMEOUT_MS = 10_000;

export interface TabPeers {
  locks?: Pick<LockManager, 'request'> | undefined;
  channel?: BroadcastChannel | undefined;
  peerTimeoutMs?: number;
}

export interface RefreshCoordinator {
  /** Runs `refresh`, unless another tab is refreshing: then its outcome is this tab's too. */
  run(refresh: () => Promise<RefreshOutcome>): Promise<RefreshOutcome>;
  /** Hears the outcome of another tab's refresh that this tab was not waiting for (new deadlines, a lost session). */
  onPeerOutcome(listener: (outcome: RefreshOutcome) => void): void;
}

/** The browser's own: Web Locks and a BroadcastChannel where they exist. */
export function browserTabPeers(): TabPeers {
  return {
    locks: typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined,
    channel: typeof BroadcastChannel === 'function' ? new BroadcastChannel(REFRESH_CHANNEL) : undefined,
  };
}

export function createRefreshCoordinator({ locks, channel, peerTimeoutMs = PEER_TIMEOUT_MS }: TabPeers): RefreshCoordinator {
  /** The latest outcome another tab shared, with when it arrived here. */
  let latest: { at: number; outcome: RefreshOutcome } | undefined;
  /** When another tab last said it was starting a refresh. */
  let peerStartedAt: number | undefined;
  const waiters = new Set<() => void>();
  let running = 0;
  let peerListener: ((outcome: RefreshOutcome) => void) | undefined;

  channel?.addEventListener('message', (event: MessageEvent<Message>) => {
    const message = event.data;
    if (message.type === 'started') {
      peerStartedAt = Date.now();
      return;
    }
    latest = { at: Date.now(), outcome: message.outcome };
    for (const wake of waiters) wake();
    if (running === 0) peerListener?.(message.outcome);
  });

  const outcomeSince = (since: number) => (latest && latest.at >= since ? latest.outcome : undefined);

  /** Another tab's outcome arriving from `since` on, or undefined after the timeout. */
  const peerOutcome = (since: number) =>
    new Promise<RefreshOutcome | undefined>((resolve) => {
      const done = () => {
        const outcome = outcomeSince(since);
        if (!outcome) return;
        clearTimeout(timer);
        waiters.delete(done);
        resolve(outcome);
      };
      const timer = setTimeout(() => {
        waiters.delete(done);
        resolve(undefined);
      }, peerTimeoutMs);
      waiters.add(done);
      done();
    });

  const usable = (outcome: RefreshOutcome | undefined) => (outcome && outcome.kind !== 'failed' ? outcome : undefined);

  async function coordinate(refresh: () => Promise<RefreshOutcome>): Promise<RefreshOutcome> {
    const since = Date.now();
    const refreshAndShare = async () => {
      channel?.postMessage({ type: 'started' } satisfies Message);
      const outcome = await refresh();
      channel?.postMessage({ type: 'outcome', outcome } satisfies Message);
      return outcome;
    };
    if (locks) {
      const mine = await locks.request(REFRESH_LOCK, { ifAvailable: true }, (lock) => (lock ? refreshAndShare() : undefined));
      if (mine) return mine;
      // Another tab holds the lock: it is refreshing and will say how it went.
      const peer = usable(await peerOutcome(since));
      if (peer) return peer;
      return locks.request(REFRESH_LOCK, () => usable(outcomeSince(since)) ?? refreshAndShare());
    }
    const peerBusy = peerStartedAt !== undefined && Date.now() - peerStartedAt < peerTimeoutMs && !outcomeSince(peerStartedAt);
    if (peerBusy) {
      const peer = usable(await peerOutcome(since));
      if (peer) return peer;
    }
    return refreshAndShare();
  }

  return {
    async run(refresh) {
      running += 1;
      try {
        return await coordinate(refresh);
      } finally {
        running -= 1;
      }
    },
    onPeerOutcome(listener) {
      peerListener = listener;
    },
  };
}
