import { formatTaipeiDate, PageQuerySchema } from '@portal/shared';

export { formatTaipeiDate };

const taipeiDateTime = new Intl.DateTimeFormat('zh-TW', {
  timeZone: 'Asia/Taipei',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** ISO 8601 → date and time to the second in Asia/Taipei (the logs). */
export const formatTaipeiDateTime = (iso: string) => taipeiDateTime.format(new Date(iso));

const taipeiTime = new Intl.DateTimeFormat('zh-TW', { timeZone: 'Asia/Taipei', hour: '2-digit', minute: '2-digit', hour12: false });

/** ISO 8601 → the time of day in Asia/Taipei (14:05), e.g. when a session ends. */
export const formatTaipeiTime = (iso: string) => taipeiTime.format(new Date(iso));

/** The same date for a <time dateTime> attribute (YYYY-MM-DD). */
export function taipeiDateTimeAttribute(iso: string): string {
  return formatTaipeiDate(iso).replaceAll('/', '-');
}

/** "PDF" from the file name, falling back to the media subtype. */
export function fileTypeLabel(filename: string, contentType: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1];
  if (extension) return extension.toUpperCase();
  return (contentType.split('/')[1] ?? contentType).toUpperCase();
}

/** 123 KB / 1.5 MB: whole kilobytes below a megabyte, one decimal above. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Reads the page number from the URL with the API's own rule, falling back to 1. */
export function pageFromParam(value: string | null): number {
  const parsed = PageQuerySchema.shape.page.safeParse(value ?? undefined);
  return parsed.success ? parsed.data : 1;
}
