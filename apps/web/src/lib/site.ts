/** The portal's full name, used in every document title. */
export const SITE_NAME = '醫療院所預防保健暨戒菸服務單一入口系統';

import { portalPaths } from '@portal/shared';

/** Routes, in one place so that links in features and the router never drift apart. */
export const paths = {
  announcements: portalPaths.home,
  login: portalPaths.login,
  guide: '/guide',
  qa: '/qa',
  gettingStarted: '/getting-started',
  downloads: '/downloads',
  otherServices: '/other-services',
  contacts: '/contacts',
  apply: '/apply',
  forgotPassword: portalPaths.forgotPassword,
  applicationStatus: portalPaths.applicationStatus,
  resetPassword: portalPaths.resetPassword,
  accountHome: '/account',
  accountProfile: '/account/profile',
  confirmEmail: portalPaths.confirmEmail,
  screening: '/screening',
  ssoContinue: portalPaths.ssoContinue,
  ssoError: portalPaths.ssoError,
  ssoLogout: portalPaths.ssoLogout,
  ssoLoggedOut: portalPaths.ssoLoggedOut,
} as const;

/** Browser-only wording (the API's messages live in @portal/shared). */
export const webMessages = {
  networkError: '無法連線至伺服器，請檢查網路連線後再試。',
  loading: '資料載入中…',
  noData: '查無資料',
  retry: '重新查詢',
  loginRequired: '請先登入。',
  confirmEmailTokenMissing: 'E-mail確認連結不完整，請重新點選信中的連結。',
} as const;

/** Router state asking the 服務登入 box to take focus (and show `notice`), e.g. from the route guard. */
export interface LoginFocusState {
  focusLogin: true;
  notice?: string;
  /** Where to go after logging in. */
  from?: string;
}

export function isLoginFocusState(state: unknown): state is LoginFocusState {
  return typeof state === 'object' && state !== null && (state as { focusLogin?: unknown }).focusLogin === true;
}
