/**
 * The benchmark database of 篩檢結果查詢: its URL, the fixed key pair its 身分證 are encrypted
 * and hashed with (benchmark data only: synthetic people, never a deployment's keys), and a
 * sample of people to look up.
 */
import { createHash } from 'node:crypto';
import { createNationalIdCrypto, type Database } from '@portal/db';

export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/portal_bench_screening';

const benchKey = (purpose: string) => createHash('sha256').update(`portal screening benchmark: ${purpose}`).digest();
export const benchCrypto = createNationalIdCrypto({ nationalIdKey: benchKey('national id'), nationalIdHashKey: benchKey('national id hash') });

/** Up to `count` stored people (身分證 and birth date), spread over the whole table. */
export async function samplePeople(db: Database, count: number): Promise<{ nationalId: string; birthDate: string }[]> {
  const rows = await db.sql.query<{ national_id_cipher: Buffer; birth_date: string }>(
    `SELECT national_id_cipher, to_char(birth_date, 'YYYY-MM-DD') AS birth_date FROM screening_persons TABLESAMPLE SYSTEM (1) LIMIT $1`,
    [count],
  );
  return rows.map((row) => ({ nationalId: benchCrypto.decrypt(row.national_id_cipher), birthDate: row.birth_date }));
}
