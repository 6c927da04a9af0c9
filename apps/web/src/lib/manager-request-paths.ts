import { portalPaths } from '@portal/shared';

/**
 * Routes of 管理者帳號申請、異動, beside `paths` (site.ts) and `managePaths`
 * (manage-links.ts) so that the router, the links and the tests share them.
 */
export const managerRequestPaths = {
  /** 醫事機構卡驗證 / 紙本審核 of a pending 單位業務管理者 application (no login: 帳號 + 密碼). */
  applyCardVerification: portalPaths.applyCardVerification,
  applyPaperReview: portalPaths.applyPaperReview,
  /** The same two ways of verifying, for a logged-in account's request (B / C-a / C-b). */
  requestCardVerification: '/account/manager-requests/:id/card-verification',
  requestPaperReview: '/account/manager-requests/:id/paper-review',
  /** 系統人員: the review queue and one request (features/manager-requests). */
  staffQueue: portalPaths.managerRequestQueue,
  staffReview: '/manage/manager-requests/:id',
} as const;

/** A path with its `:id` filled in. */
export function pathWithId(path: string, id: string): string {
  return path.replace(':id', encodeURIComponent(id));
}
