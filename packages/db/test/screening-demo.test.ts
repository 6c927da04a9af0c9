/** The featured demo people show what their descriptions promise, whatever day the demo is set up. */
import { describe, expect, it } from 'vitest';
import { evaluateEligibility, OPEN_FOLLOW_UP, type ScreeningService } from '@portal/shared';
import { featuredScreeningHistories, featuredScreeningPeople } from '../src/index.ts';

const answersOn = (today: string) =>
  featuredScreeningHistories(today).map((person) => ({
    person,
    answers: Object.fromEntries(
      evaluateEligibility(
        { ...person.risk, birthDate: person.birthDate, sex: person.sex, indigenous: person.indigenous },
        person.records.map((record) => ({ service: record.service, date: record.serviceDate, visitNumber: record.visitNumber, institutionCode: record.institutionCode })),
        today,
      ).map((answer) => [answer.service, answer]),
    ) as Record<ScreeningService, ReturnType<typeof evaluateEligibility>[number]>,
  }));

describe.each(['2026-01-01', '2026-06-15', '2026-11-26', '2026-12-31', '2027-02-28'])('featured demo people on %s', (today) => {
  const [meiling, jianguo, baby, yating, amei, zhiming] = answersOn(today);
  const year = Number(today.slice(0, 4));

  it('林美玲 just became eligible for mammography', () => {
    expect(meiling!.answers.MAMMOGRAPHY).toMatchObject({ status: 'ELIGIBLE' });
  });
  it('陳建國 has a positive FIT awaiting follow-up and may have a low-dose CT', () => {
    expect(jianguo!.person.records.some((record) => record.service === 'FIT' && record.followUpState && OPEN_FOLLOW_UP.has(record.followUpState))).toBe(true);
    expect(jianguo!.answers.LDCT.status).toBe('ELIGIBLE');
    expect(jianguo!.answers.HEPATITIS_BC.status).toBe('LIFETIME_USED');
  });
  it('王小寶 is due for visit 3', () => {
    expect(baby!.answers.CHILD_PREVENTIVE).toMatchObject({ status: 'ELIGIBLE', visitNumber: 3 });
  });
  it('張雅婷 is due for prenatal visit 5', () => {
    expect(yating!.answers.PRENATAL).toMatchObject({ status: 'ELIGIBLE', visitNumber: 5 });
  });
  it('李阿美 may have the adult check every year', () => {
    expect(amei!.answers.ADULT_PREVENTIVE.status).toBe('ELIGIBLE');
    expect(amei!.answers.MAMMOGRAPHY.status).toBe('NOT_YET_DUE');
  });
  it('黃志明 becomes eligible for FIT and LDCT next 1 January', () => {
    expect(zhiming!.answers.FIT).toMatchObject({ status: 'INELIGIBLE', nextDate: `${year + 1}-01-01` });
    expect(zhiming!.answers.LDCT).toMatchObject({ status: 'INELIGIBLE', nextDate: `${year + 1}-01-01` });
  });
  it('each featured person has a distinct valid 身分證', () => {
    expect(new Set(featuredScreeningPeople(today).map((person) => person.nationalId)).size).toBe(6);
  });
});
