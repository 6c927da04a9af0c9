/** Properties of the engine over generated people, histories and dates (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addTaipeiDays,
  BETEL_NUT_STATUSES,
  evaluateEligibility,
  evaluateService,
  RULE_TABLE,
  SCREENING_SERVICES,
  SMOKING_STATUSES,
  type EligibilityPerson,
  type EligibilityRecord,
} from '../../src/index.js';

const dateBetween = (fromYear: number, toYear: number) =>
  fc.integer({ min: 0, max: (toYear - fromYear + 1) * 365 }).map((days) => addTaipeiDays(`${fromYear}-01-01`, days));
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });

const personArbitrary: fc.Arbitrary<EligibilityPerson> = fc.record({
  birthDate: dateBetween(1935, 2026),
  sex: fc.constantFrom('F' as const, 'M' as const),
  indigenous: fc.boolean(),
  familyHistoryBreast: maybe(fc.boolean()),
  familyHistoryColorectal: maybe(fc.boolean()),
  familyHistoryLung: maybe(fc.boolean()),
  smokingStatus: maybe(fc.constantFrom(...SMOKING_STATUSES)),
  packYears: maybe(fc.integer({ min: 0, max: 80 })),
  quitYear: maybe(fc.integer({ min: 1980, max: 2026 })),
  betelNutStatus: maybe(fc.constantFrom(...BETEL_NUT_STATUSES)),
  cigarettesPerDay: maybe(fc.integer({ min: 0, max: 60 })),
  ftndScore: maybe(fc.integer({ min: 0, max: 10 })),
  polio: maybe(fc.boolean()),
  expectedDeliveryDate: maybe(dateBetween(2019, 2027)),
});

const recordArbitrary: fc.Arbitrary<EligibilityRecord> = fc.record({
  service: fc.constantFrom(...SCREENING_SERVICES),
  date: dateBetween(2010, 2027),
  visitNumber: maybe(fc.integer({ min: 1, max: 14 })),
  institutionCode: fc.constantFrom('0101010101', '0202020202', '0303030303'),
});

describe('eligibility properties', () => {
  it('never depends on the order of the records', () => {
    fc.assert(
      fc.property(personArbitrary, fc.array(recordArbitrary, { maxLength: 25 }), dateBetween(2010, 2030), fc.integer(), (person, records, date, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }), { seed, numRuns: 1 })[0]!;
        expect(evaluateEligibility(person, shuffled, date)).toEqual(evaluateEligibility(person, records, date));
        expect(evaluateEligibility(person, [...records].reverse(), date)).toEqual(evaluateEligibility(person, records, date));
      }),
      { numRuns: 300 },
    );
  });

  const lifetimeServices = SCREENING_SERVICES.filter((service) => RULE_TABLE.filter((rule) => rule.service === service).every((rule) => rule.frequency.kind === 'lifetime'));

  it('a once-in-a-lifetime service, once used, is never available again', () => {
    expect(lifetimeServices).toEqual(['HEPATITIS_BC', 'H_PYLORI']);
    fc.assert(
      fc.property(
        personArbitrary,
        fc.constantFrom(...lifetimeServices),
        dateBetween(2010, 2027),
        fc.integer({ min: 0, max: 30 * 365 }),
        fc.array(recordArbitrary, { maxLength: 10 }),
        (person, service, usedOn, later, others) => {
          const date = addTaipeiDays(usedOn, later);
          const answer = evaluateService(service, person, [...others, { service, date: usedOn, visitNumber: null, institutionCode: '0101010101' }], date);
          expect(answer.status).not.toBe('ELIGIBLE');
          if (answer.ruleVersion !== null) expect(answer.status).toBe('LIFETIME_USED');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a next date is after the date asked, and the service is available on it', () => {
    fc.assert(
      fc.property(personArbitrary, fc.array(recordArbitrary, { maxLength: 15 }), dateBetween(2010, 2030), (person, records, date) => {
        for (const answer of evaluateEligibility(person, records, date)) {
          if (answer.nextDate === null) continue;
          expect(answer.nextDate > date).toBe(true);
          if (answer.service === 'PRENATAL' || answer.service === 'CHILD_PREVENTIVE') continue;
          expect(evaluateService(answer.service, person, records.filter((record) => record.date <= date), answer.nextDate).status).toBe('ELIGIBLE');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('answers every service, with a reason, on any day of a life', () => {
    fc.assert(
      fc.property(personArbitrary, fc.integer({ min: 0, max: 100 * 365 }), (person, age) => {
        const answers = evaluateEligibility(person, [], addTaipeiDays(person.birthDate, age));
        expect(answers.map((answer) => answer.service)).toEqual([...SCREENING_SERVICES]);
        for (const answer of answers) expect(answer.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
