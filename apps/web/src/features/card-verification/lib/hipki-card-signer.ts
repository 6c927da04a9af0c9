import {
  CardSignerError,
  CARD_SIGNER_MESSAGES,
  type CardCertificateInfo,
  type CardSignature,
  type CardSigner,
} from './card-signer';

/**
 * CardSigner over Chunghwa Telecom's HiPKI local sign server (the 跨平台網頁元件 that Taiwan's
 * 醫事憑證 and 自然人憑證 pages use), or the card simulator in tools/card-sim.
 *
 * Protocol (as HiPKI's published sample pages use it):
 * 1. open `${origin}/popupForm` (a popup; the service sends no CORS headers, so pages cannot
 *    call it with fetch);
 * 2. the popup posts the string `{"func":"getTbs"}` to its opener when it is ready;
 * 3. the page posts one JSON request string to the popup: `{"func":"GetUserCert"}` or
 *    `{"func":"MakeSignature","signatureType":"PKCS1","tbs":…,"tbsEncoding":"NONE","hashAlgorithm":"SHA256","pin":…}`;
 *    HiPKI forwards it as a form field, so "+" is sent as "%2B";
 * 4. the popup posts back the service's JSON (`func` "pkcs11info" or "sign", `ret_code` 0 on
 *    success, else a HiPKI code and maybe `last_error`), and closes itself.
 *
 * Every message is checked for the service's origin and the popup as its source; the request
 * (with the PIN) is addressed to the service's origin only. Call the methods straight from a
 * click handler: the popup is opened synchronously, before any await, so it is not blocked.
 */

export const DEFAULT_HIPKI_ORIGIN = 'http://localhost:61161';

interface MessageEventLike {
  origin: string;
  data: unknown;
  source: unknown;
}

/** The part of a window (the popup, or an iframe's contentWindow) the signer talks to. */
export interface HipkiTargetWindow {
  postMessage(message: string, targetOrigin: string): void;
  close?(): void;
  readonly closed?: boolean;
}

/** The part of the page's window the signer uses (a fake in tests). */
export interface HipkiHostWindow {
  open(url: string, target: string, features: string): HipkiTargetWindow | null;
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
  document?: Document;
}

export interface HipkiCardSignerOptions {
  /** Default: VITE_HIPKI_ORIGIN, else http://localhost:61161. */
  hipkiOrigin?: string;
  /**
   * `popup` (default) is what HiPKI supports. `iframe` (invisible) works with the simulator;
   * whether HiPKI's popupForm answers a parent frame could not be confirmed.
   */
  mode?: 'popup' | 'iframe';
  window?: HipkiHostWindow;
  /** Until the popup says it is ready; HiPKI's samples give up after 3.5 s. Default 5 s. */
  readyTimeoutMs?: number;
  /** Until the answer (card login and signing take a few seconds). Default 60 s. */
  responseTimeoutMs?: number;
}

interface HipkiResponse {
  func?: string;
  ret_code?: number;
  last_error?: number;
  signature?: string;
  certb64?: string;
  slots?: { slotDescription?: string; token?: { certs?: { certb64?: string; usage?: string; subjectDN?: string }[] } | string | null }[];
}

const HIPKI = {
  NO_CARD: 0x76000006,
  FORBIDDEN_DOMAIN: 0x7600000f,
  UNAUTHORIZED_SITE: 0x76000031,
  NO_PIN: 0x76000998,
  USER_CANCELLED: 0x76000999,
  NO_READER: 0x76100003,
  LOGIN_FAILED: 0x76100006,
  USER_CANCELLED_CSP: -536870894, // 0xE0000012
} as const;
const PKCS11 = {
  PIN_INCORRECT: 0xa0,
  PIN_LEN_RANGE: 0xa2,
  PIN_LOCKED: 0xa4,
  PIN_INCORRECT_ONE_LEFT: -2147483647,
  PIN_INCORRECT_TWO_LEFT: -2147483646,
} as const;

const MAX_PIN_LENGTH = 16;

const hex = (code: number) => `0x${(code >>> 0).toString(16).toUpperCase()}`;

