import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as x509 from './x509.js';
import { certificateB64, signWithCard, type TestCard, type TestPki } from './generate-test-pki.js';
import { HIPKI, PKCS11 } from './hipki-codes.js';

export const DEFAULT_PORT = 61161;
export const DEFAULT_ALLOWED_ORIGINS = ['http://localhost:3000', 'http://localhost:*'];
const SERVER_VERSION = 'card-sim-0.1.0 (HiPKI LocalSignServer compatible)';
const SLOT = 'CardSim Virtual Reader 0';
const MAX_BODY_BYTES = 64 * 1024;

export interface CardSimOptions {
  pki: TestPki;
  /** Default 61161; 0 picks a free port (tests). */
  port?: number;
  /** Portal origins the popup answers; `http://localhost:*` matches any port. */
  allowedOrigins?: readonly string[];
  /** The card "in the reader" (a card id); default the first valid card. `null` = no card. */
  insertedCardId?: string | null;
  /** Consecutive wrong PINs before the card locks. Default 3. */
  maxPinAttempts?: number;
  /** Called for every request the simulator answers (never with the PIN). */
  log?: (line: string) => void;
}

export interface CardSim {
  server: Server;
  /** `http://localhost:<port>` once listening. */
  readonly url: string;
  listen(): Promise<string>;
  close(): Promise<void>;
  insert(cardId: string | null): void;
  readonly insertedCard: TestCard | null;
}

type Json = Record<string, unknown>;

/** Exact origins, or `scheme://host:*` for any port of that host. */
export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  return allowed.some((pattern) => {
    if (pattern === origin) return true;
    if (!pattern.endsWith(':*')) return false;
    const prefix = pattern.slice(0, -1);
    return origin.startsWith(prefix) && /^\d{1,5}$/.test(origin.slice(prefix.length));
  });
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

function usageOf(certificate: x509.X509Certificate): string {
  const usages = certificate.getExtension(x509.KeyUsagesExtension)?.usages ?? 0;
  if (usages & (x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation)) return 'digitalSignature';
  return 'keyEncipherment|dataEncipherment';
}

/**
 * The popup page. Same protocol as HiPKI's `/popupForm`: tell the opener (or, in an iframe, the
 * parent) `{"func":"getTbs"}` when ready; take one JSON request per message; forward it to this
 * server (same origin, so no CORS); post the raw response text back to the requesting window,
 * addressed to its origin only. As a popup it closes itself after answering, like HiPKI.
 */
