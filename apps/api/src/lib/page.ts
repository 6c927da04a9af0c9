/** A page of a list as every list endpoint answers it. */
export interface Page<Item> {
  items: Item[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Reads one page (`page` is 1-based) and the total count together; `rows` gets the window to
 * pass to the query (Prisma's skip / take).
 */
export async function readPage<Row, Item>(
  query: { page: number; pageSize: number },
  read: { count: () => Promise<number>; rows: (window: { skip: number; take: number }) => Promise<Row[]> },
  toItem: (row: Row) => Item,
): Promise<Page<Item>> {
  const [total, rows] = await Promise.all([read.count(), read.rows({ skip: (query.page - 1) * query.pageSize, take: query.pageSize })]);
  return { items: rows.map(toItem), total, page: query.page, pageSize: query.pageSize };
}

/** A page of a list read by keyset, newest first (the shared `keysetPageOf`). */
export interface KeysetPage<Item> {
  items: Item[];
  nextCursor: string | null;
}

/**
 * Shapes rows read with `LIMIT limit + 1`: the extra row only tells that a next page exists,
 * which starts after the last item shown.
 */
export function keysetPage<Row, Item extends { id: string }>(rows: readonly Row[], limit: number, toItem: (row: Row) => Item): KeysetPage<Item> {
  const items = rows.slice(0, limit).map(toItem);
  return { items, nextCursor: rows.length > limit ? items.at(-1)!.id : null };
}
