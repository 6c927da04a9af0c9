// Reads a multipart body the SPA sent, for msw handlers and request spies. Node 24's undici
// refuses to parse the File objects jsdom puts in a FormData (an internal assertion fails), so
// the body is read as text and split on its boundary. On the way through undici a jsdom File
// keeps only its content type (its name becomes "blob" and its bytes are dropped), so that is
// what a file part reports.
export interface MultipartBody {
  fields: Record<string, string>;
  file: { contentType: string } | null;
}

export async function readMultipart(request: Request): Promise<MultipartBody> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(request.headers.get('content-type') ?? '');
  const delimiter = `--${boundary?.[1] ?? boundary?.[2] ?? ''}`;
  const body = await request.text();
  const fields: Record<string, string> = {};
  let file: MultipartBody['file'] = null;
  for (const part of body.split(delimiter).slice(1, -1)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.slice(0, headerEnd);
    const name = /name="([^"]*)"/.exec(headers)?.[1];
    if (!name) continue;
    if (/filename=/.test(headers)) {
      if (name === 'file') file = { contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? '' };
    } else {
      fields[name] = part.slice(headerEnd + 4, part.length - 2);
    }
  }
  return { fields, file };
}
