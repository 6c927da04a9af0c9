import {
  MANAGER_FORM_TITLE,
  MANAGER_REQUEST_MESSAGES,
  PAPER_FORM_MAILBOX,
  SCAN_MAX_BYTES,
  megabytes,
  type ManagerRequest,
} from '@portal/shared';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { DetailsList } from '../../../components/ui/details-list';
import { PAGE_HEADING_ID } from '../../../components/ui/page';
import { useDownloadFilledForm, useUploadScan } from '../api/paper-review';
import type { VerificationTarget } from '../api/verification-target';
import { TaipeiDate } from '../../../components/ui/taipei-date';

/** What <input type=file> offers; the API recognises the type by the file's content. */
export const SCAN_FILE_ACCEPT = '.pdf,.jpg,.jpeg,.png';
const SCAN_EXTENSIONS = /\.(pdf|jpe?g|png)$/i;

export const PAPER_REVIEW_TEXT = {
  download: '下載已填寫之申請表',
  downloading: '正在產生申請表…',
  downloaded: '已下載申請表，請列印並蓋妥機構關防。',
  fileLabel: '申請表掃描檔',
  fileHint: `接受 PDF、JPEG 或 PNG，檔案大小不得超過 ${megabytes(SCAN_MAX_BYTES)}。`,
  upload: '上傳掃描檔',
  uploading: '正在上傳…',
  received: '已收到您的申請表，系統人員將在三個工作天內完成審核。',
  dueDate: '預計完成審核日期',
} as const;

/** The client-side check of a chosen scan (the API checks again, by content). */
export function scanProblem(file: File | undefined): string | null {
  if (!file) return MANAGER_REQUEST_MESSAGES.scanRequired;
  if (file.size > SCAN_MAX_BYTES) return MANAGER_REQUEST_MESSAGES.scanTooLarge;
  if (!SCAN_EXTENSIONS.test(file.name)) return MANAGER_REQUEST_MESSAGES.scanType;
  if (file.size === 0) return MANAGER_REQUEST_MESSAGES.scanRequired;
  return null;
}

/**
 * 紙本審核: the guide's instructions, the filled form to download, the stamped scan to upload
 * (or to mail), then the promise of three working days with the due date.
 */
export function PaperReviewPanel({ target }: { target: VerificationTarget }) {
  const ids = { file: useId(), hint: useId(), error: useId(), done: useId() };
  const download = useDownloadFilledForm(target);
  const upload = useUploadScan(target);
  const fileRef = useRef<HTMLInputElement>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [received, setReceived] = useState<ManagerRequest | null>(null);
  useEffect(() => {
    if (received) doneRef.current?.focus();
  }, [received]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    const problem = scanProblem(file);
    setFileError(problem);
    if (problem || !file) {
      fileRef.current?.focus();
      return;
    }
    upload.mutate(file, {
      onSuccess: setReceived,
    });
  };

  const status = download.isPending ? PAPER_REVIEW_TEXT.downloading : upload.isPending ? PAPER_REVIEW_TEXT.uploading : download.isSuccess ? PAPER_REVIEW_TEXT.downloaded : '';
  const apiError = upload.error ?? download.error;

  return (
    // Named by the page's <h1> (紙本審核), not by a second heading of the same words.
    <section className="verification-box" aria-labelledby={PAGE_HEADING_ID}>
      <p>{MANAGER_REQUEST_MESSAGES.paperInstructions}</p>
      <ol className="paper-steps">
        <li>
          下載本系統已依您的申請資料填妥的「{MANAGER_FORM_TITLE}」，列印後蓋妥機構關防。
          <div className="verification-actions">
            <button type="button" className="button button-primary" onClick={() => download.mutate()} disabled={download.isPending}>
              {PAPER_REVIEW_TEXT.download}
            </button>
          </div>
        </li>
        <li>
          將蓋妥關防的申請表掃描後上傳，或寄至指定信箱（<a href={`mailto:${PAPER_FORM_MAILBOX}`}>{PAPER_FORM_MAILBOX}</a>）。
        </li>
      </ol>

      {received ? (
        <div className="paper-received">
          <h2 id={ids.done} ref={doneRef} tabIndex={-1}>
            {PAPER_REVIEW_TEXT.received}
          </h2>
          <DetailsList
            items={[
              ['申請編號', received.requestNo],
              [
                PAPER_REVIEW_TEXT.dueDate,
                received.dueAt ? <TaipeiDate at={received.dueAt} /> : null,
              ],
            ]}
          />
        </div>
      ) : (
        <form className="paper-upload-form" onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={ids.file}>{PAPER_REVIEW_TEXT.fileLabel}</label>
            <input
              ref={fileRef}
              id={ids.file}
              name="file"
              type="file"
              accept={SCAN_FILE_ACCEPT}
              aria-describedby={[ids.hint, fileError ? ids.error : null].filter(Boolean).join(' ')}
              aria-invalid={fileError ? true : undefined}
              onChange={() => {
                setFileError(null);
                upload.reset();
              }}
            />
            <p id={ids.hint} className="field-hint">
              {PAPER_REVIEW_TEXT.fileHint}
            </p>
            {fileError ? (
              <p id={ids.error} className="field-error" role="alert">
                {fileError}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button button-primary" disabled={upload.isPending}>
            {PAPER_REVIEW_TEXT.upload}
          </button>
        </form>
      )}
      <p role="status" className="result-status">
        {status}
      </p>
      {apiError ? (
        <div className="alert alert-error">
          <p role="alert">{apiError.message}</p>
        </div>
      ) : null}
    </section>
  );
}
