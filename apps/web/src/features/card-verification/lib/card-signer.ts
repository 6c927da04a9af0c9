/**
 * The browser's access to the 醫事機構卡: read its certificate, sign the portal's challenge.
 * The screen depends on this interface only; the HiPKI implementation (hipki-card-signer.ts)
 * talks to the card reader service, tests substitute a fake.
 */

export interface CardCertificateInfo {
  /** The signing certificate, base64 DER (HiPKI's `certb64`). */
  certificateB64: string;
  /** Its subject DN as the reader service reports it (may be empty); for display only. */
  subject: string;
}

export interface CardSignature {
  /** Base64 signature over the UTF-8 bytes of the to-be-signed text. */
  signatureB64: string;
  /** The certificate whose key made the signature, base64 DER. */
  certificateB64: string;
}

export interface CardSigner {
  getCertificate(): Promise<CardCertificateInfo>;
  /** Signs `tbs` (exactly, as UTF-8) with the card's signing key after PIN entry; base64 signature. */
  sign(tbs: string, pin: string): Promise<string>;
  /**
   * Signature and certificate in one exchange with the reader service. Prefer this: HiPKI's
   * popup answers one request and closes, and each popup needs its own click.
   */
  signWithCertificate(tbs: string, pin: string): Promise<CardSignature>;
}

export type CardSignerErrorCode =
  | 'SERVICE_UNAVAILABLE'
  | 'POPUP_BLOCKED'
  | 'TIMEOUT'
  | 'CANCELLED'
  | 'BUSY'
  | 'WRONG_PIN'
  | 'PIN_LOCKED'
  | 'PIN_REQUIRED'
  | 'PIN_FORMAT'
  | 'NO_CARD'
  | 'NO_READER'
  | 'NO_SIGNING_CERTIFICATE'
  | 'SITE_NOT_TRUSTED'
  | 'FAILED';

export const CARD_SIGNER_MESSAGES: Record<CardSignerErrorCode, string> = {
  SERVICE_UNAVAILABLE: '找不到讀卡機服務，請確認已安裝並啟動 HiPKI 元件。',
  POPUP_BLOCKED: '瀏覽器封鎖了讀卡機視窗，請允許本網站開啟彈出式視窗後再試一次。',
  TIMEOUT: '讀卡機服務沒有回應，請確認讀卡機與卡片後再試一次。',
  CANCELLED: '已取消醫事機構卡驗證。',
  BUSY: '讀卡機正在處理上一個要求，請稍候再試。',
  WRONG_PIN: 'PIN 碼錯誤',
  PIN_LOCKED: '醫事機構卡已鎖卡（PIN 碼錯誤次數過多），請洽衛生福利部醫事憑證管理中心解鎖，或改用紙本審核。',
  PIN_REQUIRED: '請輸入 PIN 碼。',
  PIN_FORMAT: 'PIN 碼長度錯誤，請重新輸入。',
  NO_CARD: '請將醫事機構卡插入讀卡機。',
  NO_READER: '找不到讀卡機，請確認讀卡機已連接電腦。',
  NO_SIGNING_CERTIFICATE: '卡片中找不到可用於簽章的憑證，請確認插入的是醫事機構卡。',
  SITE_NOT_TRUSTED: 'HiPKI 元件尚未允許本網站使用讀卡機，請將本網站加入 HiPKI 元件的信任網站後再試一次。',
  FAILED: '醫事機構卡操作失敗，請重新插入卡片後再試，或改用紙本審核。',
};

/** A refusal from the card or its reader service; `message` is zh-TW and safe to show. */
export class CardSignerError extends Error {
  constructor(
    readonly code: CardSignerErrorCode,
    message: string = CARD_SIGNER_MESSAGES[code],
    /** HiPKI's `ret_code` and `last_error`, when the service answered. */
    readonly hipki?: { retCode: number; lastError?: number },
  ) {
    super(message);
    this.name = 'CardSignerError';
  }
}
