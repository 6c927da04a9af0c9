import { afterEach, describe, expect, it } from 'vitest';
import { sessions } from '../testing/handlers/auth';
import { createRefreshCoordinator, REFRESH_CHANNEL, type RefreshOutcome, type TabPeers } from './refresh-across-tabs';

/**
 * Tabs of one browser, each with its own coordinator: real BroadcastChannels (Node's), and one
 * lock manager for all of them with the Web Locks semantics the coordinator uses (exclusive,
 * queued in order, `ifAvailable` answering null at once when taken).
 */
function sharedLocks(): Pick<LockManager, 'request'> {
  const held = new Set<string>();
  const queues = new Map<string, (() => void)[]>();
  const release = (name: string) => {
    const next = queues.get(name)?.shift();
    if (next) next();
    else held.delete(name);
  };
  async function request(name: string, ...args: unknown[]): Promise<unknown> {
    const options = (args.length > 1 ? args[0] : {}) as LockOptions;
    const callback = args.at(-1) as (lock: Lock | null) => unknown;
    if (held.has(name)) {
      if (options.ifAvailable) return callback(null);
      await new Promise<void>((resolve) => queues.set(name, [...(queues.get(name) ?? []), resolve]));
    } else {
      held.add(name);
    }
    try {
      return await callback({ name, mode: 'exclusive' });
    } finally {
      release(name);
    }
  }
  return { request: request as LockManager['request'] };
}

const channels: BroadcastChannel[] = [];
const tab = (peers: Omit<TabPeers, 'channel'> & { channel?: boolean }) => {
  const channel = peers.channel === false ? undefined : new BroadcastChannel(REFRESH_CHANNEL);
  if (channel) channels.push(channel);
  return createRefreshCoordinator({ ...peers, channel });
};
afterEach(() => {
  for (const channel of channels.splice(0)) channel.close();
});

const refreshed: RefreshOutcome = { kind: 'refreshed', session: sessions.GENERAL_USER };

/** A refresh that answers when told to, counting how often it was asked. */
function pendingRefresh() {
  let calls = 0;
  let answer: (outcome: RefreshOutcome) => void = () => undefined;
  const settled = new Promise<RefreshOutcome>((resolve) => {
    answer = resolve;
  });
  return {
    refresh: () => {
      calls += 1;
      return settled;
    },
    answer: (outcome: RefreshOutcome) => answer(outcome),
    calls: () => calls,
  };
}

const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

/** Once the API answers the pending refresh, both tabs get its outcome from that one call. */
async function expectOneRefreshForBoth(api: ReturnType<typeof pendingRefresh>, one: Promise<RefreshOutcome>, two: Promise<RefreshOutcome>) {
  await tick();
  api.answer(refreshed);
  expect(await Promise.all([one, two])).toEqual([refreshed, refreshed]);
  expect(api.calls()).toBe(1);
}

describe('refresh across tabs', () => {
  it('with Web Locks, two tabs asking at once refresh once and both get the outcome', async () => {
    const locks = sharedLocks();
    const [first, second] = [tab({ locks }), tab({ locks })];
    const api = pendingRefresh();
    const one = first.run(api.refresh);
    const two = second.run(api.refresh);
    await expectOneRefreshForBoth(api, one, two);
  });

  it('without Web Locks, a tab that heard another one start waits for its outcome (BroadcastChannel)', async () => {
    const [first, second] = [tab({}), tab({})];
    const api = pendingRefresh();
    const one = first.run(api.refresh);
    await tick();
    const two = second.run(api.refresh);
    await expectOneRefreshForBoth(api, one, two);
  });

  it('passes a lost session on to the waiting tab', async () => {
    const locks = sharedLocks();
    const [first, second] = [tab({ locks }), tab({ locks })];
    const api = pendingRefresh();
    const lost: RefreshOutcome = { kind: 'lost', timeout: { reason: 'idle', message: '閒置逾時' } };
    const waiting = Promise.all([first.run(api.refresh), second.run(api.refresh)]);
    await tick();
    api.answer(lost);
    expect(await waiting).toEqual([lost, lost]);
    expect(api.calls()).toBe(1);
  });

  it('lets the waiting tab refresh itself when the other tab could not reach the API', async () => {
    const locks = sharedLocks();
    const [first, second] = [tab({ locks }), tab({ locks })];
    const failing = pendingRefresh();
    const one = first.run(failing.refresh);
    await tick();
    let ownCalls = 0;
    const two = second.run(async () => {
      ownCalls += 1;
      return refreshed;
    });
    await tick();
    failing.answer({ kind: 'failed' });
    expect(await one).toEqual({ kind: 'failed' });
    expect(await two).toEqual(refreshed);
    expect(ownCalls).toBe(1);
  });

  it('refreshes itself when the other tab never answers (the wait has an end)', async () => {
    const locks = sharedLocks();
    const first = createRefreshCoordinator({ locks, peerTimeoutMs: 50 });
    const second = tab({ locks, peerTimeoutMs: 50 });
    const stuck = pendingRefresh();
    void first.run(stuck.refresh);
    await tick(5);
    const two = second.run(async () => refreshed);
    // The lock is still held by the first tab: the second waits for it after its wait for news.
    await tick(100);
    stuck.answer({ kind: 'failed' });
    expect(await two).toEqual(refreshed);
  });

  it('tells a tab that was not waiting what another tab’s refresh came to (its new deadlines)', async () => {
    const locks = sharedLocks();
    const [first, second] = [tab({ locks }), tab({ locks })];
    const heard: RefreshOutcome[] = [];
    second.onPeerOutcome((outcome) => heard.push(outcome));
    await first.run(async () => refreshed);
    await tick();
    expect(heard).toEqual([refreshed]);
  });

  it('without any way to reach the other tabs, simply refreshes', async () => {
    const alone = tab({ channel: false });
    expect(await alone.run(async () => refreshed)).toEqual(refreshed);
  });
});
