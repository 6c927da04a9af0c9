import { PORTAL_SYSTEM_NAME } from '@portal/shared';

/** The announcement shown in the administration's guide, on its screenshot of the home page. */
export const SEED_ANNOUNCEMENT = {
  key: 'announcement:2020-09-26-hepatitis-age',
  category: '公告',
  system: PORTAL_SYSTEM_NAME,
  title: '自109年9月28日起，調整成健B、C型肝炎檢查年齡為45歲至79歲終身一次(原住民40歲至79歲)',
  body:
    '自109年9月28日起，成人預防保健「B、C型肝炎篩檢」服務對象調整為45歲至79歲民眾終身一次，' +
    '原住民為40歲至79歲終身一次。請各醫事機構依新規定提供服務並登錄。',
  publishedAt: '2020-09-26T00:00:00+08:00',
};

/** The form in 下載專區, as the administration's guide lists it. */
export const MANAGER_FORM_DOWNLOAD = {
  key: 'download:manager-form-v2',
  system: PORTAL_SYSTEM_NAME,
  category: '表格範例',
  // The entry's name in the administration's list; the form itself is titled otherwise, so say so.
  title: '預防保健單一入口-管理者帳號申請表（即「預防保健服務單一入口系統_管理者帳號申請、異動表」）',
  filename: '預防保健單一入口管理者帳號申請表v2.pdf',
  publishedAt: '2018-04-24T00:00:00+08:00',
};
