import { PORTAL_SYSTEM_NAME, CreateDownloadFieldsSchema, DOWNLOAD_CONTENT_TYPES, DOWNLOAD_MAX_BYTES, BACK_OFFICE_MESSAGES, megabytes, type StaffDownload } from '@portal/shared';
import { useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorSummary, type SummaryItem } from '../../../components/ui/error-summary';
import { FormField } from '../../../components/ui/form-field';
import { OptionList } from '../../../components/ui/option-list';
import { useEditor } from './use-editor';
import { ResultNotice } from '../../../components/ui/result-notice';
import { Page } from '../../../components/ui/page';
import { Pagination } from '../../../components/ui/pagination';
import { ErrorAlert, ListStatus } from '../../../components/ui/query-feedback';
import { DataTable, noWrap, type Column } from '../../../components/ui/data-table';
import { formatFileSize, formatTaipeiDate, pageFromParam } from '../../../lib/format';
import { useStaffDownloads, useUpdateDownload, useUploadDownload } from '../api/staff';
import { useSubsystems } from '../../../lib/subsystems';
import { ConfirmActionDialog } from '../../../components/ui/back-office-dialogs';
import '../../../components/ui/back-office.css';
import { FormButtons } from '../../../components/ui/form-buttons';

const ACCEPT = ['.pdf', '.docx', '.xlsx', '.odt', ...Object.values(DOWNLOAD_CONTENT_TYPES)].join(',');

/** The API's upload limits, checked before sending. */
function fileProblem(file: File | undefined): string | null {
  if (!file) return BACK_OFFICE_MESSAGES.fileRequired;
  if (file.size > DOWNLOAD_MAX_BYTES) return BACK_OFFICE_MESSAGES.fileTooLarge;
  if (!/\.(pdf|docx|xlsx|odt)$/i.test(file.name)) return BACK_OFFICE_MESSAGES.fileTypeNotAllowed;
  return null;
}

/**
 * Upload form: a new entry (系統, 分類, 標題 + 檔案) or, with `target`, a new version of that
 * entry's file. Sent as multipart/form-data with the file part last.
 */
