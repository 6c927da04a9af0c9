import { unzipSync } from 'fflate';
import { fileTypeFromBuffer } from 'file-type';

/** An uploaded file as a multipart body brings it. */
export interface UploadedFile {
  /** As the browser sent it (may be empty); never trusted for the type. */
  filename: string;
  data: Buffer;
}

/**
 * What a ZIP-based document must hold, by media type. `file-type` names an OOXML file from the
 * first local header it meets and the `…main+xml` string of its [Content_Types].xml (an ODT from
 * its `mimetype` entry), so a small ZIP carrying only those strings passes as a document. Here the
 * archive's central directory is read (fflate) and the parts every producer writes must be there:
 * the OPC package parts and the application's folder, or the ODF manifest and content.
 */
const CONTAINER_ENTRIES: Readonly<Record<string, { files: readonly string[]; folder?: string }>> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { files: ['[Content_Types].xml', '_rels/.rels'], folder: 'word/' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { files: ['[Content_Types].xml', '_rels/.rels'], folder: 'xl/' },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { files: ['[Content_Types].xml', '_rels/.rels'], folder: 'ppt/' },
  'application/vnd.oasis.opendocument.text': { files: ['mimetype', 'META-INF/manifest.xml', 'content.xml'] },
};

/** The entry names of a ZIP's central directory, nothing decompressed; null when it is no well-formed ZIP. */
function zipEntryNames(data: Uint8Array): Set<string> | null {
  const names = new Set<string>();
  try {
    unzipSync(data, {
      filter: (entry) => {
        names.add(entry.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  return names;
}

/** True when `data`, detected as `mediaType`, holds the parts a document of that type has (other types: true). */
function hasContainerStructure(data: Uint8Array, mediaType: string): boolean {
  const expected = CONTAINER_ENTRIES[mediaType];
  if (!expected) return true;
  const names = zipEntryNames(data);
  if (!names) return false;
  const folder = expected.folder;
  return expected.files.every((name) => names.has(name)) && (!folder || [...names].some((name) => name.startsWith(folder) && name.length > folder.length));
}

/**
 * The type of uploaded bytes, decided from their content by the `file-type` library (magic
 * numbers, and the entries of a ZIP container for DOCX / XLSX / ODT), never from the file's name
 * or the browser's claim; a ZIP-based document must also have the structure of one. Null unless
 * it is one of `allowed` (extension → media type).
 */
export async function detectFileType<Extension extends string>(
  data: Uint8Array,
  allowed: Readonly<Record<Extension, string>>,
): Promise<{ extension: Extension; mediaType: string } | null> {
  const detected = await fileTypeFromBuffer(data);
  if (!detected) return null;
  const extension = (Object.keys(allowed) as Extension[]).find((candidate) => allowed[candidate] === detected.mime);
  if (!extension || !hasContainerStructure(data, allowed[extension])) return null;
  return { extension, mediaType: allowed[extension] };
}
