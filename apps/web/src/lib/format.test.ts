import { describe, expect, it } from 'vitest';
import { fileTypeLabel, formatFileSize, formatTaipeiDate, pageFromParam } from './format';

describe('format', () => {
  it('shows dates as YYYY/MM/DD in Asia/Taipei', () => {
    expect(formatTaipeiDate('2020-09-25T16:00:00.000Z')).toBe('2020/09/26');
    expect(formatTaipeiDate('2020-09-26T15:59:59.000Z')).toBe('2020/09/26');
    expect(formatTaipeiDate('2020-09-26T16:00:00.000Z')).toBe('2020/09/27');
  });

  it('shows file sizes and types', () => {
    expect(formatFileSize(512)).toBe('512 B');
    expect(formatFileSize(125_952)).toBe('123 KB');
    expect(formatFileSize(2_621_440)).toBe('2.5 MB');
    expect(fileTypeLabel('a.pdf', 'application/pdf')).toBe('PDF');
    expect(fileTypeLabel('README', 'text/plain')).toBe('PLAIN');
  });

  it('reads the page number with the API rule', () => {
    expect(pageFromParam(null)).toBe(1);
    expect(pageFromParam('3')).toBe(3);
    expect(pageFromParam('0')).toBe(1);
    expect(pageFromParam('abc')).toBe(1);
    expect(pageFromParam('10001')).toBe(1);
  });
});
