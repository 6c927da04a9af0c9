/**
 * The SPA's pages that something outside the SPA links to (the API's mails). The router and
 * the mail templates both take their paths from here, so that a link in a mail cannot point at
 * a page that does not exist; the end-to-end suite follows every mail link to prove it.
 */
export const portalPaths = {
  home: '/',
  /** Opens the home page with focus in 服務登入 (or 我的服務 when already logged in). */
  login: '/login',
  applicationStatus: '/application-status',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
  confirmEmail: '/account/confirm-email',
  /** A pending 單位業務管理者's two ways of being verified (帳號 + 密碼, no login). */
  applyCardVerification: '/apply/card-verification',
  applyPaperReview: '/apply/paper-review',
  /** The approvers' queues (the daily digest links to them). */
  institutionApplications: '/manage/applications',
  subsystemAccessRequests: '/manage/access-requests',
  managerRequestQueue: '/manage/manager-requests',
  screeningAlerts: '/manage/screening-alerts',
  /** Single sign-on: where the OpenID Connect provider hands a subsystem's login to the portal (`:uid` the interaction). */
  ssoContinue: '/sso/continue/:uid',
  /** The provider's errors that cannot go back to the subsystem (?error=<OAuth error code>). */
  ssoError: '/sso/error',
  /** A subsystem asked to log out (?xsrf=…&client=…): the user confirms. */
  ssoLogout: '/sso/logout',
  ssoLoggedOut: '/sso/logged-out',
} as const;

