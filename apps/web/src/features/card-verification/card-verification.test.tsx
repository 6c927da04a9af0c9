import { MANAGER_REQUEST_MESSAGES, PAPER_FORM_MAILBOX, type ErrorBody } from '@portal/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetPendingApplicant, rememberPendingApplicant } from '../../lib/pending-applicant';
import { cardChallengeFixture, PENDING_APPLICANT } from '../../testing/handlers/manager-requests';
import { renderApp } from '../../testing/render';
import { server } from '../../testing/server';
import { CardSignerError, type CardSigner } from './lib/card-signer';
import { CardSignerProvider } from './lib/card-signer-context';
import { readMultipart } from '../../testing/multipart';

const PIN = '123456';
const CERT = 'MIIBfakeCertificateB64';
const SIGNATURE = 'ZmFrZS1zaWduYXR1cmU=';

/** A CardSigner that records what it was asked to sign; `fail` makes it refuse. */
function fakeSigner(fail?: CardSignerError) {
  const calls: { tbs: string; pin: string }[] = [];
  const signer: CardSigner = {
    getCertificate: vi.fn(async () => ({ certificateB64: CERT, subject: 'serialNumber=9900000002' })),
    sign: vi.fn(async (tbs: string, pin: string) => {
      calls.push({ tbs, pin });
      if (fail) throw fail;
      return SIGNATURE;
    }),
    signWithCertificate: vi.fn(async (tbs: string, pin: string) => {
      calls.push({ tbs, pin });
      if (fail) throw fail;
      return { signatureB64: SIGNATURE, certificateB64: CERT };
    }),
  };
  return { signer, calls };
}

/** Every request body sent to /api, as text (to prove the PIN never goes there). */
function recordApiBodies() {
  const bodies: { url: string; body: string }[] = [];
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'GET' || !new URL(request.url).pathname.startsWith('/api/')) return;
    void request
      .clone()
      .text()
      .then((body) => bodies.push({ url: new URL(request.url).pathname, body }));
  });
  return bodies;
}

async function openCardScreen(signer: CardSigner) {
  return renderApp('/apply/card-verification', { wrap: (app) => <CardSignerProvider signer={signer}>{app}</CardSignerProvider> });
}

const pinField = () => screen.getByLabelText('PIN碼');

beforeEach(() => rememberPendingApplicant(PENDING_APPLICANT));
afterEach(() => forgetPendingApplicant());

