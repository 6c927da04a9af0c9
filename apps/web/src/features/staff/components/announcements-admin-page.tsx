import {
  CreateAnnouncementRequestSchema,
  PORTAL_SYSTEM_NAME,
  PUBLICATION_STATUS_LABELS,
  PublicationStatusSchema,
  type CreateAnnouncementRequest,
  type StaffAnnouncement,
} from '@portal/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { ConfirmActionDialog } from '../../../components/ui/back-office-dialogs';
import { ErrorSummary, summaryItems } from '../../../components/ui/error-summary';
import { FormField } from '../../../components/ui/form-field';
import { OptionList } from '../../../components/ui/option-list';
import { useEditor } from './use-editor';
import { ResultNotice } from '../../../components/ui/result-notice';
import { Page } from '../../../components/ui/page';
import { Pagination } from '../../../components/ui/pagination';
import { ListStatus } from '../../../components/ui/query-feedback';
import { DataTable, noWrap, type Column } from '../../../components/ui/data-table';
import { useSubsystems } from '../../../lib/subsystems';
import { formatTaipeiDate, pageFromParam, taipeiDateTimeAttribute } from '../../../lib/format';
import { sharedSchemaResolver } from '../../../lib/form-resolver';
import { usePublishAnnouncement, useSaveAnnouncement, useStaffAnnouncements } from '../api/staff';

import '../../../components/ui/back-office.css';
import { FormButtons } from '../../../components/ui/form-buttons';

interface AnnouncementFormValues {
  category: string;
  system: string;
  title: string;
  body: string;
  /** YYYY-MM-DD (Taipei) from <input type=date>, or blank. */
  publishedAt: string;
}
type AnnouncementBody = z.output<typeof CreateAnnouncementRequestSchema>;

const FIELDS = [
  { key: 'category', id: 'announcement-category', label: '分類' },
  { key: 'system', id: 'announcement-system', label: '系統' },
  { key: 'title', id: 'announcement-title', label: '標題' },
  { key: 'body', id: 'announcement-body', label: '內容' },
  { key: 'publishedAt', id: 'announcement-published-at', label: '發佈日期' },
] as const;

function toInput(values: AnnouncementFormValues): CreateAnnouncementRequest {
  return {
    category: values.category,
    system: values.system,
    title: values.title,
    body: values.body,
    // A Taipei calendar date as the start of that day in Taipei.
    publishedAt: values.publishedAt ? `${values.publishedAt}T00:00:00+08:00` : null,
  };
}

function useSystemNames(): string[] {
  const catalogue = useSubsystems();
  return [PORTAL_SYSTEM_NAME, ...(catalogue.data?.items.map((item) => item.name) ?? [])];
}

function AnnouncementForm({ editing, onDone }: { editing: StaffAnnouncement | null; onDone: (message: string) => void }) {
  const save = useSaveAnnouncement();
  const systems = useSystemNames();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitted },
  } = useForm<AnnouncementFormValues, unknown, AnnouncementBody>({
    defaultValues: {
      category: editing?.category ?? '',
      system: editing?.system ?? '',
      title: editing?.title ?? '',
      body: editing?.body ?? '',
      publishedAt: editing?.publishedAt ? taipeiDateTimeAttribute(editing.publishedAt) : '',
    },
    resolver: sharedSchemaResolver(CreateAnnouncementRequestSchema, toInput),
  });
  const submit = (body: AnnouncementBody) =>
    save.mutate(editing ? { id: editing.id, body } : { id: null, body }, {
      onSuccess: (saved) => onDone(editing ? `已儲存公告「${saved.title}」。` : `已新增公告「${saved.title}」（${saved.statusLabel}）。`),
    });
  const summary = summaryItems(errors, FIELDS);
  const err = (key: keyof AnnouncementFormValues) => errors[key]?.message;
  const [category, system, title, body, publishedAt] = FIELDS;

  return (
    <form className="admin-form" aria-labelledby="announcement-form-title" noValidate onSubmit={handleSubmit(submit)}>
      <h2 id="announcement-form-title">{editing ? '修改公告' : '新增公告'}</h2>
      {isSubmitted && summary.length > 0 ? <ErrorSummary title="請修正以下欄位" items={summary} /> : null}
      {save.error ? <ErrorSummary title={save.error.message} items={[]} /> : null}
      <div className="field-grid">
        <FormField id={category.id} label={category.label} required error={err('category')}>
          {(control) => <input {...control} type="text" maxLength={20} {...register('category')} />}
        </FormField>
        <FormField id={system.id} label={system.label} required error={err('system')}>
          {(control) => (
            <select {...control} {...register('system')}>
              <option value="">請選擇</option>
              <OptionList values={[...new Set([...systems, ...(editing ? [editing.system] : [])])]} />
            </select>
          )}
        </FormField>
        <FormField id={publishedAt.id} label={publishedAt.label} hint="未填寫時，發佈當日為發佈日期。" error={err('publishedAt')}>
          {(control) => <input {...control} type="date" {...register('publishedAt')} />}
        </FormField>
      </div>
      <FormField id={title.id} label={title.label} required error={err('title')}>
        {(control) => <input {...control} type="text" maxLength={200} {...register('title')} />}
      </FormField>
      <FormField id={body.id} label={body.label} error={err('body')}>
        {(control) => <textarea {...control} rows={6} {...register('body')} />}
      </FormField>
      <FormButtons submitLabel={editing ? '儲存' : '新增（草稿）'} busy={save.isPending} onCancel={() => onDone('')} />
    </form>
  );
}

