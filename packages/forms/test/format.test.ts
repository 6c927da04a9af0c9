import { describe, expect, it } from 'vitest';
import { parseTaiwanPhone, taipeiDateParts } from '../src/index.js';

describe('taipeiDateParts', () => {
  it('uses the calendar date in Asia/Taipei (UTC+8)', () => {
    expect(taipeiDateParts(new Date('2024-03-04T17:30:00Z'))).toEqual({ year: 2024, month: 3, day: 5 });
    expect(taipeiDateParts(new Date('2023-12-31T16:00:00Z'))).toEqual({ year: 2024, month: 1, day: 1 });
    expect(taipeiDateParts(new Date('2023-12-31T15:59:59Z'))).toEqual({ year: 2023, month: 12, day: 31 });
  });

  it('rejects an invalid date', () => {
    expect(() => taipeiDateParts(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('parseTaiwanPhone', () => {
  it.each([
    ['02-12345678#123', { areaCode: '02', number: '12345678', extension: '123' }],
    ['02-12345678', { areaCode: '02', number: '12345678', extension: '' }],
    ['(02)2709-3600 分機 1234', { areaCode: '02', number: '2709-3600', extension: '1234' }],
    ['（049）2345678', { areaCode: '049', number: '2345678', extension: '' }],
    ['049 2345678 ext. 9', { areaCode: '049', number: '2345678', extension: '9' }],
    ['037-123456 x12', { areaCode: '037', number: '123456', extension: '12' }],
    ['0912345678', { areaCode: '', number: '0912345678', extension: '' }],
    ['0912-345-678', { areaCode: '', number: '0912-345-678', extension: '' }],
    ['+886-2-12345678', { areaCode: '', number: '+886-2-12345678', extension: '' }],
  ])('%s', (input, expected) => {
    expect(parseTaiwanPhone(input)).toEqual(expected);
  });
});