describe('醫事機構卡驗證 (pending application)', () => {
  it('shows the seed box verbatim, signs exactly the challenge text with the PIN, posts no PIN, and says 成功！', async () => {
    const { signer, calls } = fakeSigner();
    const bodies = recordApiBodies();
    const { user } = await openCardScreen(signer);

    const box = screen.getByRole('region', { name: '醫事機構卡驗證' });
    expect(box).toHaveTextContent(MANAGER_REQUEST_MESSAGES.cardIntro);
    expect(box).toHaveTextContent('※若沒有[醫事機構卡]可驗證或驗證失敗，則請選擇[紙本審核]。');
    expect(pinField()).toHaveAttribute('type', 'password');
    expect(within(box).getByRole('link', { name: '紙本審核' })).toHaveAttribute('href', '/apply/paper-review');

    await user.type(pinField(), PIN);
    await user.click(screen.getByRole('button', { name: '驗證機構卡' }));

    const success = await screen.findByRole('heading', { name: '成功！' });
    await waitFor(() => expect(success).toHaveFocus());
    expect(screen.getByText(/您的帳號已開通，請由首頁服務登入。/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '前往首頁服務登入' })).toHaveAttribute('href', '/');

    expect(calls).toEqual([{ tbs: cardChallengeFixture.toBeSigned, pin: PIN }]);
    await waitFor(() => expect(bodies.map((item) => item.url)).toEqual(['/api/card-verification/challenges', '/api/card-verification/verifications']));
    expect(JSON.parse(bodies[0]!.body)).toEqual(PENDING_APPLICANT);
    expect(JSON.parse(bodies[1]!.body)).toEqual({
      challengeId: cardChallengeFixture.challengeId,
      nonce: cardChallengeFixture.nonce,
      certificate: CERT,
      signature: SIGNATURE,
    });
    for (const { body } of bodies) expect(body).not.toContain(PIN);
  });

  it('checks the PIN (6–12 digits) before anything is asked of the API or the card', async () => {
    const { signer, calls } = fakeSigner();
    const bodies = recordApiBodies();
    const { user } = await openCardScreen(signer);
    await user.click(screen.getByRole('button', { name: '驗證機構卡' }));
    expect(screen.getByText('請輸入 PIN 碼。')).toBeInTheDocument();
    await user.type(pinField(), '12a45');
    await user.click(screen.getByRole('button', { name: '驗證機構卡' }));
    expect(screen.getByText('PIN 碼須為 6 至 12 位數字。')).toBeInTheDocument();
    expect(pinField()).toHaveAttribute('aria-invalid', 'true');
    expect(pinField()).toHaveFocus();
    expect(calls).toEqual([]);
    expect(bodies).toEqual([]);
  });

  it.each([
    ['CARD_SIGNATURE_INVALID', 422, '醫事機構卡簽章驗證失敗，請重新驗證或改用紙本審核。'],
    ['CARD_INSTITUTION_MISMATCH', 422, '此醫事機構卡不屬於您申請的機構（9900000002）。'],
    ['CARD_CHALLENGE_EXPIRED', 410, '驗證逾時，請重新點選「驗證機構卡」。'],
    ['CARD_REVOKED', 422, '此醫事機構卡的憑證已被廢止。'],
  ])('shows the API refusal %s and offers 紙本審核', async (code, status, message) => {
    server.use(http.post('*/api/card-verification/verifications', () => HttpResponse.json({ code, message } satisfies ErrorBody, { status })));
    const { user } = await openCardScreen(fakeSigner().signer);
    await user.type(pinField(), PIN);
    await user.click(screen.getByRole('button', { name: '驗證機構卡' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.getByRole('link', { name: '改以紙本審核' })).toHaveAttribute('href', '/apply/paper-review');
    expect(screen.queryByRole('heading', { name: '成功！' })).not.toBeInTheDocument();
  });

  it.each([
    ['SERVICE_UNAVAILABLE', new CardSignerError('SERVICE_UNAVAILABLE'), '找不到讀卡機服務，請確認已安裝並啟動 HiPKI 元件。'],
    ['WRONG_PIN', new CardSignerError('WRONG_PIN', 'PIN 碼錯誤，剩餘 2 次機會。'), 'PIN 碼錯誤，剩餘 2 次機會。'],
    ['NO_CARD', new CardSignerError('NO_CARD'), '請將醫事機構卡插入讀卡機。'],
  ])('shows the card adapter refusal %s and offers 紙本審核, posting nothing to verify', async (_code, failure, message) => {
    const bodies = recordApiBodies();
    const { user } = await openCardScreen(fakeSigner(failure).signer);
    await user.type(pinField(), PIN);
    await user.click(screen.getByRole('button', { name: '驗證機構卡' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.getByRole('link', { name: '改以紙本審核' })).toBeInTheDocument();
    await waitFor(() => expect(bodies.map((item) => item.url)).toEqual(['/api/card-verification/challenges']));
  });

  it('asks for 帳號 and 密碼 when they are not remembered (a later visit), checks them at once and says a wrong one on 密碼', async () => {
    forgetPendingApplicant();
    const bodies = recordApiBodies();
    const { signer } = fakeSigner();
    const { user } = await openCardScreen(signer);
    const main = within(screen.getByRole('main'));
    const accountName = main.getByLabelText('(必填)帳號');
    const password = main.getByLabelText('(必填)密碼');
    await user.type(accountName, PENDING_APPLICANT.accountName);
    await user.type(password, 'Wrong*Pass=1');
    await user.click(screen.getByRole('button', { name: '繼續' }));
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(password).toHaveAccessibleDescription(MANAGER_REQUEST_MESSAGES.notPendingApplication);
    expect(password).toHaveFocus();
    expect(accountName).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByLabelText('PIN碼')).not.toBeInTheDocument();

    // Corrected in place, without reloading: the card step follows.
    await user.clear(password);
    await user.type(password, PENDING_APPLICANT.password);
    await user.click(screen.getByRole('button', { name: '繼續' }));
    await screen.findByLabelText('PIN碼');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: '醫事機構卡驗證' })).toHaveFocus());
    await user.type(screen.getByLabelText('PIN碼'), PIN);
    await user.click(screen.getByRole('button', { name: '驗證機構卡' }));
    expect(await screen.findByRole('heading', { name: MANAGER_REQUEST_MESSAGES.cardSuccess })).toBeInTheDocument();
    await waitFor(() =>
      expect(bodies.map((item) => item.url)).toEqual([
        '/api/applications/credentials',
        '/api/applications/credentials',
        '/api/card-verification/challenges',
        '/api/card-verification/verifications',
      ]),
    );
  });

  it('names the empty fields before asking the API', async () => {
    forgetPendingApplicant();
    const bodies = recordApiBodies();
    const { user } = await openCardScreen(fakeSigner().signer);
    await user.click(screen.getByRole('button', { name: '繼續' }));
    const accountName = screen.getByLabelText('(必填)帳號');
    await waitFor(() => expect(accountName).toHaveAttribute('aria-invalid', 'true'));
    expect(accountName).toHaveFocus();
    expect(screen.getByLabelText('(必填)密碼')).toHaveAttribute('aria-invalid', 'true');
    expect(bodies).toEqual([]);
  });

  it('says the throttle (429) in an alert that takes focus, and keeps the form', async () => {
    forgetPendingApplicant();
    const tooMany = '嘗試次數過多，請稍後再試。';
    server.use(
      http.post('*/api/applications/credentials', () => HttpResponse.json({ code: 'RATE_LIMITED', message: tooMany } satisfies ErrorBody, { status: 429, headers: { 'retry-after': '60' } })),
    );
    const { user } = await openCardScreen(fakeSigner().signer);
    await user.type(screen.getByLabelText('(必填)帳號'), PENDING_APPLICANT.accountName);
    await user.type(screen.getByLabelText('(必填)密碼'), PENDING_APPLICANT.password);
    await user.click(screen.getByRole('button', { name: '繼續' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(tooMany);
    await waitFor(() => expect(alert).toHaveFocus());
    expect(screen.getByLabelText('(必填)密碼')).toHaveValue(PENDING_APPLICANT.password);
  });
});

describe('紙本審核 (pending application)', () => {
  const openPaper = () => renderApp('/apply/paper-review');
  const fileInput = () => screen.getByLabelText('申請表掃描檔') as HTMLInputElement;

  it('explains the paper process, offers the mailbox and downloads the filled form', async () => {
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:filled-form';
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const { user } = await openPaper();
    expect(screen.getByText(MANAGER_REQUEST_MESSAGES.paperInstructions)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: PAPER_FORM_MAILBOX })).toHaveAttribute('href', `mailto:${PAPER_FORM_MAILBOX}`);
    expect(fileInput()).toHaveAttribute('accept', '.pdf,.jpg,.jpeg,.png');

    await user.click(screen.getByRole('button', { name: '下載已填寫之申請表' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(created).toHaveLength(1);
    expect(created[0]!.size).toBeGreaterThan(0);
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toBe('管理者帳號申請異動表_MR20261126-0001.pdf');
    expect(await screen.findByRole('status', { name: '' })).toBeInTheDocument();
    click.mockRestore();
  });

  it('refuses a scan over 5 MB or of another type before uploading', async () => {
    const bodies = recordApiBodies();
    const { user } = await openPaper();
    await user.upload(fileInput(), new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'scan.pdf', { type: 'application/pdf' }));
    await user.click(screen.getByRole('button', { name: '上傳掃描檔' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(MANAGER_REQUEST_MESSAGES.scanTooLarge);

    // accept= is only a hint: a .gif can still be chosen (e.g. "all files").
    fireEvent.change(fileInput(), { target: { files: [new File(['GIF89a'], 'scan.gif', { type: 'image/gif' })] } });
    await user.click(screen.getByRole('button', { name: '上傳掃描檔' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(MANAGER_REQUEST_MESSAGES.scanType);
    expect(bodies).toEqual([]);
  });

  it('shows the API type refusal (415, sniffed content)', async () => {
    server.use(
      http.post('*/api/applications/paper-form/scan', () =>
        HttpResponse.json({ code: 'SCAN_UNSUPPORTED_TYPE', message: MANAGER_REQUEST_MESSAGES.scanType } satisfies ErrorBody, { status: 415 }),
      ),
    );
    const { user } = await openPaper();
    await user.upload(fileInput(), new File(['not really a pdf'], 'scan.pdf', { type: 'application/pdf' }));
    await user.click(screen.getByRole('button', { name: '上傳掃描檔' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(MANAGER_REQUEST_MESSAGES.scanType);
  });

  it('uploads the scan with 帳號 + 密碼 and shows the three working days with the due date', async () => {
    const uploads: { accountName: unknown; password: unknown; file: unknown }[] = [];
    server.events.on('request:start', ({ request }) => {
      if (!request.url.endsWith('/api/applications/paper-form/scan')) return;
      void readMultipart(request.clone()).then(({ fields, file }) =>
        uploads.push({ accountName: fields.accountName, password: fields.password, file: file?.contentType }),
      );
    });
    const { user } = await openPaper();
    await user.upload(fileInput(), new File(['%PDF-1.4'], 'stamped.pdf', { type: 'application/pdf' }));
    await user.click(screen.getByRole('button', { name: '上傳掃描檔' }));
    const done = await screen.findByRole('heading', { name: '已收到您的申請表，系統人員將在三個工作天內完成審核。' });
    await waitFor(() => expect(done).toHaveFocus());
    expect(screen.getByText('2026/12/01')).toBeInTheDocument();
    await waitFor(() => expect(uploads).toHaveLength(1));
    expect(uploads).toEqual([{ ...PENDING_APPLICANT, file: 'application/pdf' }]);
  });
});
