import { z } from 'zod';
import { text } from './text.js';
import { messages } from '../messages.js';
import { PageQuerySchema, pageOf } from './pagination.js';

/** The system that owns announcements and downloads besides the subsystems. */
export const PORTAL_SYSTEM_NAME = '單一入口系統';

export const SubsystemSchema = z.object({
  code: text(),
  name: text(),
  description: text(),
});
export type Subsystem = z.infer<typeof SubsystemSchema>;
export const SubsystemListSchema = z.object({ items: z.array(SubsystemSchema) });

/** Dates travel as ISO 8601; the SPA shows them as YYYY/MM/DD (Asia/Taipei), as the administration's guide writes dates. */
export const AnnouncementSchema = z.object({
  id: text(),
  category: text(),
  system: text(),
  title: text(),
  body: text(),
  publishedAt: z.iso.datetime(),
});
export type Announcement = z.infer<typeof AnnouncementSchema>;

export const AnnouncementQuerySchema = PageQuerySchema.extend({
  category: text().trim().max(20, messages.categoryTooLong).optional(),
});
export type AnnouncementQuery = z.infer<typeof AnnouncementQuerySchema>;
export const AnnouncementPageSchema = pageOf(AnnouncementSchema).extend({
  /** Every 分類 in use, for the 分類查詢 filter. */
  categories: z.array(text()),
});
export type AnnouncementPage = z.infer<typeof AnnouncementPageSchema>;

export const DownloadSchema = z.object({
  id: text(),
  system: text(),
  category: text(),
  title: text(),
  filename: text(),
  contentType: text(),
  size: z.number().int(),
  publishedAt: z.iso.datetime(),
  /** Path of the file itself, relative to the API root. */
  href: text(),
});
export type Download = z.infer<typeof DownloadSchema>;

export const DownloadQuerySchema = PageQuerySchema.extend({
  system: text().trim().max(50, messages.systemTooLong).optional(),
  category: text().trim().max(20, messages.categoryTooLong).optional(),
  keyword: text().trim().max(50, messages.keywordTooLong).optional(),
});
export type DownloadQuery = z.infer<typeof DownloadQuerySchema>;
export const DownloadPageSchema = pageOf(DownloadSchema).extend({
  /** The 所屬系統 and 所屬分類 in use, for the filters. */
  systems: z.array(text()),
  categories: z.array(text()),
});
export type DownloadPage = z.infer<typeof DownloadPageSchema>;

export const IdParamsSchema = z.object({ id: z.uuid({ error: messages.notFound }) });
