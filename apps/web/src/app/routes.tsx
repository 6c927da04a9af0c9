import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { AccountRole } from '@portal/shared';
import { AnnouncementsPage } from '../features/announcements/components/announcements-page';
import { paths, webMessages } from '../lib/site';
import { RootLayout } from './layout/root-layout';
import { managePaths } from '../lib/manage-links';
import { RequireRole } from './require-role';
import { RequireSession } from './require-session';
import { NotFoundPage } from './not-found-page';
import { RouteErrorPage } from './route-error-page';
import { LoginRedirect } from './login-redirect';
import { managerRequestPaths } from '../lib/manager-request-paths';

/*
 * The home page (公告事項) is in the first bundle; every other page is its own chunk, loaded
 * before the router commits the navigation, so the new page's <h1> exists when focus moves.
 */
function lazyPage(path: string, load: () => Promise<ComponentType>): RouteObject {
  return { path, lazy: async () => ({ Component: await load() }) };
}

/** Pages for these roles only; anyone else gets the refusal RequireRole shows. */
function onlyFor(roles: AccountRole[], children: RouteObject[]): RouteObject {
  return { element: <RequireRole roles={roles} />, children };
}

export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    children: [
      {
        // Pathless, so that a render error or the first lazy load keeps the header and footer.
        errorElement: <RouteErrorPage />,
        hydrateFallbackElement: <p role="status">{webMessages.loading}</p>,
        children: [
          { path: paths.announcements, element: <AnnouncementsPage /> },
          { path: paths.login, element: <LoginRedirect /> },
          lazyPage(paths.guide, async () => (await import('../features/guide/components/guide-page')).GuidePage),
          lazyPage(paths.qa, async () => (await import('../features/qa/components/qa-page')).QaPage),
          lazyPage(paths.gettingStarted, async () => (await import('../features/getting-started/components/getting-started-page')).GettingStartedPage),
          lazyPage(paths.downloads, async () => (await import('../features/downloads/components/downloads-page')).DownloadsPage),
          lazyPage(paths.otherServices, async () => (await import('../features/subsystems/components/other-services-page')).OtherServicesPage),
          lazyPage(paths.contacts, async () => (await import('../features/contacts/components/contacts-page')).ContactsPage),
          lazyPage(paths.apply, async () => (await import('../features/account-application/components/account-application-page')).AccountApplicationPage),
          lazyPage(paths.forgotPassword, async () => (await import('../features/auth/components/forgot-password-page')).ForgotPasswordPage),
          lazyPage(paths.resetPassword, async () => (await import('../features/auth/components/reset-password-page')).ResetPasswordPage),
          lazyPage(paths.applicationStatus, async () => (await import('../features/application-status/components/application-status-page')).ApplicationStatusPage),
          lazyPage(managerRequestPaths.applyCardVerification, async () => (await import('../features/card-verification/components/pending-card-verification-page')).PendingCardVerificationPage),
          lazyPage(managerRequestPaths.applyPaperReview, async () => (await import('../features/card-verification/components/pending-paper-review-page')).PendingPaperReviewPage),
          // Public: the page itself asks to log in when the portal has no session.
          lazyPage(paths.ssoContinue, async () => (await import('../features/sso/components/sso-continue-page')).SsoContinuePage),
          lazyPage(paths.ssoError, async () => (await import('../features/sso/components/sso-error-page')).SsoErrorPage),
          lazyPage(paths.ssoLogout, async () => (await import('../features/sso/components/sso-logout-page')).SsoLogoutPage),
          lazyPage(paths.ssoLoggedOut, async () => (await import('../features/sso/components/sso-logout-page')).SsoLoggedOutPage),
          // Opened from the mail, possibly in another browser: the token is the proof, no login needed.
          lazyPage(paths.confirmEmail, async () => (await import('../features/account/components/confirm-email-page')).ConfirmEmailPage),
          {
            element: <RequireSession />,
            children: [
              lazyPage(paths.accountHome, async () => (await import('../features/account/components/account-home-page')).AccountHomePage),
              lazyPage(paths.accountProfile, async () => (await import('../features/account/components/account-profile-page')).AccountProfilePage),
              lazyPage(managerRequestPaths.requestCardVerification, async () => (await import('../features/card-verification/components/request-verification-pages')).RequestCardVerificationPage),
              lazyPage(managerRequestPaths.requestPaperReview, async () => (await import('../features/card-verification/components/request-verification-pages')).RequestPaperReviewPage),
              onlyFor(['INSTITUTION_MANAGER', 'GENERAL_USER'], [lazyPage(paths.screening, async () => (await import('../features/screening/components/screening-lookup-page')).ScreeningLookupPage)]),
              onlyFor(['INSTITUTION_MANAGER'], [
                lazyPage(managePaths.institutionScreeningLookups, async () => (await import('../features/screening/components/lookup-log-page')).InstitutionLookupLogPage),
                lazyPage(managePaths.applications, async () => (await import('../features/institution-manager/components/user-applications-page')).UserApplicationsPage),
                lazyPage(managePaths.accounts, async () => (await import('../features/institution-manager/components/institution-accounts-page')).InstitutionAccountsPage),
              ]),
              onlyFor(['SUBSYSTEM_MANAGER'], [lazyPage(managePaths.accessRequests, async () => (await import('../features/subsystem-manager/components/access-requests-page')).AccessRequestsPage)]),
              onlyFor(['SYSTEM_STAFF'], [
                lazyPage(managerRequestPaths.staffQueue, async () => (await import('../features/manager-requests/components/manager-request-queue-page')).ManagerRequestQueuePage),
                lazyPage(managerRequestPaths.staffReview, async () => (await import('../features/manager-requests/components/manager-request-review-page')).ManagerRequestReviewPage),
                lazyPage(managePaths.institutions, async () => (await import('../features/staff/components/institutions-page')).InstitutionsPage),
                lazyPage(managePaths.subsystems, async () => (await import('../features/staff/components/subsystems-page')).SubsystemsPage),
                lazyPage(managePaths.announcements, async () => (await import('../features/staff/components/announcements-admin-page')).AnnouncementsAdminPage),
                lazyPage(managePaths.downloads, async () => (await import('../features/staff/components/downloads-admin-page')).DownloadsAdminPage),
                lazyPage(managePaths.accountSearch, async () => (await import('../features/staff/components/account-search-page')).AccountSearchPage),
                lazyPage(managePaths.screeningLookups, async () => (await import('../features/screening/components/lookup-log-page')).StaffLookupLogPage),
                lazyPage(managePaths.screeningAlerts, async () => (await import('../features/screening/components/screening-alerts-page')).ScreeningAlertsPage),
                lazyPage(managePaths.screeningImport, async () => (await import('../features/screening/components/screening-import-page')).ScreeningImportPage),
                lazyPage(managePaths.auditEvents, async () => (await import('../features/audit-log/components/audit-events-page')).AuditEventsPage),
              ]),
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