/** HiPKI's `ret_code` / `last_error` → a CardSignerError with a zh-TW message. */
export function hipkiError(retCode: number, lastError?: number): CardSignerError {
  const hipki = { retCode, ...(lastError !== undefined && { lastError }) };
  const error = (code: ConstructorParameters<typeof CardSignerError>[0], message?: string) =>
    new CardSignerError(code, message ?? CARD_SIGNER_MESSAGES[code], hipki);
  switch (retCode) {
    case HIPKI.LOGIN_FAILED:
      switch (lastError) {
        case PKCS11.PIN_INCORRECT:
          return error('WRONG_PIN');
        case PKCS11.PIN_INCORRECT_ONE_LEFT:
          return error('WRONG_PIN', `${CARD_SIGNER_MESSAGES.WRONG_PIN}，剩餘 1 次機會。`);
        case PKCS11.PIN_INCORRECT_TWO_LEFT:
          return error('WRONG_PIN', `${CARD_SIGNER_MESSAGES.WRONG_PIN}，剩餘 2 次機會。`);
        case PKCS11.PIN_LOCKED:
          return error('PIN_LOCKED');
        case PKCS11.PIN_LEN_RANGE:
          return error('PIN_FORMAT');
        default:
          break;
      }
      break;
    case HIPKI.NO_PIN:
      return error('PIN_REQUIRED');
    case HIPKI.NO_CARD:
      return error('NO_CARD');
    case HIPKI.NO_READER:
      return error('NO_READER');
    case HIPKI.USER_CANCELLED:
    case HIPKI.USER_CANCELLED_CSP:
      return error('CANCELLED');
    case HIPKI.FORBIDDEN_DOMAIN:
    case HIPKI.UNAUTHORIZED_SITE:
      return error('SITE_NOT_TRUSTED');
    default:
      break;
  }
  const detail = lastError !== undefined ? `${hex(retCode)} / ${hex(lastError)}` : hex(retCode);
  return error('FAILED', `醫事機構卡操作失敗（錯誤代碼 ${detail}），請重新插入卡片後再試，或改用紙本審核。`);
}

function defaultOrigin(): string {
  const fromEnv = (import.meta as { env?: Record<string, string | undefined> }).env?.VITE_HIPKI_ORIGIN;
  return fromEnv && fromEnv.length > 0 ? fromEnv : DEFAULT_HIPKI_ORIGIN;
}

export class HipkiCardSigner implements CardSigner {
  private readonly origin: string;
  private readonly mode: 'popup' | 'iframe';
  private readonly host: HipkiHostWindow;
  private readonly readyTimeoutMs: number;
  private readonly responseTimeoutMs: number;
  private busy = false;

  constructor(options: HipkiCardSignerOptions = {}) {
    this.origin = new URL(options.hipkiOrigin ?? defaultOrigin()).origin;
    this.mode = options.mode ?? 'popup';
    this.host = options.window ?? (window as unknown as HipkiHostWindow);
    this.readyTimeoutMs = options.readyTimeoutMs ?? 5_000;
    this.responseTimeoutMs = options.responseTimeoutMs ?? 60_000;
  }

  async getCertificate(): Promise<CardCertificateInfo> {
    const response = await this.request({ func: 'GetUserCert' });
    const tokens = (response.slots ?? []).map((slot) => slot.token).filter((token) => token && typeof token === 'object');
    if (tokens.length === 0) throw new CardSignerError('NO_CARD');
    for (const token of tokens) {
      for (const cert of (token as Exclude<typeof token, string | null | undefined>).certs ?? []) {
        if (cert.certb64 && (cert.usage ?? '').split('|').includes('digitalSignature')) {
          return { certificateB64: cert.certb64, subject: cert.subjectDN ?? '' };
        }
      }
    }
    throw new CardSignerError('NO_SIGNING_CERTIFICATE');
  }

  async sign(tbs: string, pin: string): Promise<string> {
    return (await this.signWithCertificate(tbs, pin)).signatureB64;
  }

