/** Links are built from the configured public origin; a trailing slash must not double up. */
export function pageUrl(origin: string, pathname: string, query?: Record<string, string>): string {
  const url = new URL(pathname, origin.endsWith('/') ? origin : `${origin}/`);
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
  return url.toString();
}
