import { z } from 'zod';
import { text } from './text.js';
import { messages } from '../messages.js';
import { PageQuerySchema, cappedPageOf } from './pagination.js';

export const INSTITUTION_KINDS = ['HOSPITAL', 'CLINIC', 'PHARMACY', 'HEALTH_CENTER'] as const;
export const InstitutionKindSchema = z.enum(INSTITUTION_KINDS);
export type InstitutionKind = z.infer<typeof InstitutionKindSchema>;

export const institutionKindLabels: Record<InstitutionKind, string> = {
  HOSPITAL: '醫院',
  CLINIC: '診所',
  PHARMACY: '藥局',
  HEALTH_CENTER: '衛生所',
};

/** Taiwan's 22 special municipalities, counties and cities, in the official order. */
export const CITIES = [
  '臺北市', '新北市', '桃園市', '臺中市', '臺南市', '高雄市',
  '基隆市', '新竹市', '嘉義市',
  '新竹縣', '苗栗縣', '彰化縣', '南投縣', '雲林縣', '嘉義縣', '屏東縣',
  '宜蘭縣', '花蓮縣', '臺東縣', '澎湖縣', '金門縣', '連江縣',
] as const;

export const InstitutionCodeSchema = text({ error: messages.institutionRequired })
  .trim()
  .min(1, { error: messages.institutionRequired, abort: true })
  .regex(/^\d{10}$/, messages.institutionCodeFormat);

/** An institution as the public search lists it: nothing about its accounts. */
export const DirectoryInstitutionSchema = z.object({
  code: text(),
  name: text(),
  kind: InstitutionKindSchema,
  city: text(),
});
export type DirectoryInstitution = z.infer<typeof DirectoryInstitutionSchema>;

/** GET /api/institutions/:code: the one institution the 帳號申請 form has chosen. */
export const InstitutionSchema = DirectoryInstitutionSchema.extend({
  /**
   * Whether it has a 單位業務管理者 (active or awaiting activation): drives the role rule. Only
   * for the chosen institution — search results do not say it of every institution at once.
   */
  hasManager: z.boolean(),
});
export type Institution = z.infer<typeof InstitutionSchema>;

export const InstitutionSearchQuerySchema = PageQuerySchema.extend({
  /** Digits only: a 機構代碼 prefix; anything else: part of the name. */
  q: text().trim().max(50, messages.institutionQueryTooLong).default(''),
});
export type InstitutionSearchQuery = z.infer<typeof InstitutionSearchQuerySchema>;

export const InstitutionPageSchema = cappedPageOf(DirectoryInstitutionSchema);
export type InstitutionPage = z.infer<typeof InstitutionPageSchema>;

export const InstitutionCodeParamsSchema = z.object({ code: InstitutionCodeSchema });
