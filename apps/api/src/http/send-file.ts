import path from 'node:path';
import type { FastifyReply } from 'fastify';

/**
 * RFC 6266 / 5987: the UTF-8 name, which every current browser uses, plus a plain ASCII
 * fallback ("download.pdf") for the rest, so 中文 file names survive.
 */
export function contentDisposition(filename: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const fallback = `download${path.extname(filename).replace(/[^.\w]/g, '')}`;
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Sends stored bytes as a download that the browser must not sniff or run. */
export function sendFile(reply: FastifyReply, file: { filename: string; contentType: string; data: Uint8Array }, inline = true) {
  return reply
    .header('content-type', file.contentType)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('content-disposition', contentDisposition(file.filename, inline ? 'inline' : 'attachment'))
    // Staff see the scan beside the request's data in a frame of the portal itself; the content
    // type was established from the bytes at upload, so only a PDF or an image is ever framed.
    .header('content-security-policy', "frame-ancestors 'self'")
    .header('x-frame-options', 'SAMEORIGIN')
    .send(Buffer.from(file.data));
}
