/** One page of `matching` as the API pages it: page and pageSize from the URL (1 and 20 by default). */
export function pageOf<T>(url: URL, matching: readonly T[]) {
  const page = Number(url.searchParams.get('page') ?? 1);
  const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
  return { items: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pageSize };
}
