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
