/**
 * 篩檢結果查詢 demo data: six featured people whose histories show each kind of answer
 * (an abnormal result awaiting follow-up, a person who just became eligible, a child and a
 * pregnancy in their visit windows, an indigenous rule, eligibility from next 1 January), and
 * a few hundred synthetic people. Dates are relative to the day of seeding, so the featured
 * cases hold whenever the demo is set up. The start banner prints the featured 身分證/出生日期.
 */
import { randomUUID } from 'node:crypto';
import {
  addMonths,
  addTaipeiDays,
  makeTaiwanIdWithChecksum,
  SCREENING_SERVICE_INFO,
  taipeiToday,
  UNKNOWN_RISK_FACTORS,
  yearOf,
  type FollowUpState,
  type RiskFactors,
  type ScreeningResult,
  type ScreeningService,
} from '@portal/shared';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { NationalIdCrypto } from '../national-id-crypto.ts';
import { DEMO_INSTITUTIONS } from './demo-data.ts';
import { syntheticScreeningPeople, type SyntheticPerson, type SyntheticRecord } from './synthetic-screening.ts';

export interface FeaturedScreeningPerson {
  nationalId: string;
  name: string;
  /** What the lookup shows for this person. */
  description: string;
}

type RecordSpec = [service: ScreeningService, date: string, result?: ScreeningResult, followUp?: { state: FollowUpState; referredOn?: string }, visitNumber?: number];

interface Featured extends FeaturedScreeningPerson {
  person: Omit<SyntheticPerson, 'nationalId' | 'records'>;
  records: RecordSpec[];
}

const HOSPITAL = DEMO_INSTITUTIONS[0].code;
const CLINIC = DEMO_INSTITUTIONS[1].code;

function featured(today: string): Featured[] {
  const year = yearOf(today);
  const risk = (fields: Partial<RiskFactors>): RiskFactors => ({ ...UNKNOWN_RISK_FACTORS, ...fields });
  const childBirth = addTaipeiDays(addMonths(today, -5), -3);
  const due = addTaipeiDays(today, 100);
  const conception = addTaipeiDays(due, -280);
  return [
    {
      nationalId: makeTaiwanIdWithChecksum('F22661503'),
      name: '林美玲',
      description: '今年滿 40 歲：乳房X光攝影剛符合資格',
      person: { birthDate: `${year - 40}-03-15`, sex: 'F', indigenous: false, risk: risk({ smokingStatus: 'NEVER', betelNutStatus: 'NEVER', familyHistoryBreast: false }) },
      records: [
        ['CERVICAL_PAP', `${year - 1}-05-10`],
        ['ADULT_PREVENTIVE', `${year - 2}-04-01`],
      ],
    },
    {
      nationalId: makeTaiwanIdWithChecksum('H12458720'),
      name: '陳建國',
      description: '糞便潛血陽性待追蹤；重度吸菸，低劑量電腦斷層可受檢',
      person: {
        birthDate: `${year - 58}-07-20`,
        sex: 'M',
        indigenous: false,
        risk: risk({ smokingStatus: 'CURRENT', packYears: 32, cigarettesPerDay: 20, ftndScore: 6, betelNutStatus: 'NEVER', familyHistoryLung: false, familyHistoryColorectal: false }),
      },
      records: [
        ['FIT', addTaipeiDays(today, -40), 'POSITIVE', { state: 'PENDING' }],
        ['ADULT_PREVENTIVE', `${year - 1}-06-12`, 'ABNORMAL', { state: 'REFERRED', referredOn: `${year - 1}-06-30` }],
        ['HEPATITIS_BC', `${year - 3}-06-15`, 'NEGATIVE'],
        ['ORAL_MUCOSA', `${year - 3}-06-15`],
        ['LDCT', `${year - 2}-09-01`],
      ],
    },
    {
      nationalId: makeTaiwanIdWithChecksum('A13000512'),
      name: '王小寶',
      description: '5 個月大：兒童預防保健第 3 次可受檢',
      person: { birthDate: childBirth, sex: 'M', indigenous: false, risk: risk({}) },
      records: [
        ['CHILD_PREVENTIVE', addTaipeiDays(childBirth, 20), 'COMPLETED', undefined, 1],
        ['CHILD_PREVENTIVE', addTaipeiDays(addMonths(childBirth, 2), 10), 'COMPLETED', undefined, 2],
      ],
    },
    {
      nationalId: makeTaiwanIdWithChecksum('B22789043'),
      name: '張雅婷',
      description: '懷孕第 25 週：產前檢查第 5 次可受檢；子宮頸抹片異常已轉介',
      person: { birthDate: `${year - 31}-09-09`, sex: 'F', indigenous: false, risk: risk({ smokingStatus: 'NEVER', expectedDeliveryDate: due }) },
      records: [
        ['PRENATAL', addTaipeiDays(conception, 8 * 7), 'COMPLETED', undefined, 1],
        ['PRENATAL', addTaipeiDays(conception, 12 * 7), 'COMPLETED', undefined, 2],
        ['PRENATAL', addTaipeiDays(conception, 16 * 7), 'COMPLETED', undefined, 3],
        ['PRENATAL', addTaipeiDays(conception, 20 * 7), 'COMPLETED', undefined, 4],
        ['CERVICAL_PAP', `${year - 1}-11-03`, 'ABNORMAL', { state: 'REFERRED', referredOn: `${year - 1}-11-20` }],
      ],
    },
    {
      nationalId: makeTaiwanIdWithChecksum('T22356102'),
      name: '李阿美',
      description: '55 歲以上原住民：成人預防保健每年可受檢',
      person: { birthDate: `${year - 56}-02-02`, sex: 'F', indigenous: true, risk: risk({ smokingStatus: 'NEVER', betelNutStatus: 'FORMER' }) },
      records: [
        ['ADULT_PREVENTIVE', `${year - 1}-03-03`],
        ['MAMMOGRAPHY', addTaipeiDays(today, -60)],
        ['ORAL_MUCOSA', `${year - 2}-03-03`],
        ['HEPATITIS_BC', `${year - 4}-03-03`, 'NEGATIVE'],
      ],
    },
    {
      nationalId: makeTaiwanIdWithChecksum('E12671130'),
      name: '黃志明',
      description: '44 歲：明年 1 月 1 日起符合大腸癌及肺癌篩檢資格',
      person: { birthDate: `${year - 44}-11-30`, sex: 'M', indigenous: false, risk: risk({ smokingStatus: 'NEVER', betelNutStatus: 'NEVER', familyHistoryLung: true, familyHistoryColorectal: false }) },
      records: [['ADULT_PREVENTIVE', `${year - 1}-08-08`]],
    },
  ];
}

