import { CSV_IMPORT_MAX_CHARS, SCREENING_CSV_COLUMNS, SCREENING_CSV_HEADER_LINE, SCREENING_MESSAGES, type ScreeningImportResult, type ScreeningImportRowError } from '@portal/shared';
import { useRef, useState, type FormEvent } from 'react';
import { Page } from '../../../components/ui/page';
import { ApiError } from '../../../lib/api-error';
import { useImportScreeningRecords } from '../api/import-records';
import '../../../components/ui/back-office.css';
import '../screening.css';
import { DataTable, type Column } from '../../../components/ui/data-table';

const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${SCREENING_CSV_HEADER_LINE}\r\n`)}`;

interface Outcome {
  message: string;
  errors: ScreeningImportRowError[];
  failed: boolean;
}

const ERROR_COLUMNS: readonly Column<ScreeningImportRowError>[] = [
  { label: '列', rowHeader: true, cell: (error) => `第 ${error.line} 列` },
  { label: '子系統紀錄編號', cell: (error) => error.recordId ?? '—' },
  {
    label: '錯誤',
    cell: (error) => (
      <ul>
        {error.messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    ),
  },
];

function outcomeOf(result: ScreeningImportResult): Outcome {
  return { message: result.message, errors: result.errors, failed: result.errors.length > 0 };
}

function outcomeOfError(error: Error): Outcome {
  const rows = error instanceof ApiError && error.fieldErrors ? error.fieldErrors : {};
  return {
    message: error.message,
    failed: true,
    errors: Object.entries(rows).map(([line, messages]) => ({ line: Number(line), recordId: null, messages })),
  };
}

/** The file's text (UTF-8). FileReader rather than Blob.text(): every browser and jsdom have it. */
function readAsText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, 'utf-8');
  });
}

/** 篩檢資料匯入: back-fill records from a CSV file; 試匹配 checks every row and writes nothing. */
export function ScreeningImportPage() {
  const importRecords = useImportScreeningRecords();
  const fileRef = useRef<HTMLInputElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const send = async (event: FormEvent<HTMLFormElement>, dryRun: boolean) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFileError(SCREENING_MESSAGES.csvFilenameRequired);
      fileRef.current?.focus();
      return;
    }
    const content = await readAsText(file);
    if (content.length > CSV_IMPORT_MAX_CHARS) {
      setFileError(SCREENING_MESSAGES.csvTooLarge);
      fileRef.current?.focus();
      return;
    }
    setFileError(null);
    const result = await importRecords.mutateAsync({ filename: file.name, content, dryRun }).then(outcomeOf, outcomeOfError);
    setOutcome(result);
    requestAnimationFrame(() => outcomeRef.current?.focus());
  };

  return (
    <Page title="篩檢資料匯入" lead="以 CSV 檔補登子系統的篩檢紀錄。同一子系統的同一紀錄編號重複匯入不會重複建立；任何一列有誤時整份檔案不會匯入。">
      <p className="import-template">
        <a href={TEMPLATE_HREF} download="篩檢資料匯入範本.csv">
          下載 CSV 範本
        </a>
        （UTF-8 編碼；必填欄位：{SCREENING_CSV_COLUMNS.filter((column) => column.required).map((column) => column.header).join('、')}）
      </p>
      <form className="stack-form" noValidate onSubmit={(event) => void send(event, false)}>
        <div className="field">
          <label htmlFor="screening-import-file">
            <span className="required-mark">(必填)</span>CSV 檔案
          </label>
          <input
            id="screening-import-file"
            ref={fileRef}
            type="file"
            accept=".csv,text/csv"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? 'screening-import-file-error' : undefined}
          />
          {fileError ? (
            <p id="screening-import-file-error" className="field-error">
              {fileError}
            </p>
          ) : null}
        </div>
        <div className="form-buttons">
          <button
            type="button"
            className="button button-secondary"
            disabled={importRecords.isPending}
            onClick={(event) => void send(event as unknown as FormEvent<HTMLFormElement>, true)}
          >
            試匹配（只檢查，不匯入）
          </button>
          <button type="submit" className="button button-primary" disabled={importRecords.isPending}>
            匯入
          </button>
        </div>
      </form>
      {outcome ? (
        <div ref={outcomeRef} tabIndex={-1} className="import-outcome">
          <div className={outcome.failed ? 'alert alert-error' : 'alert'}>
            <p role={outcome.failed ? 'alert' : 'status'}>{outcome.message}</p>
          </div>
          {outcome.errors.length > 0 ? (
            <DataTable caption={`有誤的資料列（${outcome.errors.length} 筆）`} columns={ERROR_COLUMNS} items={outcome.errors} rowKey={(error) => String(error.line)} />
          ) : null}
        </div>
      ) : null}
    </Page>
  );
}
