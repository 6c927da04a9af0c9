/**
 * CPU time spent by processes during a benchmark run, read from Linux's /proc (all threads of a
 * process included), to say where a machine's cores went: the API, PostgreSQL, the load
 * generator. Elsewhere than Linux the figures are absent.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** USER_HZ: /proc reports times in 1/100 s on every Linux this runs on. */
const TICKS_PER_SECOND = 100;

/** CPU ms of a process (all threads), or with `thread` of one of its threads. */
export function cpuMsOf(pid: number, thread?: number): { comm: string; ms: number } | undefined {
  try {
    const stat = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8');
    // The command name is parenthesised and may contain spaces; fields resume after its ')'.
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, i.e. 11 and 12 after the name.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { comm, ms: (ticks * 1000) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

function postgresProcesses(): Map<number, number> {
  const found = new Map<number, number>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const cpu = cpuMsOf(Number(entry));
    if (cpu?.comm === 'postgres') found.set(Number(entry), cpu.ms);
  }
  return found;
}

interface MachineTimes {
  busy: number;
  total: number;
  /** Context switches since boot, every process: each is a task woken or preempted. */
  contextSwitches: number;
}

function machineTimes(): MachineTimes | undefined {
  try {
    const lines = readFileSync('/proc/stat', 'utf8').split('\n');
    const values = lines[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = values.reduce((sum, value) => sum + value, 0);
    const idle = values[3]! + (values[4] ?? 0);
    const ctxt = lines.find((line) => line.startsWith('ctxt '));
    return { busy: total - idle, total, contextSwitches: Number(ctxt?.slice(5)) };
  } catch {
    return undefined;
  }
}

export interface CpuReport {
  wallMs: number;
  /** CPU ms of the given process (all its threads). */
  server?: number;
  /** CPU ms of its main thread alone (the event loop; argon2id runs on libuv's pool instead). */
  serverMainThread?: number;
  /** CPU ms of all PostgreSQL processes on this machine. */
  postgres?: number;
  /** CPU ms of this process (the load generator). */
  generator: number;
  /** Share of the machine's cores that were busy (any process), 0–1. */
  machineBusy?: number;
  /** Context switches on the whole machine. */
  contextSwitches?: number;
}

/**
 * Context switches on the whole machine since boot. On a small virtual machine each costs far
 * more than on bare metal (the hypervisor takes part in every switch of address space), so how
 * many an operation needs tells as much about its cost as its CPU time.
 */
export const machineContextSwitches = () => machineTimes()?.contextSwitches;

/** Starts counting; the returned function stops and reports. */
export function startCpuCount(serverPid: number): () => CpuReport {
  const started = performance.now();
  const server = cpuMsOf(serverPid)?.ms;
  // A process's main thread has the process's id as its thread id.
  const serverMain = cpuMsOf(serverPid, serverPid)?.ms;
  const postgres = postgresProcesses();
  const generator = process.cpuUsage();
  const machine = machineTimes();
  return () => {
    const serverNow = cpuMsOf(serverPid)?.ms;
    const serverMainNow = cpuMsOf(serverPid, serverPid)?.ms;
    let postgresMs = 0;
    for (const [pid, ms] of postgresProcesses()) postgresMs += ms - (postgres.get(pid) ?? 0);
    const generatorUsage = process.cpuUsage(generator);
    const machineNow = machineTimes();
    return {
      wallMs: performance.now() - started,
      ...(server !== undefined && serverNow !== undefined && { server: serverNow - server }),
      ...(serverMain !== undefined && serverMainNow !== undefined && { serverMainThread: serverMainNow - serverMain }),
      ...(postgres.size > 0 && { postgres: postgresMs }),
      generator: (generatorUsage.user + generatorUsage.system) / 1000,
      ...(machine &&
        machineNow && {
          machineBusy: (machineNow.busy - machine.busy) / Math.max(1, machineNow.total - machine.total),
          contextSwitches: machineNow.contextSwitches - machine.contextSwitches,
        }),
    };
  };
}
