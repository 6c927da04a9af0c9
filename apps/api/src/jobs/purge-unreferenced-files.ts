/**
 * Part of the daily purge: deletes stored files nothing points at any more — a download's
 * earlier versions, and whatever an interrupted flow left — once they are older than a safety
 * age. Every upload is stored in the transaction of the row that uses it, so a file of an upload
 * in progress is invisible here until its row commits; the age is a second guard, for any
 * future flow that stores first and links later.
 */
import type { Prisma } from '@portal/db';
import { recordAudit } from '../services/audit/record-audit.js';

/** Files younger than this are kept even when nothing points at them. */
export const KEEP_UNREFERENCED_FILE_MS = 24 * 60 * 60 * 1000;

export interface PurgedFiles {
  files: number;
  bytes: number;
}

/** Deletes the unreferenced files older than the safety age, inside the purge's transaction, and audits the count. */
export async function purgeUnreferencedFiles(tx: Prisma.TransactionClient, now: Date, entityId: string): Promise<PurgedFiles> {
  const olderThan = new Date(now.getTime() - KEEP_UNREFERENCED_FILE_MS);
  // Every relation of StoredFile: a new one added to the schema must be added here too, or the
  // DELETE fails on its foreign key (Restrict) and the purge is retried — it never deletes a used file.
  const unreferenced: Prisma.StoredFileWhereInput = { createdAt: { lt: olderThan }, downloads: { none: {} }, managerRequests: { none: {} } };
  const doomed = await tx.storedFile.findMany({ where: unreferenced, select: { id: true, size: true } });
  if (doomed.length === 0) return { files: 0, bytes: 0 };
  const { count } = await tx.storedFile.deleteMany({ where: { id: { in: doomed.map((file) => file.id) }, ...unreferenced } });
  const purged = { files: count, bytes: doomed.reduce((sum, file) => sum + file.size, 0) };
  await recordAudit(tx, { actorLabel: 'system', action: 'system.files.purged', entityType: 'job', entityId, after: { ...purged, olderThan: olderThan.toISOString() } }, {});
  return purged;
}
