import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CardSignerError } from './card-signer';
import { HipkiCardSigner, hipkiError, type HipkiHostWindow, type HipkiTargetWindow } from './hipki-card-signer';

const HIPKI = 'http://localhost:61161';
const TBS = 'hpa-portal-card-auth:v1\norigin=http://localhost:3000\ninstitution=9900000001\nnonce=q2x8HkQ1Vt3mYp0sLr5nWc7dEf9gHi2jKl4oNa6bZuA';
const CERT = 'MIIB…base64…';
const SIGNATURE = 'c2lnbmF0dXJl';

type Listener = (event: { origin: string; data: unknown; source: unknown }) => void;

/**
 * A page window whose `open()` returns a fake HiPKI popup. The popup says getTbs when opened
 * (unless `ready: false`) and answers each request with `answer(request)` (unless it returns
 * undefined).
 */
function fakeHiPKI(options: { ready?: boolean; answer?: (request: Record<string, unknown>) => unknown } = {}) {
  const listeners = new Set<Listener>();
  const emit = (event: Parameters<Listener>[0]) => listeners.forEach((listener) => listener(event));
  const popup = {
    closed: false as boolean,
    postMessage: vi.fn((text: string, targetOrigin: string) => {
      void targetOrigin;
      const reply = options.answer?.(JSON.parse(text.replace(/%2B/g, '+')) as Record<string, unknown>);
      if (reply !== undefined) queueMicrotask(() => emit({ origin: HIPKI, source: popup, data: JSON.stringify(reply) }));
    }),
    close: vi.fn(() => {
      popup.closed = true;
    }),
  } satisfies HipkiTargetWindow & { closed: boolean };
  const host: HipkiHostWindow & { open: ReturnType<typeof vi.fn> } = {
    open: vi.fn(() => {
      if (options.ready !== false) queueMicrotask(() => emit({ origin: HIPKI, source: popup, data: JSON.stringify({ func: 'getTbs' }) }));
      return popup;
    }),
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
  };
  return { host, popup, emit, listeners };
}

const signOk = () => ({ func: 'sign', ret_code: 0, signature: SIGNATURE, certb64: CERT });
const certOk = () => ({
  func: 'pkcs11info',
  ret_code: 0,
  slots: [
    { slotDescription: 'reader', token: null },
    {
      slotDescription: 'reader 2',
      token: {
        certs: [
          { certb64: 'ENC', usage: 'keyEncipherment|dataEncipherment', subjectDN: 'CN=enc' },
          { certb64: CERT, usage: 'digitalSignature', subjectDN: 'C=TW, O=示範醫院, serialNumber=9900000001' },
        ],
      },
    },
  ],
});

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => expect.fail('expected a CardSignerError'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CardSignerError);
  return error as CardSignerError;
}

