/**
 * The subsystems' screening endpoints (篩檢 ingest and eligibility) driven with generated input
 * behind a valid client-credentials token, so that the input reaches the handlers instead of
 * stopping at the 401: valid records and questions with one to three fields mutated (towards
 * the values of the field's schema and beyond them), and bodies of any shape. Every subsystem
 * gets a client with both scopes and a token from the provider's token endpoint, as it would in
 * production; each request goes out with a random one of them.
 * The properties: no 5xx, no 401/403 (the token is good), a 4xx changes no row of any table, an
 * ingest answer accounts for every record and stores exactly the records it says it created, and
 * a question stores nothing but its lookup-log row.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeTaiwanIdWithChecksum,
  messages,
  SCREENING_RESULTS,
  SCREENING_SCOPES,
  SCREENING_SERVICES,
  ScreeningRecordInputSchema,
  SCREENING_MESSAGES,
  servicesOfSubsystem,
  SEXES,
  SubsystemEligibilityRequestSchema,
  taipeiToday,
} from '@portal/shared';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { login } from '../helpers/auth.js';
import { bodyFor, hostileText, hostileValue, rowCounts, valueFor, wireEncode, type JsonSchema } from './generators.js';

/** Generated requests per endpoint (two endpoints). */
const RUNS = Number(process.env.FUZZ_SCREENING_RUNS ?? 200);

let ctx: TestContext;
/** A token of every subsystem, with the services it may write. */
const subsystems: { code: string; token: string; services: string[] }[] = [];

beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 5 });
  const staff = await login(ctx.app, 'demostaff');
  const rows = await ctx.db.prisma.subsystem.findMany({ select: { id: true, code: true }, orderBy: { code: 'asc' } });
  for (const { id, code } of rows) {
    const url = `/api/staff/subsystems/${id}/oidc-client`;
    const created = await ctx.app.inject({
      method: 'POST',
      url,
      headers: staff.headers(url),
      payload: { redirectUris: ['https://fuzz.example.gov.tw/callback'], clientCredentialsScopes: [SCREENING_SCOPES.ingest, SCREENING_SCOPES.eligibility] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const secret = (created.json() as { clientSecret: string }).clientSecret;
    const granted = await ctx.app.inject({
      method: 'POST',
      url: '/oidc/token',
      headers: { authorization: `Basic ${Buffer.from(`${code}:${secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `grant_type=client_credentials&scope=${wireEncode(`${SCREENING_SCOPES.ingest} ${SCREENING_SCOPES.eligibility}`)}`,
    });
    expect(granted.statusCode, granted.body).toBe(200);
    subsystems.push({ code, token: (granted.json() as { access_token: string }).access_token, services: servicesOfSubsystem(code) });
  }
  expect(subsystems.length).toBeGreaterThanOrEqual(10);
}, 120_000);
afterAll(() => ctx?.close());

// ───────────────────────── valid input, then mutated ─────────────────────────

const toJson = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
const RECORD = toJson(ScreeningRecordInputSchema);
const PERSON = RECORD.properties!.person!;
const ELIGIBILITY = toJson(SubsystemEligibilityRequestSchema);

const dateBetween = (from: string, to: string) =>
  fc.date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));

const person = fc
  .record({
    letter: fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVXYWZIO'),
    sex: fc.constantFrom(...SEXES),
    digits: fc.integer({ min: 0, max: 9_999_999 }),
    birthDate: dateBetween('1930-01-01', '2005-12-31'),
  })
  .map(({ letter, sex, digits, birthDate }) => ({
    nationalId: makeTaiwanIdWithChecksum(`${letter}${sex === 'M' ? 1 : 2}${String(digits).padStart(7, '0')}`),
    birthDate,
    sex,
  }));

/** A record the subsystem may send: its own service, an existing institution, a date after birth. */
const validRecord = (services: string[]) =>
  fc
    .record({
      recordId: fc.stringMatching(/^[A-Za-z0-9_.:/-]{1,24}$/),
      service: fc.constantFrom(...(services.length ? services : SCREENING_SERVICES)),
      serviceDate: dateBetween('2010-01-01', taipeiToday()),
      institutionCode: fc.constantFrom('9900000001', '9900000002'),
      result: fc.constantFrom(...SCREENING_RESULTS),
      visitNumber: fc.integer({ min: 1, max: 7 }),
      person,
    })
    .map(({ visitNumber, ...record }) => (record.service === 'CHILD_PREVENTIVE' || record.service === 'PRENATAL' ? { ...record, visitNumber } : record));

type Mutation = { path: string[]; value: unknown };

/** One field replaced by a value of its schema's kind or beyond it, the person replaced, or a key added. */
function mutationOf(schema: JsonSchema, nested?: { key: string; schema: JsonSchema }): fc.Arbitrary<Mutation> {
  const field = (at: string[], of: JsonSchema) =>
    fc.constantFrom(...Object.keys(of.properties ?? {})).chain((key) => valueFor(of.properties![key]).map((value) => ({ path: [...at, key], value })));
  return fc.oneof(
    { weight: 4, arbitrary: field([], schema) },
    ...(nested ? [{ weight: 4, arbitrary: field([nested.key], nested.schema) }, { weight: 1, arbitrary: hostileValue.map((value) => ({ path: [nested.key], value })) }] : []),
    { weight: 1, arbitrary: fc.tuple(hostileText, hostileValue).map(([key, value]) => ({ path: [key], value })) },
  );
}

function mutate(base: Record<string, unknown>, mutations: Mutation[]): Record<string, unknown> {
  const copy = structuredClone(base);
  for (const { path, value } of mutations) {
    let target = copy;
    for (const key of path.slice(0, -1)) {
      if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    target[path.at(-1)!] = value;
  }
  return copy;
}

const mutated = (base: fc.Arbitrary<Record<string, unknown>>, mutation: fc.Arbitrary<Mutation>) =>
  fc.tuple(base, fc.array(mutation, { minLength: 0, maxLength: 3 })).map(([value, mutations]) => mutate(value, mutations));

const subsystemIndex = () => fc.nat({ max: subsystems.length - 1 });

const ingestRequest = () =>
  subsystemIndex().chain((index) =>
    fc
      .oneof(
        { weight: 6, arbitrary: fc.array(mutated(validRecord(subsystems[index]!.services), mutationOf(RECORD, { key: 'person', schema: PERSON })), { minLength: 1, maxLength: 4 }).map((records) => ({ records }) as unknown) },
        { weight: 1, arbitrary: fc.array(valueFor(RECORD), { maxLength: 3 }).map((records) => ({ records }) as unknown) },
        { weight: 1, arbitrary: bodyFor({ type: 'object', properties: { records: { type: 'array', items: RECORD } } }) },
      )
      .map((body) => ({ index, body })),
  );

const eligibilityRequest = () =>
  subsystemIndex().chain((index) =>
    fc
      .oneof(
        { weight: 6, arbitrary: mutated(fc.record({ person, date: fc.option(dateBetween('2000-01-01', '2040-12-31'), { nil: undefined }) }).map(({ person: who, date }) => ({ ...who, ...(date && { date }) })), mutationOf(ELIGIBILITY)) as fc.Arbitrary<unknown> },
        { weight: 1, arbitrary: bodyFor(ELIGIBILITY) },
      )
      .map((body) => ({ index, body })),
  );

// ───────────────────────── the run ─────────────────────────

describe('the subsystems’ screening endpoints with a valid token and generated input', () => {
  const count = (table: 'screening_records' | 'screening_persons' | 'screening_lookups' | 'audit_events', counts: Record<string, number>) => counts[table] ?? 0;

  it('the inputs it found answering 500, now refused or answered: a record key and a record id with a lone surrogate', async () => {
    const { token, code } = subsystems.find((subsystem) => subsystem.code === 'adult-preventive')!;
    const send = (body: string) =>
      ctx.app.inject({ method: 'POST', url: '/api/screening/ingest', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: body });
    // A key of a record the answer cannot name: the error names the record instead.
    const badKey = await send('{"records":[{"recordId":"a"},{"\\udc00\\ud800":1}]}');
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json()).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: { 'records.1': [messages.unstorableText] } });
    const notObject = await send('{"records":[1]}');
    expect(notObject.json()).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: { 'records.0': ['每筆紀錄須為 JSON 物件。'] } });
    // A record id the answer cannot carry: echoed as null (the index still says which), refused.
    const badId = await send(JSON.stringify({ records: [{ recordId: 'x\uDFFF', service: 'ADULT_PREVENTIVE', serviceDate: '2020-01-01', institutionCode: '9900000001', result: 'NORMAL', person: { nationalId: 'A123456789', birthDate: '1970-01-01', sex: 'M' } }] }));
    expect(badId.statusCode, code).toBe(200);
    expect(badId.json()).toMatchObject({ rejected: 1, results: [{ index: 0, recordId: null, outcome: 'REJECTED', errors: { recordId: [messages.unstorableText] } }] });
    // A fraction too small for a PostgreSQL real (it refused 7.1e-197 as an underflow): refused
    // with the record's own error, nothing stored.
    const tiny = await send(JSON.stringify({ records: [{ recordId: 'tiny', service: 'ADULT_PREVENTIVE', serviceDate: '2020-01-01', institutionCode: '9900000001', result: 'NORMAL', person: { nationalId: 'A123456789', birthDate: '1970-01-01', sex: 'M', packYears: 7.135731094508051e-197 } }] }));
    expect(tiny.statusCode, code).toBe(200);
    expect(tiny.json()).toMatchObject({ rejected: 1, results: [{ index: 0, recordId: 'tiny', outcome: 'REJECTED', errors: { 'person.packYears': [SCREENING_MESSAGES.numberTooSmall] } }] });
  });

  it.each([
    { url: '/api/screening/ingest', arbitrary: ingestRequest },
    { url: '/api/screening/eligibility', arbitrary: eligibilityRequest },
  ])('$url: no 5xx, never 401/403, a 4xx changes nothing, a 200 stores what it says', async ({ url, arbitrary }) => {
    const statuses = new Map<number, number>();
    let stored = 0;
    const verdict = await fc.check(
      fc.asyncProperty(arbitrary(), fc.option(fc.dictionary(fc.constantFrom('q', 'records', 'date', 'x'), hostileText, { maxKeys: 2 }), { nil: undefined }), async ({ index, body }, query) => {
        const before = await rowCounts(ctx.db.prisma);
        const search = query ? Object.entries(query).map(([name, value]) => `${name}=${wireEncode(value)}`).join('&') : '';
        const response = await ctx.app.inject({
          method: 'POST',
          url: search ? `${url}?${search}` : url,
          headers: { authorization: `Bearer ${subsystems[index]!.token}`, 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        const context = `${subsystems[index]!.code} ${url}?${search} ${JSON.stringify(body)?.slice(0, 4000)} → ${response.statusCode} ${response.body.slice(0, 400)}`;
        expect(response.statusCode, context).toBeLessThan(500);
        expect([401, 403], context).not.toContain(response.statusCode);
        const after = await rowCounts(ctx.db.prisma);
        if (response.statusCode === 429) expect(response.headers['retry-after'], context).toMatch(/^\d+$/);
        if (response.statusCode >= 400) {
          expect(after, context).toEqual(before);
          return;
        }
        expect(response.statusCode, context).toBe(200);
        if (url.endsWith('/ingest')) {
          const answer = response.json() as { received: number; created: number; updated: number; unchanged: number; rejected: number };
          expect(answer.received, context).toBe((body as { records: unknown[] }).records.length);
          expect(answer.created + answer.updated + answer.unchanged + answer.rejected, context).toBe(answer.received);
          expect(count('screening_records', after) - count('screening_records', before), context).toBe(answer.created);
          expect(count('audit_events', after) - count('audit_events', before), context).toBe(1);
          stored += answer.created;
        } else {
          expect(count('screening_lookups', after) - count('screening_lookups', before), context).toBe(1);
          expect({ ...after, screening_lookups: 0 }, context).toEqual({ ...before, screening_lookups: 0 });
        }
      }),
      { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined, endOnFailure: true },
    );
    if (verdict.failed) throw new Error(`seed ${verdict.seed}: ${String((verdict.errorInstance as Error)?.message ?? verdict.errorInstance)}`);
    // The generated input went past the token and the schema often enough to matter.
    expect(verdict.numRuns).toBe(RUNS);
    expect(statuses.get(200) ?? 0, JSON.stringify([...statuses])).toBeGreaterThan(RUNS / 4);
    expect(statuses.get(400) ?? 0, JSON.stringify([...statuses])).toBeGreaterThan(0);
    if (url.endsWith('/ingest')) expect(stored).toBeGreaterThan(0);
  }, 600_000);
});
