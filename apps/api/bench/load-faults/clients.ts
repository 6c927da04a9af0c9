/**
 * The simulated users of the load-and-fault run. Each client is one 單位業務管理者 at its own
 * institution, bound to one API instance (as a sticky load balancer would), sending its next
 * request as soon as the previous one is answered: 帳號申請 to its institution (each from a
 * fresh address, as applicants come from many clinics), its queue of applications, refresh and
 * login. Every answer is recorded with its time, so that the run can cut the record into phases.
 */
import http from 'node:http';
import { makeTaiwanIdWithChecksum } from '@portal/shared';

export type RequestKind = 'apply' | 'login' | 'refresh' | 'queue';

export interface Sample {
  /** ms since the load began, when the answer (or the failure) arrived. */
  at: number;
  kind: RequestKind;
  instance: number;
  /** HTTP status, or 0 when the connection failed or timed out. */
  status: number;
  ms: number;
}

export interface Applied {
  applicationNo: string;
  accountName: string;
}

export interface ClientAccount {
  accountName: string;
  password: string;
  institutionCode: string;
}

export interface LoadTarget {
  /** The instances' ports, read at every request (an instance restarts on the same port). */
  ports: number[];
}

const MIX: [RequestKind, number][] = [
  ['queue', 0.45],
  ['apply', 0.25],
  ['refresh', 0.2],
  ['login', 0.1],
];

const REQUEST_TIMEOUT_MS = 30_000;
export const APPLICANT_PASSWORD = 'Tpe*2024*Hosp!lf';

interface Answer {
  status: number;
  setCookies: string[];
  body: string;
}

function send(agent: http.Agent, port: number, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
  const json = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        timeout: REQUEST_TIMEOUT_MS,
        headers: { ...headers, ...(json !== undefined && { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) }) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, setCookies: response.headers['set-cookie'] ?? [], body: Buffer.concat(chunks).toString() }));
        response.on('error', () => resolve({ status: 0, setCookies: [], body: '' }));
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', () => resolve({ status: 0, setCookies: [], body: '' }));
    request.end(json);
  });
}

/** A small deterministic generator, so that two runs send the same mix. */
function seeded(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}

/** An address from 198.18.0.0/15, the range set aside for benchmarks (RFC 2544); only ever a header value. */
const benchAddress = (n: number) => `198.${18 + ((n >> 16) & 1)}.${(n >> 8) & 255}.${n & 255}`;

let applicantSerial = 0;

export interface ClientRun {
  samples: Sample[];
  applied: Applied[];
}

/** Runs one client until `endAt()` (a performance.now() time, which may move), appending to `run`. */
export async function runClient(index: number, account: ClientAccount, target: LoadTarget, startedAt: number, endAt: () => number, run: ClientRun) {
  const instance = index % target.ports.length;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const random = seeded(index + 1);
  const address = benchAddress(index + 1);
  let cookies = new Map<string, string>();
  let csrf: string | undefined;

  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const keepCookies = (setCookies: string[]) => {
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';');
      const [name, value] = pair!.split('=', 2) as [string, string];
      const cleared = value === '' || attributes.some((attribute) => /max-age=0\b/i.test(attribute.trim()) || /expires=thu, 01 jan 1970/i.test(attribute.trim()));
      if (cleared) cookies.delete(name);
      else cookies.set(name, value);
    }
  };
  const forget = () => {
    cookies = new Map();
    csrf = undefined;
  };

  /** `as` 'applicant': someone else, from another address, without the client's session. */
  const call = async (kind: RequestKind, method: string, path: string, body?: unknown, as: 'self' | 'applicant' = 'self'): Promise<Answer> => {
    const t = performance.now();
    const headers: Record<string, string> = { 'user-agent': `load-client-${index}` };
    if (as === 'applicant') headers['x-forwarded-for'] = benchAddress(65_536 + applicantSerial);
    else {
      headers['x-forwarded-for'] = address;
      if (cookies.size > 0) headers.cookie = cookieHeader();
      if (csrf && method === 'POST') headers['x-csrf-token'] = csrf;
    }
    const answer = await send(agent, target.ports[instance]!, method, path, headers, body);
    const now = performance.now();
    run.samples.push({ at: now - startedAt, kind, instance, status: answer.status, ms: now - t });
    return answer;
  };

  const login = async () => {
    const answer = await call('login', 'POST', '/api/auth/login', { accountName: account.accountName, password: account.password });
    if (answer.status === 200) {
      forget();
      keepCookies(answer.setCookies);
      csrf = (JSON.parse(answer.body) as { csrfToken: string }).csrfToken;
    }
    return answer.status;
  };

  while (performance.now() < endAt()) {
    let status: number;
    if (!csrf) {
      status = await login();
    } else {
      const roll = random();
      let kind: RequestKind = 'queue';
      for (let sum = 0, i = 0; i < MIX.length; i++) if (roll < (sum += MIX[i]![1])) { kind = MIX[i]![0]; break; }
      if (kind === 'login') status = await login();
      else if (kind === 'queue') {
        const answer = await call('queue', 'GET', '/api/institution-manager/applications');
        status = answer.status;
        if (status === 401) forget();
      } else if (kind === 'refresh') {
        const answer = await call('refresh', 'POST', '/api/auth/refresh', {});
        status = answer.status;
        if (status === 200) {
          keepCookies(answer.setCookies);
          csrf = (JSON.parse(answer.body) as { csrfToken: string }).csrfToken;
        } else if (status === 401) forget();
      } else {
        const serial = ++applicantSerial;
        const accountName = `lf${index}n${serial}`;
        const answer = await call(
          'apply',
          'POST',
          '/api/applications',
          {
            institutionCode: account.institutionCode,
            role: 'GENERAL_USER',
            accountName,
            password: APPLICANT_PASSWORD,
            passwordConfirm: APPLICANT_PASSWORD,
            nationalId: makeTaiwanIdWithChecksum(`${serial % 2 ? 'F1' : 'F2'}${String(serial).padStart(7, '0')}`),
            name: '負載測試',
            phone: '02-25220878',
            email: `${accountName}@example.org`,
            subsystems: ['adult-preventive'],
          },
          'applicant',
        );
        status = answer.status;
        if (status === 201) run.applied.push({ applicationNo: (JSON.parse(answer.body) as { applicationNo: string }).applicationNo, accountName });
      }
    }
    // A refused connection (the instance is down) is retried after a pause, not in a tight loop.
    if (status === 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  agent.destroy();
}