function announcementColumns(edit: (item: StaffAnnouncement) => void, askPublish: (target: { item: StaffAnnouncement; publish: boolean }) => void): Column<StaffAnnouncement>[] {
  return [
    { label: '標題', rowHeader: true, cell: (item) => item.title },
    { label: '分類', ...noWrap, cell: (item) => item.category },
    { label: '系統', ...noWrap, cell: (item) => item.system },
    {
      label: '發佈日期',
      cell: (item) => (item.publishedAt ? <time dateTime={taipeiDateTimeAttribute(item.publishedAt)}>{formatTaipeiDate(item.publishedAt)}</time> : '—'),
    },
    { label: '狀態', ...noWrap, cell: (item) => <span className="status-badge">{PUBLICATION_STATUS_LABELS[item.status]}</span> },
    {
      label: '操作',
      cell: (item) => (
        <div className="row-actions">
          <button type="button" className="button button-secondary" onClick={() => edit(item)}>
            編輯<span className="visually-hidden">（{item.title}）</span>
          </button>
          {item.status === 'PUBLISHED' ? (
            <button type="button" className="button button-secondary" onClick={() => askPublish({ item, publish: false })}>
              下架<span className="visually-hidden">（{item.title}）</span>
            </button>
          ) : (
            <button type="button" className="button button-primary" onClick={() => askPublish({ item, publish: true })}>
              發佈<span className="visually-hidden">（{item.title}）</span>
            </button>
          )}
        </div>
      ),
    },
  ];
}

/** 公告管理: every announcement with its status; create / edit, 發佈 / 下架 (confirmed). */
export function AnnouncementsAdminPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const status = PublicationStatusSchema.safeParse(searchParams.get('status'));
  const query = { page: pageFromParam(searchParams.get('page')), status: status.success ? status.data : undefined };
  const list = useStaffAnnouncements(query);
  const publish = usePublishAnnouncement();
  const { form, edit, close, done, setDone } = useEditor<StaffAnnouncement>();
  const [toPublish, setToPublish] = useState<{ item: StaffAnnouncement; publish: boolean } | null>(null);

  const confirmPublish = () => {
    if (!toPublish) return;
    publish.mutate(
      { announcementId: toPublish.item.id, publish: toPublish.publish },
      {
        onSuccess: (saved) => {
          setToPublish(null);
          setDone(`公告「${saved.title}」${saved.statusLabel}。`);
        },
      },
    );
  };

  return (
    <Page title="公告管理" lead="新增的公告為草稿，發佈後才會出現在首頁的公告事項。">
      <div className="toolbar">
        <button type="button" className="button button-primary" onClick={() => edit(null)}>
          新增公告
        </button>
        <label htmlFor="announcement-status-filter">狀態</label>
        <select
          id="announcement-status-filter"
          value={status.success ? status.data : ''}
          onChange={(event) => setSearchParams(event.target.value ? { status: event.target.value } : {})}
        >
          <option value="">全部</option>
          <OptionList values={PublicationStatusSchema.options} labels={PUBLICATION_STATUS_LABELS} />
        </select>
      </div>
      {done ? <ResultNotice key={done}>{done}</ResultNotice> : null}
      {form ? <AnnouncementForm key={form.editing?.id ?? 'new'} editing={form.editing} onDone={close} /> : null}
      <ListStatus list={list} />
      {list.data ? (
        <DataTable
          caption="公告清單"
          columns={announcementColumns(edit, setToPublish)}
          items={list.data.items}
          rowKey={(item) => item.id}
        />
      ) : null}
      <Pagination of={list.data} label="公告清單分頁" />
      {toPublish ? (
        <ConfirmActionDialog
          title={toPublish.publish ? '發佈公告' : '下架公告'}
          message={toPublish.publish ? `確定要發佈「${toPublish.item.title}」嗎？發佈後將顯示於首頁。` : `確定要下架「${toPublish.item.title}」嗎？`}
          confirmLabel={toPublish.publish ? '確定發佈' : '確定下架'}
          pending={publish.isPending}
          error={publish.error?.message ?? null}
          onConfirm={confirmPublish}
          onCancel={() => {
            setToPublish(null);
            publish.reset();
          }}
        />
      ) : null}
    </Page>
  );
}
