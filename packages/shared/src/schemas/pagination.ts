import { z } from 'zod';
import { text } from './text.js';
import { messages } from '../messages.js';

export const PageQuerySchema = z.object({
  page: z.coerce.number({ error: messages.invalidPage }).int(messages.invalidPage).min(1, messages.invalidPage).max(10_000, messages.invalidPage).default(1),
  pageSize: z.coerce.number({ error: messages.invalidPageSize }).int(messages.invalidPageSize).min(1, messages.invalidPageSize).max(100, messages.invalidPageSize).default(20),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

/** A page of `item`s with the total, so that the UI can show 第 n 頁／共 m 頁. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/**
 * A page of a search that counts its matches only up to a cap (機構查詢: a broad query is not
 * counted to the end): `totalCapped` says that more than `total` match.
 */
export function cappedPageOf<T extends z.ZodType>(item: T) {
  return pageOf(item).extend({ totalCapped: z.boolean() });
}

/** The largest id a bigint column holds: a cursor beyond it names no row (and PostgreSQL refuses it). */
const MAX_BIGINT = 2n ** 63n - 1n;

/**
 * The paging fields of a list read newest first by keyset (an id that only grows): `cursor` is
 * the `nextCursor` of the page before; however deep the reader goes, a page is an index range.
 */
export const keysetQueryFields = {
  cursor: text()
    .regex(/^\d{1,19}$/, { error: messages.invalidCursor, abort: true })
    .refine((cursor) => BigInt(cursor) <= MAX_BIGINT, messages.invalidCursor)
    .optional(),
  limit: z.coerce.number({ error: messages.invalidPageSize }).int(messages.invalidPageSize).min(1, messages.invalidPageSize).max(100, messages.invalidPageSize).default(50),
};

/** A keyset page of `item`s; `nextCursor` is null on the last page. */
export function keysetPageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: text().nullable(),
  });
}
