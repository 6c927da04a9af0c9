import type { RouteObject } from 'react-router';
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
          {
            path: paths.guide,
            lazy: async () => ({ Component: (await import('../features/guide/components/guide-page')).GuidePage }),
          },
          {
            path: paths.qa,
            lazy: async () => ({ Component: (await import('../features/qa/components/qa-page')).QaPage }),
          },
          {
            path: paths.gettingStarted,
            lazy: async () => ({
              Component: (await import('../features/getting-started/components/getting-started-page')).GettingStartedPage,
            }),
          },
          {
            path: paths.downloads,
            lazy: async () => ({
              Component: (await import('../features/downloads/components/downloads-page')).DownloadsPage,
            }),
          },
          {
            path: paths.otherServices,
            lazy: async () => ({
              Component: (await import('../features/subsystems/components/other-services-page')).OtherServicesPage,
            }),
          },
          {
            path: paths.contacts,
            lazy: async () => ({ Component: (await import('../features/contacts/components/contacts-page')).ContactsPage }),
          },
          {
            path: paths.apply,
            lazy: async () => ({
              Component: (await import('../features/account-application/components/account-application-page'))
                .AccountApplicationPage,
            }),
          },
          {
            path: paths.forgotPassword,
            lazy: async () => ({
              Component: (await import('../features/auth/components/forgot-password-page')).ForgotPasswordPage,
            }),
          },
          {
            path: paths.resetPassword,
            lazy: async () => ({
              Component: (await import('../features/auth/components/reset-password-page')).ResetPasswordPage,
            }),
          },
          {
            path: paths.applicationStatus,
            lazy: async () => ({
              Component: (await import('../features/application-status/components/application-status-page'))
                .ApplicationStatusPage,
            }),
          },
          {
            path: managerRequestPaths.applyCardVerification,
            lazy: async () => ({
              Component: (await import('../features/card-verification/components/pending-card-verification-page'))
                .PendingCardVerificationPage,
            }),
          },
          {
            path: managerRequestPaths.applyPaperReview,
            lazy: async () => ({
              Component: (await import('../features/card-verification/components/pending-paper-review-page')).PendingPaperReviewPage,
            }),
          },
          {
            // Public: the page itself asks to log in when the portal has no session.
            path: paths.ssoContinue,
            lazy: async () => ({ Component: (await import('../features/sso/components/sso-continue-page')).SsoContinuePage }),
          },
          {
            path: paths.ssoError,
            lazy: async () => ({ Component: (await import('../features/sso/components/sso-error-page')).SsoErrorPage }),
          },
          {
            path: paths.ssoLogout,
            lazy: async () => ({ Component: (await import('../features/sso/components/sso-logout-page')).SsoLogoutPage }),
          },
          {
            path: paths.ssoLoggedOut,
            lazy: async () => ({ Component: (await import('../features/sso/components/sso-logout-page')).SsoLoggedOutPage }),
          },
          {
            // Opened from the mail, possibly in another browser: the token is the proof, no login needed.
            path: paths.confirmEmail,
            lazy: async () => ({
              Component: (await import('../features/account/components/confirm-email-page')).ConfirmEmailPage,
            }),
          },
          {
            element: <RequireSession />,
            children: [
              {
                path: paths.accountHome,
                lazy: async () => ({
                  Component: (await import('../features/account/components/account-home-page')).AccountHomePage,
                }),
              },
              {
                path: paths.accountProfile,
                lazy: async () => ({
                  Component: (await import('../features/account/components/account-profile-page')).AccountProfilePage,
                }),
              },
              {
                path: managerRequestPaths.requestCardVerification,
                lazy: async () => ({
                  Component: (await import('../features/card-verification/components/request-verification-pages'))
                    .RequestCardVerificationPage,
                }),
              },
              {
                path: managerRequestPaths.requestPaperReview,
                lazy: async () => ({
                  Component: (await import('../features/card-verification/components/request-verification-pages'))
                    .RequestPaperReviewPage,
                }),
              },
              {
                element: <RequireRole roles={['INSTITUTION_MANAGER', 'GENERAL_USER']} />,
                children: [
                  {
                    path: paths.screening,
                    lazy: async () => ({
                      Component: (await import('../features/screening/components/screening-lookup-page')).ScreeningLookupPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireRole roles={['INSTITUTION_MANAGER']} />,
                children: [
                  {
                    path: managePaths.institutionScreeningLookups,
                    lazy: async () => ({
                      Component: (await import('../features/screening/components/lookup-log-page')).InstitutionLookupLogPage,
                    }),
                  },
                  {
                    path: managePaths.applications,
                    lazy: async () => ({
                      Component: (await import('../features/institution-manager/components/user-applications-page')).UserApplicationsPage,
                    }),
                  },
                  {
                    path: managePaths.accounts,
                    lazy: async () => ({
                      Component: (await import('../features/institution-manager/components/institution-accounts-page'))
                        .InstitutionAccountsPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireRole roles={['SUBSYSTEM_MANAGER']} />,
                children: [
                  {
                    path: managePaths.accessRequests,
                    lazy: async () => ({
                      Component: (await import('../features/subsystem-manager/components/access-requests-page')).AccessRequestsPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireRole roles={['SYSTEM_STAFF']} />,
                children: [
                  {
                    path: managerRequestPaths.staffQueue,
                    lazy: async () => ({
                      Component: (await import('../features/manager-requests/components/manager-request-queue-page'))
                        .ManagerRequestQueuePage,
                    }),
                  },
                  {
                    path: managerRequestPaths.staffReview,
                    lazy: async () => ({
                      Component: (await import('../features/manager-requests/components/manager-request-review-page'))
                        .ManagerRequestReviewPage,
                    }),
                  },
                  {
                    path: managePaths.institutions,
                    lazy: async () => ({
                      Component: (await import('../features/staff/components/institutions-page')).InstitutionsPage,
                    }),
                  },
                  {
                    path: managePaths.subsystems,
                    lazy: async () => ({
                      Component: (await import('../features/staff/components/subsystems-page')).SubsystemsPage,
                    }),
                  },
                  {
                    path: managePaths.announcements,
                    lazy: async () => ({
                      Component: (await import('../features/staff/components/announcements-admin-page')).AnnouncementsAdminPage,
                    }),
                  },
                  {
                    path: managePaths.downloads,
                    lazy: async () => ({
                      Component: (await import('../features/staff/components/downloads-admin-page')).DownloadsAdminPage,
                    }),
                  },
                  {
                    path: managePaths.accountSearch,
                    lazy: async () => ({
                      Component: (await import('../features/staff/components/account-search-page')).AccountSearchPage,
                    }),
                  },
                  {
                    path: managePaths.screeningLookups,
                    lazy: async () => ({
                      Component: (await import('../features/screening/components/lookup-log-page')).StaffLookupLogPage,
                    }),
                  },
                  {
                    path: managePaths.screeningAlerts,
                    lazy: async () => ({
                      Component: (await import('../features/screening/components/screening-alerts-page')).ScreeningAlertsPage,
                    }),
                  },
                  {
                    path: managePaths.screeningImport,
                    lazy: async () => ({
                      Component: (await import('../features/screening/components/screening-import-page')).ScreeningImportPage,
                    }),
                  },
                  {
                    path: managePaths.auditEvents,
                    lazy: async () => ({
                      Component: (await import('../features/audit-log/components/audit-events-page')).AuditEventsPage,
                    }),
                  },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
