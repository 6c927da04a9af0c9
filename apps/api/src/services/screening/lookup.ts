/**
 * 篩檢結果查詢: an institution account looks up a person by 身分證 and 出生日期. Both must match;
 * an unknown 身分證 and a wrong birth date run the very same statements and get the very same
 * answer, so a lookup never tells whether a person exists. Every lookup is logged (who, whose
 * keyed hash, purpose, when, from where), counts against the account's daily limit, and raises
 * an alert to staff once an account has looked up unusually many people in a day.
 */
import type { Database, NationalIdCrypto } from '@portal/db';
import {
  LOOKUP_PURPOSE_LABELS,
  SCREENING_MESSAGES,
  taipeiDayStart,
  taipeiToday,
  type EligibilityPerson,
  type LookupOutcome,
  type LookupPurpose,
  type ScreeningLookupRequest,
  type ScreeningLookupResult,
} from '@portal/shared';
import { HttpError } from '../../errors/http-error.js';
import type { RequestOrigin } from '../audit/record-audit.js';
import type { WithMail } from '../mail/outbox.js';
import { raiseLookupAlert } from './alerts.js';
import { personFromRow } from './ingest.js';
import { personHeader, serviceRows, type StoredRecord } from './person-view.js';

export interface LookupLimits {
  /** Lookups an account may make per Taipei day. */
  dailyLimit: number;
  /** Distinct people looked up in a day from which staff are alerted. */
  alertThreshold: number;
}

export interface LookupDeps extends LookupLimits {
  db: Database;
  crypto: NationalIdCrypto;
  /** Where the link in the alert mail points (PUBLIC_ORIGIN). */
  publicOrigin: string;
}

/** Person and every record (with the institution's name) in one statement; nothing unless both keys match. */
const PERSON_WITH_RECORDS = `
  SELECT p.id, p.national_id_hash, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.sex, p.indigenous,
         p.family_history_breast, p.family_history_colorectal, p.family_history_lung, p.smoking_status, p.pack_years, p.quit_year,
         p.betel_nut_status, p.cigarettes_per_day, p.ftnd_score, p.polio, to_char(p.expected_delivery_date, 'YYYY-MM-DD') AS expected_delivery_date,
         COALESCE((
           SELECT json_agg(json_build_object(
                    'service', r.service, 'visitNumber', r.visit_number, 'date', to_char(r.service_date, 'YYYY-MM-DD'),
                    'institutionCode', r.institution_code,
                    'institutionName', (SELECT i.name FROM institutions i WHERE i.code = r.institution_code),
                    'result', r.result, 'followUpState', r.follow_up_state,
                    'referredOn', to_char(r.referred_on, 'YYYY-MM-DD'), 'diagnosedOn', to_char(r.diagnosed_on, 'YYYY-MM-DD'),
                    'closedOn', to_char(r.closed_on, 'YYYY-MM-DD')) ORDER BY r.service_date)
             FROM screening_records r
            WHERE r.person_id = p.id), '[]'::json) AS records
    FROM screening_persons p
   WHERE p.national_id_hash = $1 AND p.birth_date = $2::date`;

type PersonWithRecords = Parameters<typeof personFromRow>[0] & { records: StoredRecord[] | string } & Record<string, unknown>;

export async function findPersonWithRecords(db: Database, hash: string, birthDate: string): Promise<{ person: EligibilityPerson; records: StoredRecord[] } | null> {
  const [row] = await db.sql.query<PersonWithRecords>(PERSON_WITH_RECORDS, [hash, birthDate], { prepared: true });
  if (!row) return null;
  const { id: _id, hash: _hash, ...person } = personFromRow(row);
  return { person, records: typeof row.records === 'string' ? (JSON.parse(row.records) as StoredRecord[]) : row.records };
}

/**
 * Counts the lookup against the day's limit and logs it, in one statement (one commit): the
 * counter row is bumped only while under the limit, the log row says FOUND / NOT_FOUND or
 * LIMIT_REACHED accordingly, and the day's distinct people grow when this hash is new today.
 * Returns null when the limit was reached, else the distinct people looked up today.
 */
