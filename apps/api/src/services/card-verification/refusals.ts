import type { CardRefusalCodeName } from '@portal/shared';
import { HttpError } from '../../errors/http-error.js';

/**
 * Every way a 醫事機構卡 verification can be refused: a stable code (for the SPA, the audit log
 * and tests), an HTTP status and the zh-TW message shown to the applicant. When the card cannot
 * be verified the applicant can still choose 紙本審核, so every message ends by saying so where
 * that is the way forward.
 */
export const CARD_REFUSALS = {
  CARD_CHALLENGE_UNKNOWN: { status: 400, message: '驗證請求無效，請重新點選「驗證機構卡」。' },
  CARD_CHALLENGE_EXPIRED: { status: 410, message: '驗證請求已逾時，請重新點選「驗證機構卡」。' },
  CARD_CHALLENGE_USED: { status: 409, message: '此驗證請求已使用過，請重新點選「驗證機構卡」。' },
  CARD_CERT_INVALID: { status: 400, message: '無法讀取醫事機構卡的憑證，請確認卡片已正確插入讀卡機後再試一次。' },
  CARD_SIGNATURE_MALFORMED: { status: 400, message: '醫事機構卡的簽章格式不正確，請重新驗證。' },
  CARD_CERT_NOT_YET_VALID: { status: 422, message: '醫事機構卡憑證尚未生效，請改用紙本審核。' },
  CARD_CERT_EXPIRED: { status: 422, message: '醫事機構卡憑證已過期，請向衛生福利部醫事憑證管理中心申請換發，或改用紙本審核。' },
  CARD_KEY_USAGE: { status: 422, message: '此憑證不能用於數位簽章，請使用醫事機構卡的簽章憑證。' },
  CARD_NOT_INSTITUTION_CARD: { status: 422, message: '此卡片不是醫事機構卡，請插入貴機構的醫事機構卡。' },
  CARD_INSTITUTION_MISMATCH: { status: 422, message: '醫事機構卡的機構代碼與申請的單位不符，請插入所申請單位的醫事機構卡。' },
  CARD_UNSUPPORTED_KEY: { status: 422, message: '不支援此醫事機構卡的金鑰類型，請改用紙本審核。' },
  CARD_CHAIN_UNTRUSTED: { status: 422, message: '醫事機構卡憑證不是由受信任的醫事憑證管理中心所簽發，請改用紙本審核。' },
  CARD_CHAIN_INVALID: { status: 422, message: '醫事機構卡憑證鏈驗證失敗，請改用紙本審核。' },
  CARD_REVOKED: { status: 422, message: '醫事機構卡憑證已廢止，請改用紙本審核。' },
  CARD_REVOCATION_UNKNOWN: { status: 503, message: '目前無法確認醫事機構卡憑證的廢止狀態，請稍後再試或改用紙本審核。' },
  CARD_NOT_CONFIGURED: { status: 503, message: '本系統尚未設定醫事機構卡驗證，請改用紙本審核。' },
  CARD_SIGNATURE_INVALID: { status: 422, message: '醫事機構卡簽章驗證失敗，請重新驗證或改用紙本審核。' },
} as const satisfies Record<CardRefusalCodeName, { status: number; message: string }>;

export type CardRefusalCode = keyof typeof CARD_REFUSALS;

/**
 * A refused card verification. `detail` says precisely why (for the log and the audit event);
 * it is English, may name certificate fields, and is never sent to the browser.
 */
export class CardVerificationError extends HttpError {
  constructor(
    override readonly code: CardRefusalCode,
    readonly detail: string,
  ) {
    super(CARD_REFUSALS[code].status, code, CARD_REFUSALS[code].message);
    this.name = 'CardVerificationError';
  }
}

export const refuse = (code: CardRefusalCode, detail: string) => new CardVerificationError(code, detail);
