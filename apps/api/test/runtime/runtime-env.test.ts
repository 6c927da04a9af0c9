import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiNodeFlags, withApiRuntimeEnv } from '../../runtime-env.mjs';

const launcher = fileURLToPath(new URL('../../runtime-env.mjs', import.meta.url));

describe('runtime-env (the API launcher)', () => {
  it('sizes the thread pool to the cores, at least 2, and keeps the rest of the environment', () => {
    const env = withApiRuntimeEnv({ PATH: '/usr/bin' });
    expect(env).toEqual({ PATH: '/usr/bin', UV_THREADPOOL_SIZE: String(Math.max(2, availableParallelism())) });
  });

  it("keeps the operator's own size", () => {
    expect(withApiRuntimeEnv({ UV_THREADPOOL_SIZE: '8' }).UV_THREADPOOL_SIZE).toBe('8');
  });

  it('starts the entry with the size in its environment, passing its arguments and exit code', () => {
    const script = fileURLToPath(new URL('./print-pool-size.mjs', import.meta.url));
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: 'postgresql://localhost/portal' };
    delete env.UV_THREADPOOL_SIZE;
    const run = spawnSync(process.execPath, [launcher, script, 'first', 'second'], { env, encoding: 'utf8' });
    expect(run.status).toBe(3);
    expect(JSON.parse(run.stdout)).toMatchObject({ size: String(Math.max(2, availableParallelism())), args: ['first', 'second'], flags: [] });
  });

  it('keeps the embedded PGlite on the baseline WebAssembly compiler, and PostgreSQL setups as they are', () => {
    expect(apiNodeFlags({ DATABASE_URL: '' })).toEqual(['--liftoff-only']);
    expect(apiNodeFlags({})).toEqual(['--liftoff-only']);
    expect(apiNodeFlags({ DATABASE_URL: 'postgresql://localhost/portal' })).toEqual([]);
  });

  it('starts the embedded API in a child with the flag even when the thread pool is already sized', () => {
    const script = fileURLToPath(new URL('./print-pool-size.mjs', import.meta.url));
    const run = spawnSync(process.execPath, [launcher, script], { env: { ...process.env, UV_THREADPOOL_SIZE: '3', DATABASE_URL: '' }, encoding: 'utf8' });
    expect(run.status).toBe(3);
    const child = JSON.parse(run.stdout);
    expect(child).toMatchObject({ size: '3', args: [], flags: ['--liftoff-only'] });
    expect(child.pid).not.toBe(run.pid);
  });

  it('runs the entry in its own process when the size and the flags are already right', () => {
    const script = fileURLToPath(new URL('./print-pool-size.mjs', import.meta.url));
    const env = { ...process.env, UV_THREADPOOL_SIZE: '3', DATABASE_URL: '' };
    const run = spawnSync(process.execPath, ['--liftoff-only', launcher, script], { env, encoding: 'utf8' });
    expect(run.status).toBe(3);
    expect(JSON.parse(run.stdout)).toEqual({ size: '3', args: [], flags: ['--liftoff-only'], pid: run.pid });
  });

  it('refuses to start without an entry', () => {
    const run = spawnSync(process.execPath, [launcher], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage');
  });
});
