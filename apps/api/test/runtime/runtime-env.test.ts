import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { withApiRuntimeEnv } from '../../runtime-env.mjs';

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
    const env = { ...process.env };
    delete env.UV_THREADPOOL_SIZE;
    const run = spawnSync(process.execPath, [launcher, script, 'first', 'second'], { env, encoding: 'utf8' });
    expect(run.status).toBe(3);
    expect(JSON.parse(run.stdout)).toEqual({ size: String(Math.max(2, availableParallelism())), args: ['first', 'second'] });
  });

  it('refuses to start without an entry', () => {
    const run = spawnSync(process.execPath, [launcher], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage');
  });
});