function UploadForm({ target, onDone }: { target: StaffDownload | null; onDone: (message: string) => void }) {
  const upload = useUploadDownload();
  // 所屬系統 is one of the systems a file can belong to: the portal itself or a subsystem.
  const subsystems = useSubsystems({ enabled: !target });
  const systems = [PORTAL_SYSTEM_NAME, ...(subsystems.data?.items.map((item) => item.name) ?? [])];
  const fileRef = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState({ system: '', category: '', title: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const prefix = target ? `download-${target.id}` : 'download-new';
  const ids = { system: `${prefix}-system`, category: `${prefix}-category`, title: `${prefix}-title`, file: `${prefix}-file` };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    const file = fileRef.current?.files?.[0];
    const problem = fileProblem(file);
    if (problem) next.file = problem;
    if (!target) {
      const parsed = CreateDownloadFieldsSchema.safeParse(values);
      if (!parsed.success) for (const issue of parsed.error.issues) next[String(issue.path[0])] ??= issue.message;
    }
    setErrors(next);
    if (Object.keys(next).length > 0 || !file) return;
    const form = new FormData();
    if (!target) for (const [key, value] of Object.entries(values)) form.append(key, value.trim());
    form.append('file', file);
    upload.mutate(
      { downloadId: target?.id ?? null, form },
      {
        onSuccess: (saved) => onDone(target ? `已上傳「${saved.title}」的新版本（${saved.file.filename}）。` : `已新增「${saved.title}」。`),
        onError: (error) => setErrors({ file: error.message }),
      },
    );
  };
  const summary: SummaryItem[] = (Object.keys(ids) as Array<keyof typeof ids>).flatMap((key) =>
    errors[key] ? [{ fieldId: ids[key], label: { system: '所屬系統', category: '所屬分類', title: '標題', file: '檔案' }[key], message: errors[key] }] : [],
  );
  return (
    <form className="admin-form" noValidate onSubmit={submit} aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`}>{target ? `上傳新版本：${target.title}` : '新增檔案'}</h2>
      {summary.length > 0 ? <ErrorSummary title="請修正以下欄位" items={summary} /> : null}
      {target ? null : (
        <div className="field-grid">
          <FormField id={ids.system} label="所屬系統" required error={errors.system}>
            {(control) => (
              <select {...control} value={values.system} onChange={(event) => setValues((current) => ({ ...current, system: event.target.value }))}>
                <option value="">請選擇</option>
                <OptionList values={systems} />
              </select>
            )}
          </FormField>
          {(['category', 'title'] as const).map((key) => (
            <FormField key={key} id={ids[key]} label={{ category: '所屬分類', title: '標題' }[key]} required error={errors[key]}>
              {(control) => (
                <input {...control} type="text" value={values[key]} onChange={(event) => setValues((current) => ({ ...current, [key]: event.target.value }))} />
              )}
            </FormField>
          ))}
        </div>
      )}
      <FormField id={ids.file} label="檔案" required hint={`PDF、DOCX、XLSX 或 ODT，${megabytes(DOWNLOAD_MAX_BYTES)} 以內。`} error={errors.file}>
        {(control) => <input {...control} ref={fileRef} type="file" accept={ACCEPT} />}
      </FormField>
      <FormButtons submitLabel={'上傳'} busy={upload.isPending} onCancel={() => onDone('')} />
    </form>
  );
}

function downloadColumns(
  newVersion: (item: StaffDownload) => void,
  toggleStatus: (item: StaffDownload) => void,
  busy: boolean,
): Column<StaffDownload>[] {
  return [
    { label: '標題', rowHeader: true, cell: (item) => item.title },
    { label: '所屬系統', ...noWrap, cell: (item) => item.system },
    { label: '所屬分類', ...noWrap, cell: (item) => item.category },
    {
      label: '檔案',
      cell: (item) => (
        <>
          <a href={item.href}>{item.file.filename}</a>（{formatFileSize(item.file.size)}）
        </>
      ),
    },
    { label: '日期', ...noWrap, cell: (item) => formatTaipeiDate(item.publishedAt) },
    { label: '狀態', ...noWrap, cell: (item) => item.statusLabel },
    {
      label: '操作',
      cell: (item) => (
        <div className="row-actions">
          <button type="button" className="button button-secondary" onClick={() => newVersion(item)}>
            上傳新版本<span className="visually-hidden">（{item.title}）</span>
          </button>
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => toggleStatus(item)}>
            {item.status === 'PUBLISHED' ? '下架' : '重新上架'}
            <span className="visually-hidden">（{item.title}）</span>
          </button>
        </div>
      ),
    },
  ];
}

/** 下載專區管理: the files with their versions' dates; upload a new file or a new version; 下架 / 重新上架. */
export function DownloadsAdminPage() {
  const [searchParams] = useSearchParams();
  const list = useStaffDownloads(pageFromParam(searchParams.get('page')));
  const update = useUpdateDownload();
  const { form, edit, close, done, setDone } = useEditor<StaffDownload>();
  // 下架 takes a file away from every institution: asked first, like 下架 of an announcement.
  const [toUnpublish, setToUnpublish] = useState<StaffDownload | null>(null);
  const setStatus = (item: StaffDownload) =>
    update.mutate(
      { downloadId: item.id, body: { status: item.status === 'PUBLISHED' ? 'UNPUBLISHED' : 'PUBLISHED' } },
      {
        onSuccess: (saved) => {
          setToUnpublish(null);
          setDone(`「${saved.title}」${saved.statusLabel}。`);
        },
      },
    );
  const toggleStatus = (item: StaffDownload) => (item.status === 'PUBLISHED' ? setToUnpublish(item) : setStatus(item));

  return (
    <Page title="下載專區管理" lead="上傳新版本後，下載專區即提供新版本（舊版本仍保留於儲存區）。">
      <div className="toolbar">
        <button type="button" className="button button-primary" onClick={() => edit(null)}>
          新增檔案
        </button>
      </div>
      {done ? <ResultNotice key={done}>{done}</ResultNotice> : null}
      {update.error && !toUnpublish ? <ErrorAlert error={update.error} /> : null}
      {form ? <UploadForm key={form.editing?.id ?? 'new'} target={form.editing} onDone={close} /> : null}
      <ListStatus list={list} />
      {list.data ? <DataTable caption="下載專區檔案" columns={downloadColumns(edit, toggleStatus, update.isPending)} items={list.data.items} rowKey={(item) => item.id} /> : null}
      <Pagination of={list.data} label="檔案清單分頁" />
      {toUnpublish ? (
        <ConfirmActionDialog
          title="下架檔案"
          message={`確定要下架「${toUnpublish.title}」嗎？下架後下載專區不再提供此檔案。`}
          confirmLabel="確定下架"
          pending={update.isPending}
          error={update.error?.message ?? null}
          onConfirm={() => setStatus(toUnpublish)}
          onCancel={() => {
            setToUnpublish(null);
            update.reset();
          }}
        />
      ) : null}
    </Page>
  );
}