describe('HipkiCardSigner (popup)', () => {
  it('reads the signing certificate with GetUserCert after the popup says getTbs', async () => {
    const { host, popup, listeners } = fakeHiPKI({ answer: certOk });
    const signer = new HipkiCardSigner({ window: host, hipkiOrigin: HIPKI });
    await expect(signer.getCertificate()).resolves.toEqual({ certificateB64: CERT, subject: 'C=TW, O=示範醫院, serialNumber=9900000001' });
    expect(host.open).toHaveBeenCalledWith(`${HIPKI}/popupForm`, 'hipki-card-signer', expect.any(String));
    expect(popup.postMessage).toHaveBeenCalledWith(JSON.stringify({ func: 'GetUserCert' }), HIPKI);
    expect(popup.close).toHaveBeenCalled();
    expect(listeners.size).toBe(0);
  });

  it('opens the popup synchronously, inside the click that called it', () => {
    const { host } = fakeHiPKI({ answer: signOk });
    void new HipkiCardSigner({ window: host, hipkiOrigin: HIPKI }).sign(TBS, '123456');
    expect(host.open).toHaveBeenCalledTimes(1);
  });

  it('signs the exact tbs with MakeSignature PKCS1/SHA256, addressing the PIN to the HiPKI origin only', async () => {
    const requests: Record<string, unknown>[] = [];
    const { host, popup } = fakeHiPKI({ answer: (request) => (requests.push(request), signOk()) });
    const signer = new HipkiCardSigner({ window: host, hipkiOrigin: `${HIPKI}/` });
    await expect(signer.signWithCertificate(TBS, '123456')).resolves.toEqual({ signatureB64: SIGNATURE, certificateB64: CERT });
    expect(requests[0]).toEqual({
      func: 'MakeSignature',
      signatureType: 'PKCS1',
      tbs: TBS,
      tbsEncoding: 'NONE',
      hashAlgorithm: 'SHA256',
      withCardSN: 'false',
      pin: '123456',
    });
    expect(popup.postMessage.mock.calls[0]![1]).toBe(HIPKI);
    await expect(signer.sign(TBS, '123456')).resolves.toBe(SIGNATURE);
  });

  it('escapes "+" as "%2B", as HiPKI pages do', async () => {
    const { host, popup } = fakeHiPKI({ answer: signOk });
    await new HipkiCardSigner({ window: host, hipkiOrigin: HIPKI }).sign('a+b', '123456');
    expect(popup.postMessage.mock.calls[0]![0]).toContain('"tbs":"a%2Bb"');
  });

  it('ignores messages from another origin or another window, and a second getTbs', async () => {
    const { host, popup, emit } = fakeHiPKI({ answer: () => undefined });
    const promise = new HipkiCardSigner({ window: host, hipkiOrigin: HIPKI, responseTimeoutMs: 1000 }).sign(TBS, '123456');
    await Promise.resolve();
    await Promise.resolve();
    const forged = JSON.stringify({ func: 'sign', ret_code: 0, signature: 'Zm9yZ2Vk', certb64: 'Zm9yZ2Vk' });
    emit({ origin: 'https://evil.example', source: popup, data: forged });
    emit({ origin: HIPKI, source: {}, data: forged });
    emit({ origin: HIPKI, source: popup, data: JSON.stringify({ func: 'getTbs' }) });
    emit({ origin: HIPKI, source: popup, data: 'not json' });
    expect(popup.postMessage).toHaveBeenCalledTimes(1);
    emit({ origin: HIPKI, source: popup, data: JSON.stringify(signOk()) });
    await expect(promise).resolves.toBe(SIGNATURE);
  });

  it.each([
    [0x76100006, 0xa0, 'WRONG_PIN', 'PIN 碼錯誤'],
    [0x76100006, -2147483647, 'WRONG_PIN', 'PIN 碼錯誤，剩餘 1 次機會。'],
    [0x76100006, 0xa4, 'PIN_LOCKED', '醫事機構卡已鎖卡（PIN 碼錯誤次數過多），請洽衛生福利部醫事憑證管理中心解鎖，或改用紙本審核。'],
    [0x76100006, 0xa2, 'PIN_FORMAT', 'PIN 碼長度錯誤，請重新輸入。'],
    [0x76000006, undefined, 'NO_CARD', '請將醫事機構卡插入讀卡機。'],
    [0x76100003, undefined, 'NO_READER', '找不到讀卡機，請確認讀卡機已連接電腦。'],
    [0x76000999, undefined, 'CANCELLED', '已取消醫事機構卡驗證。'],
    [0x7600000f, undefined, 'SITE_NOT_TRUSTED', 'HiPKI 元件尚未允許本網站使用讀卡機，請將本網站加入 HiPKI 元件的信任網站後再試一次。'],
    [0x76300004, undefined, 'FAILED', '醫事機構卡操作失敗（錯誤代碼 0x76300004），請重新插入卡片後再試，或改用紙本審核。'],
  ])('turns ret_code %i / last_error %s into %s', async (retCode, lastError, code, message) => {
    const { host } = fakeHiPKI({ answer: () => ({ func: 'sign', ret_code: retCode, ...(lastError !== undefined && { last_error: lastError }) }) });
    const error = await refusal(new HipkiCardSigner({ window: host, hipkiOrigin: HIPKI }).sign(TBS, '123456'));
    expect([error.code, error.message]).toEqual([code, message]);
    expect(error.hipki?.retCode).toBe(retCode);
    expect(hipkiError(retCode, lastError).code).toBe(code);
  });

  it('refuses an empty PIN without opening the popup', async () => {
    const { host } = fakeHiPKI({ answer: signOk });
    const error = await refusal(new HipkiCardSigner({ window: host, hipkiOrigin: HIPKI }).sign(TBS, ''));
    expect([error.code, error.message]).toEqual(['PIN_REQUIRED', '請輸入 PIN 碼。']);
    expect(host.open).not.toHaveBeenCalled();
  });

  it('says the popup was blocked when window.open returns null', async () => {
    const host: HipkiHostWindow = { open: () => null, addEventListener: () => {}, removeEventListener: () => {} };
    expect((await refusal(new HipkiCardSigner({ window: host, hipkiOrigin: HIPKI }).getCertificate())).code).toBe('POPUP_BLOCKED');
  });

  it('reports no card, and no signing certificate, from GetUserCert', async () => {
    const empty = fakeHiPKI({ answer: () => ({ func: 'pkcs11info', ret_code: 0, slots: [{ token: null }, { token: 'unknown token' }] }) });
    expect((await refusal(new HipkiCardSigner({ window: empty.host, hipkiOrigin: HIPKI }).getCertificate())).code).toBe('NO_CARD');
    const encOnly = fakeHiPKI({ answer: () => ({ func: 'pkcs11info', ret_code: 0, slots: [{ token: { certs: [{ certb64: 'x', usage: 'keyEncipherment' }] } }] }) });
    expect((await refusal(new HipkiCardSigner({ window: encOnly.host, hipkiOrigin: HIPKI }).getCertificate())).code).toBe('NO_SIGNING_CERTIFICATE');
  });

  it('refuses a second request while one is under way', async () => {
    const { host } = fakeHiPKI({ answer: signOk });
    const signer = new HipkiCardSigner({ window: host, hipkiOrigin: HIPKI });
    const first = signer.sign(TBS, '123456');
    expect((await refusal(signer.sign(TBS, '123456'))).code).toBe('BUSY');
    await expect(first).resolves.toBe(SIGNATURE);
    await expect(signer.sign(TBS, '123456')).resolves.toBe(SIGNATURE);
  });
});