function popupFormHtml(allowedOrigins: readonly string[], nonce: string): string {
  const allowed = JSON.stringify(allowedOrigins).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="zh-Hant">
<head><meta charset="utf-8"><title>HiPKI 元件（測試用模擬器）</title></head>
<body>
<p>測試用醫事機構卡模擬器：處理中…</p>
<script nonce="${nonce}">
(function () {
  var allowed = ${allowed};
  var FORBIDDEN_DOMAIN = ${HIPKI.FORBIDDEN_DOMAIN}, JSON_FORMAT = ${HIPKI.JSON_FORMAT}, UNSUPPORTED = ${HIPKI.UNSUPPORTED_METHOD};
  var routes = { GetUserCert: ['/pkcs11info?withcert=true', 'pkcs11info'], CheckEnvir: ['/pkcs11info', 'pkcs11info'], MakeSignature: ['/sign', 'sign'] };
  function originAllowed(origin) {
    for (var i = 0; i < allowed.length; i++) {
      var p = allowed[i];
      if (p === origin) return true;
      if (p.slice(-2) === ':*') {
        var prefix = p.slice(0, -1);
        if (origin.indexOf(prefix) === 0 && /^\\d{1,5}$/.test(origin.slice(prefix.length))) return true;
      }
    }
    return false;
  }
  var isPopup = !!window.opener;
  var peer = window.opener || (window.parent !== window ? window.parent : null);
  function reply(event, text) {
    event.source.postMessage(text, event.origin);
    if (isPopup) setTimeout(function () { window.close(); }, 0);
  }
  window.addEventListener('message', function (event) {
    if (!event.source || event.source !== peer || typeof event.data !== 'string') return;
    var request;
    try { request = JSON.parse(event.data); } catch (e) { reply(event, JSON.stringify({ ret_code: JSON_FORMAT })); return; }
    var route = routes[request && request.func];
    if (!route) { reply(event, JSON.stringify({ func: String(request && request.func), ret_code: UNSUPPORTED })); return; }
    if (!originAllowed(event.origin)) { reply(event, JSON.stringify({ func: route[1], ret_code: FORBIDDEN_DOMAIN })); return; }
    var xhr = new XMLHttpRequest();
    xhr.open('POST', route[0]);
    xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
    xhr.onload = function () { reply(event, xhr.responseText); };
    xhr.onerror = function () { reply(event, JSON.stringify({ func: route[1], ret_code: ${HIPKI.SIGN_FAILED} })); };
    // As HiPKI does: the page's JSON goes in unencoded, so pages escape "+" as "%2B".
    xhr.send('tbsPackage=' + event.data);
  });
  if (peer) peer.postMessage(JSON.stringify({ func: 'getTbs' }), '*');
})();
</script>
</body>
</html>`;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** `tbsPackage=<json>` (form, as the popup sends) or a JSON body (scripts, tests). */
function parsePackage(body: string, contentType: string | undefined): Json | null {
  try {
    const text = contentType?.startsWith('application/json') ? body : new URLSearchParams(body).get('tbsPackage');
    if (text === null || text === '') return {};
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Json) : null;
  } catch {
    return null;
  }
}

export function createCardSim(options: CardSimOptions): CardSim {
  const allowedOrigins = options.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS;
  const maxPinAttempts = options.maxPinAttempts ?? 3;
  const log = options.log ?? (() => {});
  const cards = options.pki.cards;
  const failedPins = new Map<string, number>();
  let inserted: TestCard | null =
    options.insertedCardId === null
      ? null
      : (cards.find((card) => card.id === (options.insertedCardId ?? cards.find((c) => c.kind === 'valid')?.id)) ?? null);
  let port = options.port ?? DEFAULT_PORT;

  const selfOrigins = () => [`http://localhost:${port}`, `http://127.0.0.1:${port}`];

  function pkcs11info(withCert: boolean): Json {
    if (!inserted) return { func: 'pkcs11info', ret_code: HIPKI.OK, serverVersion: SERVER_VERSION, slots: [{ slotDescription: SLOT, token: null }] };
    const certificate = inserted.certificate;
    return {
      func: 'pkcs11info',
      ret_code: HIPKI.OK,
      serverVersion: SERVER_VERSION,
      slots: [
        {
          slotDescription: SLOT,
          token: {
            serialNumber: inserted.id,
            label: inserted.label,
            certs: withCert
              ? [
                  {
                    certb64: certificateB64(certificate),
                    usage: usageOf(certificate),
                    subjectDN: certificate.subject,
                    issuerDN: certificate.issuer,
                    serialNumber: certificate.serialNumber,
                    notBefore: certificate.notBefore.toISOString(),
                    notAfter: certificate.notAfter.toISOString(),
                  },
                ]
              : [],
          },
        },
      ],
    };
  }

  async function sign(request: Json): Promise<Json> {
    const fail = (ret_code: number, last_error?: number): Json => ({
      func: 'sign',
      ret_code,
      ...(last_error !== undefined && { last_error }),
      serverVersion: SERVER_VERSION,
    });
    if (request.signatureType !== undefined && request.signatureType !== 'PKCS1') return fail(HIPKI.SIGNATURE_TYPE);
    const hash = String(request.hashAlgorithm ?? 'SHA256').toUpperCase().replace('-', '');
    if (hash !== 'SHA256') return fail(HIPKI.BAD_PARAMETER);
    if (typeof request.tbs !== 'string' || request.tbs === '') return fail(HIPKI.NO_TBS);
    const encoding = String(request.tbsEncoding ?? 'NONE').toLowerCase();
    let data: Buffer;
    if (encoding === 'base64') data = Buffer.from(request.tbs, 'base64');
    else if (encoding === 'none') data = Buffer.from(request.tbs, 'utf8');
    else return fail(HIPKI.BAD_PARAMETER);
    if (typeof request.pin !== 'string' || request.pin === '') return fail(HIPKI.NO_PIN);
    if (!inserted) return fail(HIPKI.NO_CARD);
    const card = inserted;
    const failures = failedPins.get(card.id) ?? 0;
    if (failures >= maxPinAttempts) return fail(HIPKI.LOGIN_FAILED, PKCS11.CKR_PIN_LOCKED);
    if (!/^\d{6,12}$/.test(request.pin)) return fail(HIPKI.LOGIN_FAILED, PKCS11.CKR_PIN_LEN_RANGE);
    if (!timingSafeEqual(sha256(request.pin), sha256(card.pin))) {
      failedPins.set(card.id, failures + 1);
      return fail(HIPKI.LOGIN_FAILED, failures + 1 >= maxPinAttempts ? PKCS11.CKR_PIN_LOCKED : PKCS11.CKR_PIN_INCORRECT);
    }
    failedPins.delete(card.id);
    const signature = await signWithCard(card, new Uint8Array(data));
    return {
      func: 'sign',
      ret_code: HIPKI.OK,
      signature: signature.toString('base64'),
      certb64: certificateB64(card.certificate),
      ...(request.withCardSN === 'true' && { cardSN: card.id }),
      serverVersion: SERVER_VERSION,
    };
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const send = (status: number, body: string, headers: Record<string, string>) => {
      response.writeHead(status, {
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        ...headers,
      });
      response.end(body);
    };
    const json = (status: number, body: Json) => send(status, JSON.stringify(body), { 'Content-Type': 'application/json; charset=utf-8' });

    // DNS rebinding: only answer requests addressed to this machine by name.
    const host = request.headers.host ?? '';
    if (!selfOrigins().some((origin) => origin === `http://${host}`)) return send(421, 'misdirected', { 'Content-Type': 'text/plain' });
    const url = new URL(request.url ?? '/', `http://${host}`);

    if (request.method === 'GET' && (url.pathname === '/popupForm' || url.pathname === '/ChtPopupForm')) {
      const nonce = randomBytes(16).toString('base64');
      const ancestors = allowedOrigins.join(' ') || "'none'";
      return send(200, popupFormHtml(allowedOrigins, nonce), {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; connect-src 'self'; frame-ancestors ${ancestors}; base-uri 'none'; form-action 'none'`,
      });
    }

    const routes: Record<string, true> = { '/pkcs11info': true, '/sign': true, '/sim/insert': true };
    if (!routes[url.pathname]) return send(404, 'not found', { 'Content-Type': 'text/plain' });
    if (request.method !== 'POST') return send(405, 'method not allowed', { Allow: 'POST', 'Content-Type': 'text/plain' });
    // No CORS: only the popup page (same origin) or a non-browser client may call these. A
    // cross-origin page could send a blind POST; refuse it by its Origin header.
    const origin = request.headers.origin;
    if (origin !== undefined && !selfOrigins().includes(origin)) {
      log(`refused ${url.pathname} from origin ${origin}`);
      return json(403, { ret_code: HIPKI.FORBIDDEN_DOMAIN });
    }
    let body: string;
    try {
      body = await readBody(request);
    } catch {
      return json(413, { ret_code: HIPKI.BAD_PARAMETER });
    }

    if (url.pathname === '/sim/insert') {
      const parsed = parsePackage(body, 'application/json');
      const id = parsed?.card;
      if (id !== null && !cards.some((card) => card.id === id)) return json(404, { error: 'unknown card' });
      sim.insert(id as string | null);
      return json(200, { inserted: inserted?.id ?? null });
    }

    const parsed = parsePackage(body, request.headers['content-type']);
    if (url.pathname === '/pkcs11info') {
      const result = pkcs11info(url.searchParams.get('withcert') === 'true');
      log(`pkcs11info → ${inserted ? inserted.id : 'no card'}`);
      return json(200, result);
    }
    if (!parsed) return json(200, { func: 'sign', ret_code: HIPKI.JSON_FORMAT });
    const result = await sign(parsed);
    log(`sign (${inserted?.id ?? 'no card'}) → ret_code 0x${Number(result.ret_code).toString(16)}${result.last_error !== undefined ? ` last_error 0x${Number(result.last_error).toString(16)}` : ''}`);
    return json(200, result);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`error: ${(error as Error).message}`);
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ ret_code: HIPKI.SIGN_FAILED }));
    });
  });

  const sim: CardSim = {
    server,
    get url() {
      return `http://localhost:${port}`;
    },
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        // Loopback only: the card must never be reachable from the network.
        server.listen(port, '127.0.0.1', () => {
          port = (server.address() as AddressInfo).port;
          resolve(sim.url);
        });
      }),
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
    insert(cardId) {
      inserted = cardId === null ? null : (cards.find((card) => card.id === cardId) ?? null);
    },
    get insertedCard() {
      return inserted;
    },
  };
  return sim;
}
