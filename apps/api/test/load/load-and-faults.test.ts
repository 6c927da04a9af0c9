import { describe, expect, it } from 'vitest';
import { TEST_POSTGRES_URL } from '@portal/db';
import { runLoadAndFaults } from '../../bench/load-faults/harness.js';
import { loadFaultVerdict } from '../../bench/load-faults/verdict.js';
import { redisServerInstalled } from '../../bench/load-faults/services.js';
import { TEST_DATABASE } from '../helpers/test-database.js';

const ci = process.env.CI === 'true' || process.env.CI === '1';

/**
 * The load-and-fault run of bench/load-and-faults.ts, small: two real server processes on a
 * PostgreSQL database and a redis-server of this test's own, 20 clients, one instance killed
 * with SIGKILL and restarted, Redis killed and restarted. Under CI redis-server is required.
 */
describe.skipIf(TEST_DATABASE !== 'postgresql' || (!ci && !redisServerInstalled()))('load with faults (short)', () => {
  it('answers no 5xx, loses no 201, writes no half application, and the other instance serves on', async () => {
    const result = await runLoadAndFaults({
      clients: 20,
      durationMs: 10_000,
      faults: { kill: true, redis: true, postgres: false },
      postgres: { adminUrl: TEST_POSTGRES_URL },
      redisDownMs: 2000,
    });
    expect(loadFaultVerdict(result)).toEqual([]);
    expect(result.summary.total['5xx']).toBe(0);
    expect(result.consistency.answered201).toBeGreaterThan(0);
    expect(result.consistency).toMatchObject({ missing: 0, withoutAudit: 0, halfWritten: 0, orphanAuditRows: 0 });
    const names = result.windows.map((window) => window.name);
    expect(names).toContain('kill -9 and restart of one instance');
    expect(names).toContain('Redis down');
    // The clients of the instance that was not killed got every answer during the kill.
    const kill = result.summary.byWindow.find((window) => window.window === 'kill -9 and restart of one instance')!;
    expect(kill.otherInstance!.requests).toBeGreaterThan(0);
    expect(kill.otherInstance!.connectionErrors + kill.otherInstance!['5xx']).toBe(0);
    // Requests were answered while Redis was down, and the throttles wrote to it again once back.
    const redisDown = result.summary.byWindow.find((window) => window.window === 'Redis down')!;
    expect(redisDown.perSecond).toBeGreaterThan(0);
    expect(result.redisFailureLogLines).toBeGreaterThan(0);
    expect(result.redisKeysAtEnd).toBeGreaterThan(0);
  }, 180_000);
});
