const TAIPEI_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Taipei',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** A calendar date as Taiwan reads it (2026/11/30), in Taipei time whatever the server's zone. */
export function formatTaipeiDate(date: Date): string {
  return TAIPEI_DATE.format(date).replaceAll('-', '/');
}

/** Links are built from the configured public origin; a trailing slash must not double up. */
export function pageUrl(origin: string, pathname: string, query?: Record<string, string>): string {
  const url = new URL(pathname, origin.endsWith('/') ? origin : `${origin}/`);
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
  return url.toString();
}
