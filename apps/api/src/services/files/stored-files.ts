import { createHash } from 'node:crypto';
import type { Prisma } from '@portal/db';

/**
 * Stores the bytes of an upload whose type was established from its content (lib/file-type),
 * with their SHA-256 (the download's ETag), inside the transaction of the record that uses them.
 */
export function storeFile(tx: Prisma.TransactionClient, file: { filename: string; contentType: string; data: Buffer }) {
  return tx.storedFile.create({
    data: {
      filename: file.filename,
      contentType: file.contentType,
      size: file.data.length,
      sha256: createHash('sha256').update(file.data).digest('hex'),
      data: new Uint8Array(file.data),
    },
    select: { id: true, filename: true },
  });
}