  signWithCertificate(tbs: string, pin: string): Promise<CardSignature> {
    if (pin.length === 0) return Promise.reject(new CardSignerError('PIN_REQUIRED'));
    if (pin.length > MAX_PIN_LENGTH) return Promise.reject(new CardSignerError('PIN_FORMAT'));
    // HiPKI URL-decodes the request it forwards: "%" and "&" would not arrive as written.
    if (tbs.length === 0 || /[%&]/.test(tbs)) {
      return Promise.reject(new TypeError('tbs must be non-empty and free of "%" and "&"'));
    }
    return this.request({
      func: 'MakeSignature',
      signatureType: 'PKCS1',
      tbs,
      tbsEncoding: 'NONE',
      hashAlgorithm: 'SHA256',
      withCardSN: 'false',
      pin,
    }).then((response) => {
      if (typeof response.signature !== 'string' || response.signature.length === 0 || typeof response.certb64 !== 'string') {
        throw new CardSignerError('FAILED');
      }
      return { signatureB64: response.signature, certificateB64: response.certb64 };
    });
  }

  /** One request, one popup (or iframe), one answer. Opens the window synchronously. */
  private request(payload: Record<string, string>): Promise<HipkiResponse> {
    if (this.busy) return Promise.reject(new CardSignerError('BUSY'));
    const url = `${this.origin}/popupForm`;
    let target: HipkiTargetWindow | null;
    let frame: HTMLIFrameElement | undefined;
    if (this.mode === 'iframe') {
      const document = this.host.document;
      if (!document) return Promise.reject(new CardSignerError('SERVICE_UNAVAILABLE'));
      frame = document.createElement('iframe');
      frame.src = url;
      frame.title = 'HiPKI';
      frame.setAttribute('aria-hidden', 'true');
      frame.tabIndex = -1;
      frame.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
      document.body.append(frame);
      target = frame.contentWindow as HipkiTargetWindow | null;
    } else {
      target = this.host.open(url, 'hipki-card-signer', 'width=360,height=240,left=100,top=20');
      if (!target) return Promise.reject(new CardSignerError('POPUP_BLOCKED'));
    }
    if (!target) {
      frame?.remove();
      return Promise.reject(new CardSignerError('SERVICE_UNAVAILABLE'));
    }
    const peer = target;
    this.busy = true;
    const text = JSON.stringify(payload).replace(/\+/g, '%2B');

    return new Promise<HipkiResponse>((resolve, reject) => {
      let sent = false;
      let responseTimer: ReturnType<typeof setTimeout> | undefined;
      let closedPoll: ReturnType<typeof setInterval> | undefined;

      const finish = (error: CardSignerError | null, response?: HipkiResponse) => {
        this.host.removeEventListener('message', onMessage);
        clearTimeout(readyTimer);
        clearTimeout(responseTimer);
        clearInterval(closedPoll);
        if (frame) frame.remove();
        else if (!peer.closed) peer.close?.();
        this.busy = false;
        if (error) reject(error);
        else resolve(response!);
      };

      const onMessage = (event: MessageEventLike) => {
        if (event.origin !== this.origin || event.source !== peer || typeof event.data !== 'string') return;
        let message: HipkiResponse;
        try {
          message = JSON.parse(event.data) as HipkiResponse;
        } catch {
          return;
        }
        if (message === null || typeof message !== 'object') return;
        if (message.func === 'getTbs') {
          if (sent) return;
          sent = true;
          clearTimeout(readyTimer);
          responseTimer = setTimeout(() => finish(new CardSignerError('TIMEOUT')), this.responseTimeoutMs);
          peer.postMessage(text, this.origin);
          return;
        }
        if (!sent) return;
        if (typeof message.ret_code !== 'number') return finish(new CardSignerError('FAILED'));
        if (message.ret_code !== 0) return finish(hipkiError(message.ret_code, message.last_error));
        finish(null, message);
      };

      const readyTimer = setTimeout(() => finish(new CardSignerError('SERVICE_UNAVAILABLE')), this.readyTimeoutMs);
      this.host.addEventListener('message', onMessage);
      if (!frame) {
        // A popup closed by the applicant before it answered: cancelled, not a 60 s wait.
        closedPoll = setInterval(() => {
          if (peer.closed) finish(new CardSignerError('CANCELLED'));
        }, 500);
      }
    });
  }
}

export function createHipkiCardSigner(options?: HipkiCardSignerOptions): CardSigner {
  return new HipkiCardSigner(options);
}
