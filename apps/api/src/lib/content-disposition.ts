import path from 'node:path';

/**
 * RFC 6266 / 5987: the UTF-8 name, which every current browser uses, plus a plain ASCII
 * fallback ("download.pdf") for the rest, so 中文 file names survive.
 */
export function contentDisposition(filename: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const fallback = `download${path.extname(filename).replace(/[^.\w]/g, '')}`;
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
