/**
 * A closed-loop HTTP/1.1 load generator for benchmarks that share the machine with what they
 * measure: `connections` keep-alive sockets, each sending its next request as soon as the answer
 * to the previous one is complete, until the duration ends.
 *
 * Why not autocannon (which the other benchmarks use): on a 2-vCPU machine the generator's own
 * CPU is taken from the API it measures. autocannon spent 0.3–1.1 ms of CPU per login request
 * there; this client writes a prepared request and reads only the status line and
 * Content-Length of the answer, about a third of that. It understands exactly what Fastify sends:
 * answers with a Content-Length (no chunked bodies), on connections kept alive.
 */
import { connect, type Socket } from 'node:net';
import { percentile } from './bench-support.js';

export interface HttpLoadOptions {
  host: string;
  port: number;
  connections: number;
  durationMs: number;
  /** The next request, whole: request line, headers, blank line and body. */
  nextRequest: () => string;
}

export interface HttpLoadResult {
  '2xx': number;
  /** 2xx answers that arrived before the duration ended: the throughput is these / duration. */
  '2xxInTime': number;
  non2xx: number;
  /** Connections that failed or closed with a request outstanding. */
  errors: number;
  latency: { p50: number; p99: number };
}

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length:\s*(\d+)/i;

/** Builds a request for `nextRequest`: JSON body, Content-Length, and any extra headers. */
export function jsonRequest(method: string, path: string, body: unknown, headers: Record<string, string> = {}): string {
  const json = JSON.stringify(body);
  const lines = [`${method} ${path} HTTP/1.1`, 'host: localhost', 'content-type: application/json', `content-length: ${Buffer.byteLength(json)}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n${json}`;
}

/**
 * One socket's request–answer loop. Resolves when the duration is over and its last answer
 * arrived, or when the socket fails (counted as an error, not retried: a benchmark whose server
 * drops connections has nothing to report).
 */
function runConnection(options: HttpLoadOptions, end: number, result: HttpLoadResult, latencies: number[]): Promise<void> {
  return new Promise((resolve) => {
    const socket: Socket = connect({ host: options.host, port: options.port, noDelay: true });
    let buffered: Buffer = Buffer.alloc(0);
    let sentAt = 0;
    let outstanding = false;
    const sendNext = () => {
      if (performance.now() >= end) {
        socket.end();
        return;
      }
      outstanding = true;
      sentAt = performance.now();
      socket.write(options.nextRequest());
    };
    socket.on('connect', sendNext);
    socket.on('data', (chunk: Buffer) => {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      const headerEnd = buffered.indexOf(HEADER_END);
      if (headerEnd < 0) return;
      const head = buffered.toString('latin1', 0, headerEnd);
      const length = CONTENT_LENGTH.exec(head);
      if (!length) {
        socket.destroy(new Error(`answer without Content-Length: ${head.split('\r\n')[0]}`));
        return;
      }
      const total = headerEnd + HEADER_END.length + Number(length[1]);
      if (buffered.length < total) return;
      const arrived = performance.now();
      latencies.push(arrived - sentAt);
      outstanding = false;
      // "HTTP/1.1 200 OK": the status code is characters 9–11.
      if (head[9] === '2') {
        result['2xx'] += 1;
        if (arrived <= end) result['2xxInTime'] += 1;
      } else result.non2xx += 1;
      buffered = buffered.subarray(total);
      sendNext();
    });
    socket.on('error', () => undefined);
    socket.on('close', (hadError) => {
      if (hadError || outstanding) result.errors += 1;
      resolve();
    });
  });
}

export async function runHttpLoad(options: HttpLoadOptions): Promise<HttpLoadResult> {
  const result: HttpLoadResult = { '2xx': 0, '2xxInTime': 0, non2xx: 0, errors: 0, latency: { p50: 0, p99: 0 } };
  const latencies: number[] = [];
  const end = performance.now() + options.durationMs;
  await Promise.all(Array.from({ length: options.connections }, () => runConnection(options, end, result, latencies)));
  if (latencies.length > 0) result.latency = { p50: Math.round(percentile(latencies, 0.5)), p99: Math.round(percentile(latencies, 0.99)) };
  return result;
}
