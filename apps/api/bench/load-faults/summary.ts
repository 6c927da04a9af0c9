/** The figures of a load-and-fault run: per kind of request, and per phase (window) of the run. */
import { percentile } from '../bench-support.js';
import type { RequestKind, Sample } from './clients.js';

export interface Window {
  name: string;
  /** ms since the load began. */
  from: number;
  to: number;
  /** The instance killed in this window (its clients' failures are expected). */
  killedInstance?: number;
}

const isServerError = (sample: Sample) => sample.status >= 500;
/** A connection refused, reset or timed out. */
const isConnectionError = (sample: Sample) => sample.status === 0;
const isAnswered = (sample: Sample) => sample.status >= 200 && sample.status < 500;
const round = (value: number, digits = 1) => +value.toFixed(digits);

function figures(samples: Sample[], seconds: number) {
  const timings = samples.map((sample) => sample.ms);
  return {
    requests: samples.length,
    perSecond: round(samples.filter(isAnswered).length / Math.max(seconds, 0.001)),
    '5xx': samples.filter(isServerError).length,
    connectionErrors: samples.filter(isConnectionError).length,
    '4xx': samples.filter((sample) => sample.status >= 400 && sample.status < 500).length,
    p50Ms: timings.length ? Math.round(percentile(timings, 0.5)) : 0,
    p99Ms: timings.length ? Math.round(percentile(timings, 0.99)) : 0,
  };
}

export function summarise(samples: Sample[], windows: Window[], kinds: RequestKind[], wallMs: number, apiCpuMs: number) {
  const answered = samples.filter(isAnswered).length;
  const byKind = Object.fromEntries(kinds.map((kind) => [kind, figures(samples.filter((sample) => sample.kind === kind), wallMs / 1000)]));
  const steady = windows.find((window) => window.name === 'steady')!;
  const steadyRate = figures(samples.filter((sample) => sample.at >= steady.from && sample.at < steady.to), (steady.to - steady.from) / 1000).perSecond;
  const byWindow = windows.map((window) => {
    const inside = samples.filter((sample) => sample.at >= window.from && sample.at < window.to);
    const seconds = (window.to - window.from) / 1000;
    const all = figures(inside, seconds);
    const survivors = window.killedInstance === undefined ? undefined : figures(inside.filter((sample) => sample.instance !== window.killedInstance), seconds);
    return {
      window: window.name,
      seconds: round(seconds),
      ...all,
      throughputVsSteady: round(all.perSecond / Math.max(steadyRate, 0.001), 2),
      ...(survivors && { otherInstance: { requests: survivors.requests, '5xx': survivors['5xx'], connectionErrors: survivors.connectionErrors, perSecond: survivors.perSecond, p99Ms: survivors.p99Ms } }),
    };
  });
  return {
    total: { ...figures(samples, wallMs / 1000), seconds: round(wallMs / 1000) },
    byKind,
    byWindow,
    /** CPU of both API processes per answered request (restarts' start-up included). */
    apiCpuMsPerRequest: round(apiCpuMs / Math.max(answered, 1), 2),
  };
}