async function countAndLog(
  db: Database,
  entry: { accountId: string; hash: string; purpose: LookupPurpose; outcome: LookupOutcome; day: string; limit: number },
  origin: RequestOrigin,
): Promise<number | null> {
  const [row] = await db.sql.query<{ people: number | null }>(
    // "Seen today" looks at the person's latest lookups only (their index), however many lookups
    // the account made: a person looked up more than 50 times since is counted again, which can
    // only bring an alert forward.
    `WITH seen AS (
       SELECT EXISTS (SELECT 1 FROM (SELECT account_id, at, outcome FROM screening_lookups WHERE person_hash = $2::bpchar ORDER BY id DESC LIMIT 50) recent
                       WHERE account_id = $1::uuid AND at >= $8 AND outcome <> 'LIMIT_REACHED') AS seen),
     bumped AS (
       INSERT INTO screening_lookup_counters AS c (account_id, day, lookups, people) VALUES ($1::uuid, $7::date, 1, 1)
       ON CONFLICT (account_id, day) DO UPDATE
         SET lookups = c.lookups + 1, people = c.people + CASE WHEN (SELECT seen FROM seen) THEN 0 ELSE 1 END
         WHERE c.lookups < $9
       RETURNING people),
     logged AS (
       INSERT INTO screening_lookups (account_id, institution_id, person_hash, purpose, outcome, ip, request_id)
       SELECT $1::uuid, (SELECT institution_id FROM accounts WHERE id = $1::uuid), $2, $3::"LookupPurpose",
              CASE WHEN EXISTS (SELECT 1 FROM bumped) THEN $4::"LookupOutcome" ELSE 'LIMIT_REACHED' END, $5, $6
       RETURNING id)
     SELECT (SELECT people FROM bumped) AS people, (SELECT count(*) FROM logged) AS logged`,
    [entry.accountId, entry.hash, entry.purpose, entry.outcome, origin.ip ?? null, origin.requestId ?? null, entry.day, taipeiDayStart(entry.day), entry.limit],
    { prepared: true },
  );
  return row?.people ?? null;
}

/**
 * The same refusal for an unknown 身分證 and a wrong birth date. The route throws it when the
 * lookup answers null: by then the lookup is logged and may have raised an alert whose mail
 * should go out at once.
 */
export const lookupNotFound = () => new HttpError(404, 'SCREENING_NOT_FOUND', SCREENING_MESSAGES.lookupNotFound);

/** The person's result, or null when nobody matches both 身分證 and 出生日期 (see lookupNotFound). */
export async function lookUpPerson(
  deps: LookupDeps,
  caller: { id: string },
  request: ScreeningLookupRequest,
  origin: RequestOrigin,
  today = taipeiToday(),
): Promise<WithMail<ScreeningLookupResult | null>> {
  const hash = deps.crypto.lookupHash(request.nationalId);
  const found = await findPersonWithRecords(deps.db, hash, request.birthDate);
  const entry = { accountId: caller.id, hash, purpose: request.purpose, outcome: found ? ('FOUND' as const) : ('NOT_FOUND' as const), day: today, limit: deps.dailyLimit };
  const peopleToday = await countAndLog(deps.db, entry, origin);
  if (peopleToday === null) throw new HttpError(429, 'SCREENING_DAILY_LIMIT', SCREENING_MESSAGES.dailyLimitReached(deps.dailyLimit));
  const mailQueued =
    peopleToday >= deps.alertThreshold && (await raiseLookupAlert(deps, { accountId: caller.id, day: today, distinctPersons: peopleToday }, origin));
  if (!found) return { result: null, mailQueued };
  const rows = serviceRows(found.person, found.records, today);
  return {
    result: {
      asOf: today,
      purposeLabel: LOOKUP_PURPOSE_LABELS[request.purpose],
      person: personHeader(request.nationalId, found.person, today),
      services: rows,
      openFollowUps: rows.filter((row) => row.openFollowUp).length,
    },
    mailQueued,
  };
}
