import { fileTypeFromBuffer } from 'file-type';

/** An uploaded file as a multipart body brings it. */
export interface UploadedFile {
  /** As the browser sent it (may be empty); never trusted for the type. */
  filename: string;
  data: Buffer;
}

/**
 * The type of uploaded bytes, decided from their content by the `file-type` library (magic
 * numbers, and the entries of a ZIP container for DOCX / XLSX / ODT), never from the file's name
 * or the browser's claim. Null unless it is one of `allowed` (extension → media type).
 */
export async function detectFileType<Extension extends string>(
  data: Uint8Array,
  allowed: Readonly<Record<Extension, string>>,
): Promise<{ extension: Extension; mediaType: string } | null> {
  const detected = await fileTypeFromBuffer(data);
  if (!detected) return null;
  const extension = (Object.keys(allowed) as Extension[]).find((candidate) => allowed[candidate] === detected.mime);
  return extension ? { extension, mediaType: allowed[extension] } : null;
}
