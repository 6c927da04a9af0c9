/**
 * The outside services the load-and-fault run breaks on purpose, each its own process on a port
 * of its own, so that stopping them disturbs nobody else on the machine: a redis-server, and
 * (where the PostgreSQL server binaries are installed) a throw-away PostgreSQL cluster.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../test/helpers/free-port.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends one line over TCP and resolves with whatever comes back first (or '' on failure). */
function ask(port: number, line: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port, timeout: 1000 });
    socket.once('connect', () => socket.write(line));
    socket.once('data', (data) => (socket.destroy(), resolve(data.toString())));
    socket.once('error', () => resolve(''));
    socket.once('timeout', () => (socket.destroy(), resolve('')));
  });
}

async function waitFor(what: string, ready: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`${what} did not become ready`);
    await sleep(50);
  }
}

export const redisServerInstalled = () => spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).error === undefined;

/** A redis-server of our own: nothing kept on disk, killed (not shut down) to simulate a crash. */
export class OwnRedis {
  private process: ChildProcess | undefined;
  private constructor(readonly port: number) {}

  static async start(): Promise<OwnRedis> {
    const redis = new OwnRedis(await freePort());
    await redis.resume();
    return redis;
  }

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async resume() {
    this.process = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
      stdio: 'ignore',
    });
    await waitFor('redis-server', async () => (await ask(this.port, 'PING\r\n')).startsWith('+PONG'));
  }

  async crash() {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }
}

/** The newest installed PostgreSQL server's bin directory (Debian's layout), if any. */
function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((version) => existsSync(path.join(root, version, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b));
  return versions.length > 0 ? path.join(root, versions.at(-1)!, 'bin') : undefined;
}

export const postgresServerInstalled = () => postgresBinDir() !== undefined;

/**
 * A PostgreSQL cluster of our own (initdb into a temporary directory), to restart under load
 * without touching the machine's shared server. PostgreSQL refuses to run as root, so as root
 * its tools run as the `postgres` user.
 */
export class OwnPostgres {
  private constructor(
    private readonly bin: string,
    readonly dir: string,
    readonly port: number,
  ) {}

  static async start(): Promise<OwnPostgres> {
    const bin = postgresBinDir();
    if (!bin) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql');
    const dir = mkdtempSync(path.join(tmpdir(), 'portal-load-pg-'));
    const cluster = new OwnPostgres(bin, dir, await freePort());
    if (process.getuid?.() === 0) {
      const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
      const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
      chownSync(dir, uid, gid);
    }
    cluster.run('initdb', ['-D', path.join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    cluster.run('pg_ctl', ['-D', path.join(dir, 'data'), '-o', cluster.options, '-l', path.join(dir, 'server.log'), '-w', 'start']);
    return cluster;
  }

  get adminUrl() {
    return `postgresql://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private get options() {
    return `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=60`;
  }

  /**
   * A restart with `downMs` between stop and start: open connections are cut (fast shutdown)
   * and new ones refused meanwhile, as in a failover or a restart for a setting.
   */
  async restart(downMs: number): Promise<void> {
    const data = path.join(this.dir, 'data');
    await this.runAsync('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    await sleep(downMs);
    await this.runAsync('pg_ctl', ['-D', data, '-o', this.options, '-l', path.join(this.dir, 'server.log'), '-w', 'start']);
  }

  stop() {
    this.run('pg_ctl', ['-D', path.join(this.dir, 'data'), '-m', 'immediate', '-w', 'stop'], false);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private command(tool: string, args: string[]): [string, string[]] {
    const file = path.join(this.bin, tool);
    return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  }

  private run(tool: string, args: string[], check = true) {
    const [file, fullArgs] = this.command(tool, args);
    const result = spawnSync(file, fullArgs, { encoding: 'utf8', cwd: this.dir });
    if (check && result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.error}`);
  }

  private async runAsync(tool: string, args: string[]) {
    const [file, fullArgs] = this.command(tool, args);
    const child = spawn(file, fullArgs, { stdio: 'ignore', cwd: this.dir });
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) throw new Error(`${tool} exited with ${code}`);
  }
}