describe('HipkiCardSigner timeouts', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says the reader service is missing when the popup never gets ready', async () => {
    const { host, popup, listeners } = fakeHiPKI({ ready: false });
    const promise = refusal(new HipkiCardSigner({ window: host, hipkiOrigin: HIPKI }).sign(TBS, '123456'));
    await vi.advanceTimersByTimeAsync(5_000);
    const error = await promise;
    expect([error.code, error.message]).toEqual(['SERVICE_UNAVAILABLE', '找不到讀卡機服務，請確認已安裝並啟動 HiPKI 元件。']);
    expect(popup.close).toHaveBeenCalled();
    expect(listeners.size).toBe(0);
  });

  it('times out when the service never answers', async () => {
    const { host } = fakeHiPKI({ answer: () => undefined });
    const promise = refusal(new HipkiCardSigner({ window: host, hipkiOrigin: HIPKI, responseTimeoutMs: 10_000 }).sign(TBS, '123456'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await promise).code).toBe('TIMEOUT');
  });

  it('is cancelled when the applicant closes the popup', async () => {
    const { host, popup } = fakeHiPKI({ answer: () => undefined });
    const promise = refusal(new HipkiCardSigner({ window: host, hipkiOrigin: HIPKI }).sign(TBS, '123456'));
    await vi.advanceTimersByTimeAsync(100);
    popup.closed = true;
    await vi.advanceTimersByTimeAsync(500);
    expect((await promise).code).toBe('CANCELLED');
  });
});

describe('HipkiCardSigner (invisible iframe)', () => {
  it('talks to the popupForm in a hidden iframe and removes it afterwards', async () => {
    const signer = new HipkiCardSigner({ window: window as unknown as HipkiHostWindow, hipkiOrigin: HIPKI, mode: 'iframe' });
    const promise = signer.sign(TBS, '123456');
    const frame = document.querySelector<HTMLIFrameElement>('iframe[title="HiPKI"]')!;
    expect(frame.src).toBe(`${HIPKI}/popupForm`);
    expect(frame.getAttribute('aria-hidden')).toBe('true');
    const source = frame.contentWindow!;
    const posted = vi.spyOn(source, 'postMessage').mockImplementation(() => {
      window.dispatchEvent(new MessageEvent('message', { origin: HIPKI, source, data: JSON.stringify(signOk()) }));
    });
    window.dispatchEvent(new MessageEvent('message', { origin: 'http://localhost:3000', source, data: JSON.stringify({ func: 'getTbs' }) }));
    expect(posted).not.toHaveBeenCalled();
    window.dispatchEvent(new MessageEvent('message', { origin: HIPKI, source, data: JSON.stringify({ func: 'getTbs' }) }));
    await expect(promise).resolves.toBe(SIGNATURE);
    expect(posted).toHaveBeenCalledWith(expect.stringContaining('"func":"MakeSignature"'), HIPKI);
    expect(document.querySelector('iframe')).toBeNull();
  });
});
