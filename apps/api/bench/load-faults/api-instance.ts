/**
 * One API instance of the load-and-fault run: the real server (src/server.ts) in a child process
 * on a port of its own, which the run can kill with SIGKILL and start again on the same port.
 * Its CPU time is read from /proc before each death, so the total covers every life.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuMsOf } from '../process-cpu.js';
import { freePort } from '../../test/helpers/free-port.js';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export class ApiInstance {
  private child: ChildProcess | undefined;
  private cpuMsOfEarlierLives = 0;
  private lives = 0;
  private expectingExit = false;
  /** Exits nobody asked for (a crash), with when they happened. */
  readonly crashes: { code: number | null; signal: string | null; at: Date }[] = [];
  /** CPU ms the restarts took until ready (the first start excluded). */
  restartCpuMs = 0;
  private readonly log: WriteStream;

  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
    logFile: string,
  ) {
    this.log = createWriteStream(logFile, { flags: 'a' });
  }

  static async start(name: string, env: Record<string, string>, logFile: string): Promise<ApiInstance> {
    const instance = new ApiInstance(name, await freePort(), env, logFile);
    await instance.boot();
    return instance;
  }

  get origin() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the process and resolves once /readyz answers 200. */
  async boot(timeoutMs = 120_000) {
    const child = spawn(process.execPath, ['--conditions=@portal/source', '--import', 'tsx', 'src/server.ts'], {
      cwd: apiDir,
      env: { PATH: process.env.PATH ?? '', PORT: String(this.port), ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.expectingExit = false;
    child.once('exit', (code, signal) => {
      if (!this.expectingExit) this.crashes.push({ code, signal, at: new Date() });
    });
    child.stdout!.pipe(this.log, { end: false });
    child.stderr!.pipe(this.log, { end: false });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${this.name} exited with ${child.exitCode} while starting (log: ${this.log.path})`);
      if (Date.now() > deadline) throw new Error(`${this.name} did not become ready (log: ${this.log.path})`);
      try {
        if ((await fetch(`${this.origin}/readyz`)).ok) {
          if (this.lives++ > 0) this.restartCpuMs += cpuMsOf(child.pid!)?.ms ?? 0;
          return;
        }
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** kill -9: no shutdown hook runs, in-flight requests and transactions are cut off. */
  async kill9() {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    this.cpuMsOfEarlierLives += cpuMsOf(child.pid!)?.ms ?? 0;
    this.expectingExit = true;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }

  /** CPU ms of every life of this instance so far (user + system, all threads). */
  cpuMs(): number {
    const live = this.child && this.child.exitCode === null ? (cpuMsOf(this.child.pid!)?.ms ?? 0) : 0;
    return this.cpuMsOfEarlierLives + live;
  }

  /** SIGTERM (graceful), then SIGKILL if it takes too long. */
  async stop() {
    const child = this.child;
    if (child && child.exitCode === null) {
      const total = this.cpuMs();
      this.expectingExit = true;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
      this.cpuMsOfEarlierLives = total;
    }
    this.child = undefined;
    if (!this.log.writableEnded) await new Promise((resolve) => this.log.end(resolve));
  }
}
