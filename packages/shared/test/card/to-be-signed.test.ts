import { describe, expect, it } from 'vitest';
import { CARD_AUTH_TBS_VERSION, InvalidCardAuthTbsInputError, buildCardAuthTbs, parseCardAuthTbs } from '../../src/index.js';

const input = { origin: 'https://pportal.hpa.gov.tw', institutionCode: '0101090517', nonce: 'q2x8HkQ1Vt3mYp0sLr5nWc7dEf9gHi2jKl4oNa6bZuA' };

describe('buildCardAuthTbs', () => {
  it('builds the exact four-line text, without a trailing newline', () => {
    expect(buildCardAuthTbs(input)).toBe(
      'hpa-portal-card-auth:v1\norigin=https://pportal.hpa.gov.tw\ninstitution=0101090517\nnonce=q2x8HkQ1Vt3mYp0sLr5nWc7dEf9gHi2jKl4oNa6bZuA',
    );
    expect(CARD_AUTH_TBS_VERSION).toBe('hpa-portal-card-auth:v1');
  });

  it.each([
    ['origin', { origin: 'https://pportal.hpa.gov.tw/' }],
    ['origin', { origin: 'https://pportal.hpa.gov.tw\ninstitution=9900000002' }],
    ['origin', { origin: 'HTTPS://PPORTAL.HPA.GOV.TW' }],
    ['origin', { origin: 'https://user@pportal.hpa.gov.tw' }],
    ['institutionCode', { institutionCode: '010109051' }],
    ['institutionCode', { institutionCode: '0101090517\n' }],
    ['nonce', { nonce: 'short' }],
    ['nonce', { nonce: 'q2x8HkQ1Vt3mYp0sLr5nWc7dEf9gHi2jKl4oNa6bZuA=' }],
    ['nonce', { nonce: 'q2x8HkQ1Vt3mYp0sLr5nWc7dEf9gHi2jKl4oNa6b+/A' }],
  ] as const)('refuses a bad %s', (field, patch) => {
    expect(() => buildCardAuthTbs({ ...input, ...patch })).toThrow(new InvalidCardAuthTbsInputError(field));
  });
});

describe('parseCardAuthTbs', () => {
  it('reads back what buildCardAuthTbs wrote', () => {
    expect(parseCardAuthTbs(buildCardAuthTbs(input))).toEqual(input);
  });

  it.each([
    ['a trailing newline', `${buildCardAuthTbs(input)}\n`],
    ['another version', buildCardAuthTbs(input).replace(':v1', ':v2')],
    ['reordered lines', buildCardAuthTbs(input).split('\n').reverse().join('\n')],
    ['CRLF', buildCardAuthTbs(input).replaceAll('\n', '\r\n')],
  ])('returns null for %s', (_name, tbs) => {
    expect(parseCardAuthTbs(tbs)).toBeNull();
  });
});
