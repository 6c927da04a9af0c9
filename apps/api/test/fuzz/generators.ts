/**
 * The generators of the generated-input tests: values mutated towards what breaks databases and
 * parsers (NUL, lone surrogates, dates and numbers beyond their columns, wrong shapes, `null`
 * bodies), values that mostly fit a JSON schema (so that deeper checks run), and the row count
 * of every table that a refused request must leave as it was.
 */
import fc from 'fast-check';
import type { PrismaClient } from '@portal/db';

export const hostileText = fc.oneof(
  fc.constantFrom(
    '\u0000', 'a\u0000b', '\uD800', 'x\uDFFF', '\uDC00\uD800', '', ' ', '0', '-1', '1e400', 'NaN', 'null', 'true',
    '0001-01-01', '9999-12-31', '10000-01-01', '2026-02-30', '1970-01-01T00:00:00Z', '-000001-01-01',
    '99999999999999999999999999', '9223372036854775808', '-9223372036854775809', '00000000-0000-4000-8000-000000000000',
    'not-a-uuid', '../../etc/passwd', '%00', '<script>alert(1)</script>', "'; DROP TABLE accounts; --", 'A'.repeat(5_000),
    'A123456789', 'demomanager', 'a@b.c', '\u202Etxt.exe', '😀', '\uFEFF', '\r\n', '{"a":1}',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

const hostileNumber = fc.oneof(
  fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -1e308, 0.5, 2 ** 63),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const hostileScalar = fc.oneof(hostileText, hostileNumber, fc.boolean(), fc.constant(null));
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileScalar },
  { weight: 1, arbitrary: fc.array(hostileScalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileText, hostileScalar, { maxKeys: 3 }) },
);

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

/** A value that mostly fits `schema` (so that deeper checks run) and often does not. */
export function valueFor(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 3) return hostileValue;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((variant) => valueFor(variant, depth + 1)), hostileValue);
  if (schema.enum?.length) return fc.oneof(fc.constantFrom(...schema.enum), hostileValue);
  if (schema.const !== undefined) return fc.oneof(fc.constant(schema.const), hostileValue);
  const type = [schema.type].flat()[0];
  if (type === 'object' && schema.properties) return fc.oneof({ weight: 3, arbitrary: objectFor(schema, depth + 1) }, { weight: 1, arbitrary: hostileValue });
  if (type === 'array') return fc.oneof(fc.array(valueFor(schema.items, depth + 1), { maxLength: 4 }), hostileValue);
  if (type === 'string' && schema.format === 'uuid') return fc.oneof(fc.uuid({ version: 4 }), hostileText);
  if (type === 'string' && schema.format?.startsWith('date')) return fc.oneof(fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, schema.format === 'date' ? 10 : 24)), hostileText);
  if (type === 'string') return hostileText;
  if (type === 'integer' || type === 'number') return fc.oneof(hostileNumber, hostileText);
  if (type === 'boolean') return fc.oneof(fc.boolean(), hostileValue);
  return hostileValue;
}

export function objectFor(schema: JsonSchema, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(schema.properties ?? {});
  const fields = Object.fromEntries(keys.map((key) => [key, valueFor(schema.properties![key], depth)]));
  return fc.record(fields, { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;
}

/** A JSON body: mostly shaped like the schema, sometimes not an object at all. */
export const bodyFor = (schema: JsonSchema | undefined) =>
  fc.oneof(
    { weight: 6, arbitrary: schema?.properties ? objectFor(schema) : fc.dictionary(hostileText, hostileValue, { maxKeys: 4 }) },
    { weight: 2, arbitrary: fc.constantFrom<unknown>(null, [], 'text', 0, true, [null]) },
  );

/** Query strings and path segments are text on the wire. */
export const wireText = (schema: JsonSchema | undefined) => valueFor(schema).map((value) => (typeof value === 'string' ? value : JSON.stringify(value) ?? ''));

/**
 * Percent-encoding that keeps what encodeURIComponent refuses: a lone surrogate goes out as its
 * three WTF-8 bytes, as a hostile client would send it.
 */
export function wireEncode(value: string): string {
  let out = '';
  for (const char of value) {
    const unit = char.charCodeAt(0);
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((byte) => '%' + byte.toString(16).toUpperCase()).join('');
    } else out += encodeURIComponent(char);
  }
  return out;
}

/** Row count of every table: what a refused request must leave as it was. */
export async function rowCounts(prisma: PrismaClient): Promise<Record<string, number>> {
  const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_%' ORDER BY 1`,
  );
  const rows = await prisma.$queryRawUnsafe<{ name: string; n: number }[]>(
    tables.map(({ name }) => `SELECT '${name}' AS name, count(*)::int AS n FROM "${name}"`).join(' UNION ALL '),
  );
  return Object.fromEntries(rows.map(({ name, n }) => [name, Number(n)]));
}
