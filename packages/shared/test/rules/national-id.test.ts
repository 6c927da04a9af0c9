import { describe, expect, it } from 'vitest';
import { FIELD_FIXTURES } from '../../src/rules/fixtures.js';
import {
  isValidTaiwanId,
  makeTaiwanIdWithChecksum,
  normalizeTaiwanId,
} from '../../src/rules/national-id.js';

const fixture = FIELD_FIXTURES.find((f) => f.field === 'nationalId')!;

describe('isValidTaiwanId over the shared fixtures', () => {
  it.each(fixture.accepted)('valid: %j', ({ value }) => {
    expect(isValidTaiwanId(value!)).toBe(true);
  });
  it.each(fixture.rejected.filter((r) => r.value !== undefined))('invalid: %j', ({ value }) => {
    expect(isValidTaiwanId(value!)).toBe(false);
  });
});

describe('checksum', () => {
  // For a valid ID, every other check digit must fail: catches off-by-one in the weights.
  it.each(['A123456789', 'AC01234567', 'A800000014'])('only one check digit fits %s', (id) => {
    const prefix = id.slice(0, 9);
    const valid = Array.from({ length: 10 }, (_, d) => `${prefix}${d}`).filter(isValidTaiwanId);
    expect(valid).toEqual([id]);
  });

  it('swapping two adjacent digits breaks the checksum', () => {
    expect(isValidTaiwanId('A123456789')).toBe(true);
    expect(isValidTaiwanId('A123456879')).toBe(false);
  });

  it('old-format 居留證 uses the last digit of the second letter code (A=10→0 … D=13→3)', () => {
    // Same digits after the letter, second letter A..D ↔ new-style digit 0..3.
    expect(makeTaiwanIdWithChecksum('AA0000000')).toBe('AA00000009');
    expect(makeTaiwanIdWithChecksum('AB0000000')).toBe('AB00000001');
    expect(makeTaiwanIdWithChecksum('AC0000000')).toBe('AC00000003');
    expect(makeTaiwanIdWithChecksum('AD0000000')).toBe('AD00000005');
  });

  it('I, O, W … use their out-of-order codes (I=34, O=35, W=32, Z=33)', () => {
    expect(makeTaiwanIdWithChecksum('I10000000')).toBe('I100000003');
    expect(makeTaiwanIdWithChecksum('O10000000')).toBe('O100000004');
    expect(makeTaiwanIdWithChecksum('W10000000')).toBe('W100000001');
    expect(makeTaiwanIdWithChecksum('Z10000000')).toBe('Z100000002');
  });
});

describe('normalizeTaiwanId', () => {
  it('trims and upper-cases', () => {
    expect(normalizeTaiwanId('  a123456789\n')).toBe('A123456789');
  });
  it('does not convert full-width characters (they stay invalid)', () => {
    expect(normalizeTaiwanId('ａ１２３４５６７８９')).toBe('Ａ１２３４５６７８９');
    expect(isValidTaiwanId('ａ１２３４５６７８９')).toBe(false);
  });
  it('accepts lower-case input', () => {
    expect(isValidTaiwanId('a123456789')).toBe(true);
    expect(isValidTaiwanId('ac01234567')).toBe(true);
  });
});

describe('makeTaiwanIdWithChecksum', () => {
  it.each([
    ['A12345678', 'A123456789'],
    ['f23112345', 'F231123456'],
    ['BD0123456', 'BD01234560'],
    ['A80000001', 'A800000014'],
    ['F90000000', 'F900000002'],
  ])('%s → %s', (prefix, id) => {
    expect(makeTaiwanIdWithChecksum(prefix)).toBe(id);
    expect(isValidTaiwanId(id)).toBe(true);
  });

  it.each(['A1234567', 'A123456789', 'A32345678', 'AE0123456', '112345678', ''])(
    'throws on malformed prefix %j',
    (prefix) => {
      expect(() => makeTaiwanIdWithChecksum(prefix)).toThrow(
        `makeTaiwanIdWithChecksum: "${prefix}" is not a valid 9-character ID prefix`,
      );
    },
  );

  it('generated IDs are valid for every letter and format', () => {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
    const generated = letters.flatMap((l) =>
      ['1', '2', 'A', 'D', '8', '9'].map((s) => makeTaiwanIdWithChecksum(`${l}${s}1234567`)),
    );
    expect(generated.filter((id) => !isValidTaiwanId(id))).toEqual([]);
    expect(generated).toHaveLength(156);
  });
});
