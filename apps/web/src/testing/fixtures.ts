import { PORTAL_SUBSYSTEMS, PORTAL_SYSTEM_NAME, type Announcement, type Download, type Subsystem } from '@portal/shared';

/** The row in the guide's screenshot of the home page. */
export const seedAnnouncement = {
  id: '6f1c3c2e-5a0b-4d7e-9f3a-1b2c3d4e5f60',
  category: '公告',
  system: PORTAL_SYSTEM_NAME,
  title: '自109年9月28日起，調整成健B、C型肝炎檢查年齡為45歲至79歲終身一次(原住民40歲至79歲)',
  body: '自109年9月28日起，成人預防保健「B、C型肝炎篩檢」服務對象調整為45歲至79歲民眾終身一次，原住民為40歲至79歲終身一次。',
  // Midnight in Taipei is the previous day in UTC: the table must still say 2020/09/26.
  publishedAt: '2020-09-25T16:00:00.000Z',
} satisfies Announcement;

export const maintenanceAnnouncement = {
  id: '0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f60',
  category: '系統維護',
  system: '成人預防保健',
  title: '成人預防保健系統例行維護',
  body: '系統將於週六 22:00 至 24:00 進行例行維護，期間暫停服務。',
  publishedAt: '2021-03-01T02:00:00.000Z',
} satisfies Announcement;

export const announcements: Announcement[] = [seedAnnouncement, maintenanceAnnouncement];

/** The form listed in the guide's 下載專區. */
export const managerForm = {
  id: '3a7e1d52-9c4b-4f0e-a8d6-2b5c7e9f1a30',
  system: PORTAL_SYSTEM_NAME,
  category: '表格範例',
  title: '預防保健單一入口-管理者帳號申請表',
  filename: '預防保健單一入口管理者帳號申請表v2.pdf',
  contentType: 'application/pdf',
  size: 125_952,
  publishedAt: '2018-04-23T16:00:00.000Z',
  href: '/api/downloads/3a7e1d52-9c4b-4f0e-a8d6-2b5c7e9f1a30/file',
} satisfies Download;

export const smokingCessationManual = {
  id: '8b2f4c61-0d3e-4a5b-9c7d-6e1f2a3b4c50',
  system: '戒菸服務',
  category: '操作手冊',
  title: '戒菸服務系統操作手冊',
  filename: 'smoking-cessation-manual.docx',
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  size: 2_621_440,
  publishedAt: '2022-07-01T01:00:00.000Z',
  href: '/api/downloads/8b2f4c61-0d3e-4a5b-9c7d-6e1f2a3b4c50/file',
} satisfies Download;

export const downloads: Download[] = [managerForm, smokingCessationManual];

export const subsystems: Subsystem[] = [...PORTAL_SUBSYSTEMS];
