import { makeTaiwanIdWithChecksum, type ScreeningService } from '@portal/shared';
import { testCrypto, type TestContext } from '../helpers/test-app.js';
import { ingestRecords } from '../../src/services/screening/ingest.js';

let serial = 0;

/** A fresh valid 身分證 per call (women 2…, men 1…). */
export function newNationalId(sex: 'F' | 'M' = 'F'): string {
  serial += 1;
  const digits = String((process.pid * 10_000 + serial) % 10_000_000).padStart(7, '0');
  return makeTaiwanIdWithChecksum(`K${sex === 'M' ? 1 : 2}${digits}`);
}

export interface PersonFixture {
  nationalId: string;
  birthDate: string;
  sex: 'F' | 'M';
  [field: string]: unknown;
}

export const DEMO_HOSPITAL = '9900000001';
export const DEMO_CLINIC = '9900000002';

/** A record as a subsystem sends it. */
export function recordInput(person: PersonFixture, service: ScreeningService, serviceDate: string, extra: Record<string, unknown> = {}) {
  serial += 1;
  return {
    recordId: `T-${process.pid}-${serial}`,
    service,
    serviceDate,
    institutionCode: DEMO_HOSPITAL,
    result: 'NORMAL',
    person,
    ...extra,
  };
}

export const origin = { ip: '203.0.113.9', requestId: 'test-request' };

export function ingestAs(ctx: TestContext, subsystemCode: string, records: unknown[]) {
  return ingestRecords({ prisma: ctx.db.prisma, crypto: testCrypto }, subsystemCode, records, origin);
}