/** The featured people (身分證, name, what to look for), for the start banner and the README. */
export function featuredScreeningPeople(today = taipeiToday()): FeaturedScreeningPerson[] {
  return featured(today).map(({ nationalId, name, description }) => ({ nationalId, name, description }));
}

/** The featured people's histories as of `today` (the demo seed stores these). */
export function featuredScreeningHistories(today = taipeiToday()): SyntheticPerson[] {
  return featured(today).map(toSyntheticPerson);
}

function toSyntheticPerson(entry: Featured): SyntheticPerson {
  return {
    nationalId: entry.nationalId,
    ...entry.person,
    records: entry.records.map(([service, serviceDate, result = 'NORMAL', followUp, visitNumber], index): SyntheticRecord => ({
      service,
      visitNumber: visitNumber ?? null,
      serviceDate,
      institutionCode: index % 2 ? CLINIC : HOSPITAL,
      result,
      followUpState: followUp?.state ?? null,
      referredOn: followUp?.referredOn ?? null,
      diagnosedOn: null,
      closedOn: null,
      sourceSubsystem: SCREENING_SERVICE_INFO[service].subsystem,
      sourceRecordId: `DEMO-${entry.nationalId}-${index + 1}`,
    })),
  };
}

const asDate = (date: string | null) => (date === null ? null : new Date(`${date}T00:00:00Z`));

/** Inserts people and their records (for the demo; the benchmark loader uses COPY). */
export async function insertScreeningPeople(prisma: PrismaClient, crypto: NationalIdCrypto, people: readonly SyntheticPerson[]): Promise<void> {
  const withIds = people.map((person) => ({ id: randomUUID(), person }));
  await prisma.screeningPerson.createMany({
    data: withIds.map(({ id, person }) => ({
      id,
      nationalIdCipher: crypto.encrypt(person.nationalId),
      nationalIdHash: crypto.lookupHash(person.nationalId),
      birthDate: asDate(person.birthDate)!,
      sex: person.sex,
      indigenous: person.indigenous,
      ...person.risk,
      expectedDeliveryDate: asDate(person.risk.expectedDeliveryDate),
    })),
  });
  await prisma.screeningRecord.createMany({
    data: withIds.flatMap(({ id, person }) =>
      person.records.map((record) => ({
        ...record,
        personId: id,
        serviceDate: asDate(record.serviceDate)!,
        referredOn: asDate(record.referredOn),
        diagnosedOn: asDate(record.diagnosedOn),
        closedOn: asDate(record.closedOn),
      })),
    ),
  });
}

/** Seeds the featured and `syntheticCount` synthetic people once; returns how many it created. */
export async function seedScreeningDemo(prisma: PrismaClient, crypto: NationalIdCrypto, syntheticCount: number, today = taipeiToday()): Promise<number> {
  const people = featuredScreeningHistories(today);
  if (await prisma.screeningPerson.findUnique({ where: { nationalIdHash: crypto.lookupHash(people[0]!.nationalId) }, select: { id: true } })) return 0;
  const directory = await prisma.institution.findMany({ select: { code: true }, orderBy: { code: 'asc' }, take: 200 });
  const taken = new Set(people.map((person) => person.nationalId));
  for (const person of syntheticScreeningPeople({ from: 5_000_000, count: syntheticCount, seed: 4242, today, institutionCodes: directory.map((row) => row.code) })) {
    if (!taken.has(person.nationalId)) people.push(person);
  }
  await insertScreeningPeople(prisma, crypto, people);
  return people.length;
}

/** The featured people with their stored birth dates (the banner's pairs to try). */
export async function storedFeaturedScreeningPeople(prisma: PrismaClient, crypto: NationalIdCrypto): Promise<(FeaturedScreeningPerson & { birthDate: string })[]> {
  const people = featuredScreeningPeople();
  const rows = await prisma.screeningPerson.findMany({
    where: { nationalIdHash: { in: people.map((person) => crypto.lookupHash(person.nationalId)) } },
    select: { nationalIdHash: true, birthDate: true },
  });
  const birthDates = new Map(rows.map((row) => [row.nationalIdHash, row.birthDate.toISOString().slice(0, 10)]));
  return people.flatMap((person) => {
    const birthDate = birthDates.get(crypto.lookupHash(person.nationalId));
    return birthDate ? [{ ...person, birthDate }] : [];
  });
}
