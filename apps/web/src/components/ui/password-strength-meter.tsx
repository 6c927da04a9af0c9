import './password-strength-meter.css';
import type { PasswordLevel, PasswordVerdict } from '@portal/shared';

const LEVELS: readonly PasswordLevel[] = ['弱', '中', '強'];
const LEVEL_CLASS: Record<PasswordLevel, string> = { 弱: 'weak', 中: 'medium', 強: 'strong' };

interface PasswordStrengthMeterProps {
  id: string;
  verdict: PasswordVerdict | null;
  evaluatedLength: number;
  pending: boolean;
}

/**
 * 密碼強度： 弱 中 強, as the administration's guide shows it. A role="meter" carrying the zxcvbn score (0–4) and the
 * level as its text; the segments up to the level are coloured. A polite live region
 * announces the level only when it changes, not on every keystroke.
 */
export function PasswordStrengthMeter({ id, verdict, evaluatedLength, pending }: PasswordStrengthMeterProps) {
  const level = verdict?.level ?? '弱';
  // An empty password lights nothing; anything typed lights at least 弱.
  const lit = evaluatedLength === 0 ? 0 : LEVELS.indexOf(level) + 1;
  return (
    <div className="strength">
      <span className="strength-label" aria-hidden="true">
        密碼強度：
      </span>
      <div
        id={id}
        role="meter"
        aria-label="密碼強度"
        aria-valuemin={0}
        aria-valuemax={4}
        aria-valuenow={verdict?.score ?? 0}
        aria-valuetext={level}
        aria-busy={pending}
        data-evaluated-length={evaluatedLength}
        className={`strength-meter strength-${LEVEL_CLASS[level]}`}
      >
        {LEVELS.map((segment, index) => (
          <span
            key={segment}
            aria-hidden="true"
            className={`strength-segment strength-segment-${LEVEL_CLASS[segment]}${index < lit ? ' is-lit' : ''}`}
          >
            {segment}
          </span>
        ))}
      </div>
      <span className="visually-hidden" aria-live="polite">
        {evaluatedLength === 0 ? '' : `密碼強度：${level}`}
      </span>
    </div>
  );
}
