import { z } from 'zod';
import { messages } from '../messages.js';
import { PageQuerySchema, pageOf } from './pagination.js';

/** The system that owns announcements and downloads besides the subsystems. */
export const PORTAL_SYSTEM_NAME = '單一入口系統';

export const SubsystemSchema = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
});
export type Subsystem = z.infer<typeof SubsystemSchema>;
export const SubsystemListSchema = z.object({ items: z.array(SubsystemSchema) });

/** Dates travel as ISO 8601; the SPA shows them as YYYY/MM/DD (Asia/Taipei), as the administration's guide writes dates. */
export const AnnouncementSchema = z.object({
  id: z.string(),
  category: z.string(),
  system: z.string(),
  title: z.string(),
  body: z.string(),
  publishedAt: z.iso.datetime(),
});
export type Announcement = z.infer<typeof AnnouncementSchema>;

export const AnnouncementQuerySchema = PageQuerySchema.extend({
  category: z.string().trim().max(20, messages.categoryTooLong).optional(),
});
export type AnnouncementQuery = z.infer<typeof AnnouncementQuerySchema>;
export const AnnouncementPageSchema = pageOf(AnnouncementSchema).extend({
  /** Every 分類 in use, for the 分類查詢 filter. */
  categories: z.array(z.string()),
});
export type AnnouncementPage = z.infer<typeof AnnouncementPageSchema>;

export const DownloadSchema = z.object({
  id: z.string(),
  system: z.string(),
  category: z.string(),
  title: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  publishedAt: z.iso.datetime(),
  /** Path of the file itself, relative to the API root. */
  href: z.string(),
});
export type Download = z.infer<typeof DownloadSchema>;

export const DownloadQuerySchema = PageQuerySchema.extend({
  system: z.string().trim().max(50, messages.systemTooLong).optional(),
  category: z.string().trim().max(20, messages.categoryTooLong).optional(),
  keyword: z.string().trim().max(50, messages.keywordTooLong).optional(),
});
export type DownloadQuery = z.infer<typeof DownloadQuerySchema>;
export const DownloadPageSchema = pageOf(DownloadSchema).extend({
  /** The 所屬系統 and 所屬分類 in use, for the filters. */
  systems: z.array(z.string()),
  categories: z.array(z.string()),
});
export type DownloadPage = z.infer<typeof DownloadPageSchema>;

export const IdParamsSchema = z.object({ id: z.uuid({ error: messages.notFound }) });
