import { MANAGER_REQUEST_MESSAGES, type CardVerificationResult } from '@portal/shared';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { PAGE_HEADING_ID } from '../../../components/ui/page';
import { ApiError } from '../../../lib/api-error';
import { paths } from '../../../lib/site';
import { createCardChallenge, submitCardSignature } from '../api/verify-card';
import type { VerificationTarget } from '../api/verification-target';
import { CardSignerError } from '../lib/card-signer';
import { useCardSigner } from '../lib/card-signer-context';

/** The card's PIN: 6–12 digits (checked here; only the local card service ever receives it). */
export const PIN_PATTERN = /^\d{6,12}$/;

export const CARD_VERIFICATION_TEXT = {
  pinLabel: 'PIN碼',
  pinHint: '請輸入醫事機構卡的 PIN 碼（6 至 12 位數字）。PIN 碼只會傳給您電腦上的讀卡機元件，不會傳送至本系統。',
  pinRequired: '請輸入 PIN 碼。',
  pinFormat: 'PIN 碼須為 6 至 12 位數字。',
  button: '驗證機構卡',
  stepChallenge: '正在向系統取得驗證資料…',
  stepCard: '請依讀卡機元件視窗的指示操作，正在以醫事機構卡簽章…',
  stepVerify: '正在驗證醫事機構卡…',
  activated: '您的帳號已開通，請由首頁服務登入。',
  goLogin: '前往首頁服務登入',
  paper: '紙本審核',
  unexpected: '醫事機構卡驗證失敗，請稍後再試，或改用紙本審核。',
} as const;

type Phase = 'idle' | 'challenge' | 'card' | 'verify';

const PHASE_TEXT: Record<Exclude<Phase, 'idle'>, string> = {
  challenge: CARD_VERIFICATION_TEXT.stepChallenge,
  card: CARD_VERIFICATION_TEXT.stepCard,
  verify: CARD_VERIFICATION_TEXT.stepVerify,
};

function reasonOf(error: unknown): string {
  if (error instanceof ApiError || error instanceof CardSignerError) return error.message;
  return CARD_VERIFICATION_TEXT.unexpected;
}

interface CardVerificationPanelProps {
  target: VerificationTarget;
  /** Where 紙本審核 leads. */
  paperHref: string;
  /** After 200 (e.g. forget the remembered password, refresh the session). */
  onVerified?: (result: CardVerificationResult) => void;
}

/**
 * 醫事機構卡驗證 (the window the administration's guide shows): PIN, 驗證機構卡 → the API's challenge → the card signs its
 * toBeSigned through the CardSigner → signature + certificate to the API → 成功！, or the reason
 * and the offer of 紙本審核.
 */
export function CardVerificationPanel({ target, paperHref, onVerified }: CardVerificationPanelProps) {
  const signer = useCardSigner();
  const ids = { title: useId(), pin: useId(), hint: useId(), error: useId() };
  const [pin, setPin] = useState('');
  const [pinError, setPinError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<CardVerificationResult | null>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  const successRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (result) successRef.current?.focus();
  }, [result]);

  const verify = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (phase !== 'idle') return;
    setFailure(null);
    const problem = pin === '' ? CARD_VERIFICATION_TEXT.pinRequired : PIN_PATTERN.test(pin) ? null : CARD_VERIFICATION_TEXT.pinFormat;
    setPinError(problem);
    if (problem) {
      pinRef.current?.focus();
      return;
    }
    try {
      setPhase('challenge');
      const challenge = await createCardChallenge(target);
      setPhase('card');
      // One exchange with the reader service gives both (each HiPKI popup answers one request).
      const signed = await signer.signWithCertificate(challenge.toBeSigned, pin);
      setPhase('verify');
      const verified = await submitCardSignature(target, {
        challengeId: challenge.challengeId,
        nonce: challenge.nonce,
        certificate: signed.certificateB64,
        signature: signed.signatureB64,
      });
      setPin('');
      setResult(verified);
      onVerified?.(verified);
    } catch (error) {
      setFailure(reasonOf(error));
      if (error instanceof CardSignerError && (error.code === 'WRONG_PIN' || error.code === 'PIN_FORMAT')) setPin('');
    } finally {
      setPhase('idle');
    }
  };

  if (result) {
    return (
      <section className="verification-box card-verification-success" aria-labelledby={ids.title}>
        <h2 id={ids.title} ref={successRef} tabIndex={-1} className="verification-success-title">
          {MANAGER_REQUEST_MESSAGES.cardSuccess}
        </h2>
        {result.result === 'ACTIVATED' ? (
          <p>
            {CARD_VERIFICATION_TEXT.activated}
            <Link to={paths.announcements} className="verification-success-link">
              {CARD_VERIFICATION_TEXT.goLogin}
            </Link>
          </p>
        ) : (
          <p>{MANAGER_REQUEST_MESSAGES.applied}</p>
        )}
      </section>
    );
  }

  const busy = phase !== 'idle';
  const describedBy = [ids.hint, pinError ? ids.error : null].filter(Boolean).join(' ');
  return (
    // Named by the page's <h1> (醫事機構卡驗證): a second heading of the same words said nothing new.
    <section className="verification-box" aria-labelledby={PAGE_HEADING_ID}>
      <p>{MANAGER_REQUEST_MESSAGES.cardIntro}</p>
      <p>{MANAGER_REQUEST_MESSAGES.cardFallback}</p>
      <form className="card-verification-form" onSubmit={(event) => void verify(event)} noValidate>
        <div className="field">
          <label htmlFor={ids.pin}>{CARD_VERIFICATION_TEXT.pinLabel}</label>
          <input
            ref={pinRef}
            id={ids.pin}
            name="pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={12}
            value={pin}
            onChange={(event) => setPin(event.target.value.trim())}
            aria-invalid={pinError ? true : undefined}
            aria-describedby={describedBy}
            disabled={busy}
          />
          <p id={ids.hint} className="field-hint">
            {CARD_VERIFICATION_TEXT.pinHint}
          </p>
          {pinError ? (
            <p id={ids.error} className="field-error">
              {pinError}
            </p>
          ) : null}
        </div>
        <div className="verification-actions">
          <button type="submit" className="button button-primary" disabled={busy} aria-disabled={busy}>
            {CARD_VERIFICATION_TEXT.button}
          </button>
          <Link to={paperHref} className="button button-secondary">
            {CARD_VERIFICATION_TEXT.paper}
          </Link>
        </div>
      </form>
      <p role="status" className="result-status">
        {busy ? PHASE_TEXT[phase] : ''}
      </p>
      {failure ? (
        <div className="alert alert-error">
          <p role="alert">{failure}</p>
          <p>
            {MANAGER_REQUEST_MESSAGES.cardFallback}
            <Link to={paperHref}>改以{CARD_VERIFICATION_TEXT.paper}</Link>
          </p>
        </div>
      ) : null}
    </section>
  );
}
