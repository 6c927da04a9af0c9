import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/env.js';
import { taipeiDate } from '@portal/shared';
import { addWorkingDays, isWorkingDay, loadHolidayCalendar, parseHolidayCalendar } from '../../src/lib/working-days.js';
import { productionEnv } from '../helpers/production-env.js';

const calendar = loadHolidayCalendar();
/** The due instant as the Taipei date it falls on. */
const dueDate = (submittedAt: string) => taipeiDate(addWorkingDays(new Date(submittedAt), 3, calendar));

describe('addWorkingDays (Asia/Taipei, Taiwan calendar)', () => {
  it('counts three working days after the day of submission, ending at 23:59:59.999 Taipei', () => {
    // Tuesday 2026-11-24 10:00 Taipei → Friday 2026-11-27.
    const due = addWorkingDays(new Date('2026-11-24T02:00:00Z'), 3, calendar);
    expect(due.toISOString()).toBe('2026-11-27T15:59:59.999Z');
  });

  it('skips the weekend', () => {
    expect(dueDate('2026-11-27T01:00:00Z')).toBe('2026-12-02'); // Fri → Wed
  });

  it('uses the Taipei date, not UTC: 07:30 Taipei on Monday is still Sunday in UTC', () => {
    expect(dueDate('2026-11-22T23:30:00Z')).toBe('2026-11-26'); // Mon 07:30 Taipei → Thu
  });

  it('skips public holidays: 國慶日 (補假 Fri 10/9) 2026', () => {
    // Wednesday 2026-10-07 → Thu 10/8, (Fri 10/9 補假, weekend), Mon 10/12, Tue 10/13.
    expect(dueDate('2026-10-07T02:00:00Z')).toBe('2026-10-13');
  });

  it('skips the 2025 new holidays: 教師節 (補假 9/29) and 光復節 (補假 10/24)', () => {
    expect(dueDate('2025-09-25T02:00:00Z')).toBe('2025-10-01'); // Thu → Fri 26, (Mon 29 off), Tue 30, Wed 1
    expect(dueDate('2025-10-22T02:00:00Z')).toBe('2025-10-28'); // Wed → Thu 23, (Fri 24 off), Mon 27, Tue 28
  });

  it('skips 春節 and counts a make-up Saturday (補行上班 2025-02-08)', () => {
    // Friday 2025-01-24 → (1/27–1/31 off) Mon 2/3, Tue 2/4, Wed 2/5.
    expect(dueDate('2025-01-24T02:00:00Z')).toBe('2025-02-05');
    expect(isWorkingDay('2025-02-08', calendar)).toBe(true);
    // Thursday 2025-02-06 → Fri 2/7, Sat 2/8 (補班), Mon 2/10.
    expect(dueDate('2025-02-06T02:00:00Z')).toBe('2025-02-10');
  });

  it('reads another calendar from HOLIDAY_CALENDAR_FILE', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'holidays-'));
    const file = path.join(dir, 'custom.json');
    await writeFile(file, JSON.stringify({ holidays: [{ date: '2026-11-25', name: '測試假日' }], workdays: [] }));
    const custom = loadHolidayCalendar(parseEnv({ HOLIDAY_CALENDAR_FILE: file }).HOLIDAY_CALENDAR_FILE);
    expect(taipeiDate(addWorkingDays(new Date('2026-11-24T02:00:00Z'), 3, custom))).toBe('2026-11-30');
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a malformed calendar', () => {
    expect(() => parseHolidayCalendar({ holidays: [{ date: '2026/01/01', name: 'x' }] })).toThrow();
  });
});

describe('card environment', () => {
  it('refuses CARD_TRUST_TEST_CA=true in production', () => {
    expect(() => parseEnv(productionEnv({ CARD_TRUST_TEST_CA: 'true' }))).toThrow(/CARD_TRUST_TEST_CA/);
    expect(parseEnv({ NODE_ENV: 'test' }).CARD_CHALLENGE_TTL_SECONDS).toBe(300);
  });
});
