/**
 * 篩檢資料匯入: system staff back-fill records from a CSV file on behalf of the subsystems. The
 * rows go through the same checks and the same writes as the ingest API; a dry run reports every
 * bad row and writes nothing; a real import writes all rows or, when any row is bad, none.
 * Both are audited with the file's SHA-256.
 */
import { createHash, randomUUID } from 'node:crypto';
import { CsvError, parse } from 'csv-parse/sync';
import {
  CSV_IMPORT_MAX_ROWS,
  csvHeaderOf,
  csvRowToRecordInput,
  SCREENING_CSV_COLUMNS,
  SCREENING_MESSAGES,
  type ScreeningImportRequest,
  type ScreeningImportResult,
  type ScreeningImportRowError,
  type AuditAction,
} from '@portal/shared';
import { HttpError } from '../../errors/http-error.js';
import { recordAudit, type RequestOrigin } from '../audit/record-audit.js';
import { checkBatch, writeBatch, type CheckedBatch, type FieldErrors, type IngestDeps, type IngestEntry } from './ingest.js';

interface Row {
  record: Record<string, string>;
  info: { lines: number };
}

const badFile = (message: string) => new HttpError(400, 'CSV_INVALID', message);

function readRows(content: string): Row[] {
  let rows: Row[];
  try {
    rows = parse(content, { columns: true, bom: true, skip_empty_lines: true, info: true }) as Row[];
  } catch (error) {
    if (error instanceof CsvError) throw badFile(SCREENING_MESSAGES.csvUnreadable);
    throw error;
  }
  if (rows.length === 0) throw badFile(SCREENING_MESSAGES.csvEmpty);
  if (rows.length > CSV_IMPORT_MAX_ROWS) throw badFile(SCREENING_MESSAGES.csvTooManyRows(CSV_IMPORT_MAX_ROWS));
  const headers = new Set(Object.keys(rows[0]!.record));
  const missing = SCREENING_CSV_COLUMNS.filter((column) => column.required && !headers.has(column.header)).map((column) => column.header);
  if (missing.length > 0) throw badFile(SCREENING_MESSAGES.csvMissingColumns(missing));
  return rows;
}

function messagesOf(errors: FieldErrors): string[] {
  return Object.entries(errors).flatMap(([path, list]) => {
    const header = csvHeaderOf(path);
    return list.map((message) => (header ? `${header}：${message}` : message));
  });
}

function rowErrors(rows: Row[], entries: IngestEntry[], batch: CheckedBatch, late = new Map<number, FieldErrors>()): ScreeningImportRowError[] {
  const errors: ScreeningImportRowError[] = [];
  for (const [index, row] of rows.entries()) {
    const found = batch.rejected.get(index) ?? late.get(index);
    if (!found) continue;
    const recordId = (entries[index]!.raw as { recordId?: string }).recordId ?? null;
    errors.push({ line: row.info.lines, recordId, messages: messagesOf(found) });
  }
  return errors;
}

export async function importScreeningCsv(deps: IngestDeps, caller: { id: string }, request: ScreeningImportRequest, origin: RequestOrigin): Promise<ScreeningImportResult> {
  const rows = readRows(request.content);
  const entries: IngestEntry[] = rows.map((row) => {
    const { subsystemCode, input } = csvRowToRecordInput(row.record);
    return { subsystemCode, raw: input };
  });
  const file = { filename: request.filename, sha256: createHash('sha256').update(request.content).digest('hex'), rows: rows.length };
  const audit = (tx: Parameters<typeof recordAudit>[0], action: AuditAction, after: Record<string, unknown>) =>
    recordAudit(tx, { actorId: caller.id, action, entityType: 'screening-import', entityId: randomUUID(), after: { ...file, ...after } }, origin);

  if (request.dryRun) {
    const batch = await checkBatch(deps.prisma, deps.crypto, entries);
    const errors = rowErrors(rows, entries, batch);
    await audit(deps.prisma, 'screening.import.checked', { valid: batch.accepted.length, invalid: errors.length });
    return {
      dryRun: true,
      rows: rows.length,
      valid: batch.accepted.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      errors,
      message: errors.length === 0 ? `全部 ${rows.length} 筆資料列檢查無誤，可以匯入。` : `${rows.length} 筆資料列中有 ${errors.length} 筆有誤，請修正後再匯入。`,
    };
  }

  return deps.prisma.$transaction(
    async (tx) => {
      const batch = await checkBatch(tx, deps.crypto, entries);
      const outcomes = await writeBatch(tx, deps.crypto, batch);
      const late = new Map([...outcomes].filter((entry): entry is [number, FieldErrors] => typeof entry[1] === 'object'));
      const errors = rowErrors(rows, entries, batch, late);
      if (errors.length > 0) {
        // Nothing of a file with a bad row is kept: the transaction rolls back.
        throw new HttpError(
          400,
          'CSV_HAS_ERRORS',
          SCREENING_MESSAGES.csvHasErrors(errors.length),
          Object.fromEntries(errors.map((error) => [String(error.line), error.messages])),
        );
      }
      const count = (outcome: string) => [...outcomes.values()].filter((value) => value === outcome).length;
      const result = { created: count('CREATED'), updated: count('UPDATED'), unchanged: count('UNCHANGED') };
      await audit(tx, 'screening.import.applied', { ...result, subsystems: [...new Set(entries.map((entry) => entry.subsystemCode))] });
      return {
        dryRun: false,
        rows: rows.length,
        valid: rows.length,
        ...result,
        errors: [],
        message: `已匯入 ${rows.length} 筆：新增 ${result.created} 筆、更新 ${result.updated} 筆、未變動 ${result.unchanged} 筆。`,
      };
    },
    { timeout: 120_000 },
  );
}
