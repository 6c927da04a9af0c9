/**
 * The size limits of what people upload, in one place: the API enforces them, the SPA checks
 * them before sending and names them in its hints, and the refusal messages quote them.
 */
const MEBIBYTE = 1024 * 1024;

/** A 下載專區 file (each version). */
export const DOWNLOAD_MAX_BYTES = 10 * MEBIBYTE;
/** A stamped scan of the 管理者帳號申請、異動表. */
export const SCAN_MAX_BYTES = 5 * MEBIBYTE;
/**
 * Scans of one manager request uploaded by its own people (each replaces the last; staff
 * attaching one received by mail are not counted): so many in any 24 hours, so many in all.
 */
export const SCAN_UPLOADS_PER_DAY = 5;
export const SCAN_UPLOADS_PER_REQUEST = 20;
/** A 篩檢資料匯入 CSV file, counted in characters once read as UTF-8 text. */
export const CSV_IMPORT_MAX_CHARS = 8 * MEBIBYTE;

/** A limit as people read it, e.g. "10 MB". */
export function megabytes(bytes: number): string {
  return `${bytes / MEBIBYTE} MB`;
}
