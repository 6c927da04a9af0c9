/** The portal's full name, used in every document title. */
export const SITE_NAME = '醫療院所預防保健暨戒菸服務單一入口系統';

/** Routes, in one place so that links in features and the router never drift apart. */
export const paths = {
  announcements: '/',
  guide: '/guide',
  qa: '/qa',
  gettingStarted: '/getting-started',
  downloads: '/downloads',
  otherServices: '/other-services',
  contacts: '/contacts',
  apply: '/apply',
  forgotPassword: '/forgot-password',
  applicationStatus: '/application-status',
} as const;

/** Browser-only wording (the API's messages live in @portal/shared). */
export const webMessages = {
  networkError: '無法連線至伺服器，請檢查網路連線後再試。',
  loading: '資料載入中…',
  noData: '查無資料',
  retry: '重新查詢',
  nextStage: '此功能將於下一階段開放',
  loginNextStage: '服務登入功能將於下一階段開放',
} as const;
