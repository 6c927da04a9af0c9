/**
 * A subsystem asks, before it provides a service, whether the person may have it: its own
 * services only, on a date (default today). A person the portal does not hold with this birth
 * date is answered from the data sent (no records), which tells nothing about who is stored.
 * Each question is logged like a lookup, under the subsystem.
 */
import type { Database, NationalIdCrypto } from '@portal/db';
import {
  evaluateService,
  servicesOfSubsystem,
  taipeiToday,
  UNKNOWN_RISK_FACTORS,
  type EligibilityPerson,
  type SubsystemEligibilityRequest,
  type SubsystemEligibilityResponse,
} from '@portal/shared';
import type { RequestOrigin } from '../audit/record-audit.js';
import { findPersonWithRecords } from './lookup.js';
import { eligibilityView } from './person-view.js';

export async function checkSubsystemEligibility(
  deps: { db: Database; crypto: NationalIdCrypto },
  subsystemCode: string,
  request: SubsystemEligibilityRequest,
  origin: RequestOrigin,
): Promise<SubsystemEligibilityResponse> {
  const date = request.date ?? taipeiToday();
  const hash = deps.crypto.lookupHash(request.nationalId);
  const found = await findPersonWithRecords(deps.db, hash, request.birthDate);
  const stored: EligibilityPerson = found?.person ?? { ...UNKNOWN_RISK_FACTORS, birthDate: request.birthDate, sex: request.sex, indigenous: false };
  // What the subsystem knows now wins over what the portal was told before.
  const person: EligibilityPerson = { ...stored, sex: request.sex };
  for (const [field, value] of Object.entries(request)) {
    if (field in UNKNOWN_RISK_FACTORS && value !== undefined) (person as unknown as Record<string, unknown>)[field] = value;
  }
  if (request.indigenous !== undefined) person.indigenous = request.indigenous;
  const records = (found?.records ?? []).map((record) => ({ service: record.service, date: record.date, visitNumber: record.visitNumber, institutionCode: record.institutionCode }));
  await deps.db.sql.query(
    `INSERT INTO screening_lookups (subsystem_code, person_hash, purpose, outcome, ip, request_id)
     VALUES ($1, $2, 'SUBSYSTEM_CHECK', $3::"LookupOutcome", $4, $5)`,
    [subsystemCode, hash, found ? 'FOUND' : 'NOT_FOUND', origin.ip ?? null, origin.requestId ?? null],
    { prepared: true },
  );
  return {
    date,
    knownPerson: found !== null,
    services: servicesOfSubsystem(subsystemCode).map((service) => eligibilityView(evaluateService(service, person, records, date))),
  };
}
