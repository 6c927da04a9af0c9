/**
 * 稽核紀錄 search and CSV export. Keyset pagination on the bigint id (newest first): a page is
 * an index range scan however deep the reader goes, so 1,000,000 events stay fast
 * (bench/audit-search-benchmark.ts). The table is append-only: there is no update or delete
 * path here, and the migration's trigger refuses them in the database.
 */
import { Prisma, type PrismaClient } from '@portal/db';
import { taipeiDayEnd, taipeiDayStart, type AuditEvent, type AuditEventPage } from '@portal/shared';
import { keysetPage } from '../../lib/page.js';

export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  ip?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The WHERE of a filter; null when it can match nothing (an unknown actor). */
async function whereOf(prisma: PrismaClient, filter: AuditFilter): Promise<Prisma.Sql[] | null> {
  const conditions: Prisma.Sql[] = [];
  if (filter.actor) {
    let actorId = UUID.test(filter.actor) ? filter.actor : null;
    if (!actorId) {
      const account = await prisma.account.findUnique({ where: { accountNameKey: filter.actor.toLowerCase() }, select: { id: true } });
      if (!account) {
        // Not an account: maybe a label (applicant, system, seed).
        conditions.push(Prisma.sql`e.actor_label = ${filter.actor}`);
      } else actorId = account.id;
    }
    if (actorId) conditions.push(Prisma.sql`e.actor_id = ${actorId}::uuid`);
  }
  if (filter.action) {
    conditions.push(
      filter.action.endsWith('.')
        ? Prisma.sql`e.action LIKE ${`${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`
        : Prisma.sql`e.action = ${filter.action}`,
    );
  }
  if (filter.entityType) conditions.push(Prisma.sql`e.entity_type = ${filter.entityType}`);
  if (filter.entityId) conditions.push(Prisma.sql`e.entity_id = ${filter.entityId}`);
  if (filter.ip) conditions.push(Prisma.sql`e.ip = ${filter.ip}`);
  if (filter.from) conditions.push(Prisma.sql`e.at >= ${taipeiDayStart(filter.from)}`);
  if (filter.to) conditions.push(Prisma.sql`e.at < ${taipeiDayEnd(filter.to)}`);
  return conditions;
}

interface Row {
  id: bigint | string;
  at: Date;
  actor_id: string | null;
  actor_account_name: string | null;
  actor_label: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  request_id: string | null;
}

const toDto = (row: Row): AuditEvent => ({
  id: String(row.id),
  at: new Date(row.at).toISOString(),
  actorId: row.actor_id,
  actorAccountName: row.actor_account_name,
  actorLabel: row.actor_label,
  action: row.action,
  entityType: row.entity_type,
  entityId: row.entity_id,
  before: row.before ?? null,
  after: row.after ?? null,
  ip: row.ip,
  requestId: row.request_id,
});

/** A date window this short is read through the `at` index (see selectEvents). */
const NARROW_RANGE_MS = 31 * 24 * 60 * 60 * 1000;
const isNarrowRange = (filter: AuditFilter) =>
  Boolean(filter.from && filter.to && taipeiDayEnd(filter.to).getTime() - taipeiDayStart(filter.from).getTime() <= NARROW_RANGE_MS);

function selectEvents(conditions: Prisma.Sql[], limit: number, narrowRange: boolean) {
  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  // The planner does not know that ids grow with `at`: for an old, short date window it walks
  // the primary key back from the newest event (hundreds of ms over 1M rows). A materialized
  // CTE makes it collect the window through the `at` index first, then take the newest ids.
  const source = narrowRange
    ? Prisma.sql`(WITH hits AS MATERIALIZED (SELECT e.* FROM audit_events e ${where}) SELECT * FROM hits ORDER BY id DESC LIMIT ${limit}) e`
    : Prisma.sql`(SELECT e.* FROM audit_events e ${where} ORDER BY e.id DESC LIMIT ${limit}) e`;
  return Prisma.sql`
    SELECT e.id, e.at, e.actor_id, a.account_name AS actor_account_name, e.actor_label, e.action, e.entity_type,
           e.entity_id, e.before, e.after, e.ip, e.request_id
      FROM ${source} LEFT JOIN accounts a ON a.id = e.actor_id
     ORDER BY e.id DESC`;
}

export async function searchAuditEvents(prisma: PrismaClient, filter: AuditFilter & { cursor?: string | undefined; limit: number }): Promise<AuditEventPage> {
  const conditions = await whereOf(prisma, filter);
  if (!conditions) return { items: [], nextCursor: null };
  if (filter.cursor) conditions.push(Prisma.sql`e.id < ${BigInt(filter.cursor)}`);
  const rows = await prisma.$queryRaw<Row[]>(selectEvents(conditions, filter.limit + 1, isNarrowRange(filter)));
  return keysetPage(rows, filter.limit, toDto);
}

const CSV_HEADER = ['編號', '時間', '操作者帳號', '操作者ID', '操作者類別', '動作', '紀錄類型', '紀錄ID', '變更前', '變更後', 'IP', '請求ID'];

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break; a cell that a
 * spreadsheet would read as a formula (= + - @, tab, CR) is prefixed with an apostrophe.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (cells: unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** The last row of an export that broke off: a reader of the file sees that it is incomplete. */
export const CSV_EXPORT_BROKEN = '（匯出中斷：讀取稽核紀錄時發生錯誤，以上資料不完整，請重新匯出。）';

const csvRowsOf = (rows: Row[]) =>
  rows
    .map(toDto)
    .map((event) =>
      csvLine([
        event.id, event.at, event.actorAccountName, event.actorId, event.actorLabel, event.action, event.entityType, event.entityId,
        event.before, event.after, event.ip, event.requestId,
      ]),
    )
    .join('');

/**
 * Every matching event as CSV, newest first, in keyset batches (constant memory). The first
 * batch is read before anything is sent, so a failing query is an ordinary error answer; a
 * later batch that fails ends the file with the CSV_EXPORT_BROKEN row (reported to `onError`),
 * never a silently short file.
 */
export async function openAuditEventsCsv(
  prisma: PrismaClient,
  filter: AuditFilter,
  onError: (error: unknown) => void,
  batchSize = 1000,
): Promise<AsyncGenerator<string>> {
  const conditions = await whereOf(prisma, filter);
  const readBatch = (after: bigint | null) =>
    conditions
      ? prisma.$queryRaw<Row[]>(selectEvents(after === null ? conditions : [...conditions, Prisma.sql`e.id < ${after}`], batchSize, isNarrowRange(filter)))
      : Promise.resolve([]);
  const first = await readBatch(null);
  return (async function* () {
    yield `\uFEFF${csvLine(CSV_HEADER)}`;
    let rows = first;
    try {
      while (rows.length > 0) {
        yield csvRowsOf(rows);
        if (rows.length < batchSize) return;
        rows = await readBatch(BigInt(String(rows.at(-1)!.id)));
      }
    } catch (error) {
      onError(error);
      yield csvLine([CSV_EXPORT_BROKEN]);
    }
  })();
}
