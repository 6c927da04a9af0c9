import type { RouteObject } from 'react-router';
import { AnnouncementsPage } from '../features/announcements/components/announcements-page';
import { paths, webMessages } from '../lib/site';
import { RootLayout } from './layout/root-layout';
import { NotFoundPage } from './not-found-page';
import { RouteErrorPage } from './route-error-page';

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
              Component: (await import('../features/account-services/components/forgot-password-page')).ForgotPasswordPage,
            }),
          },
          {
            path: paths.applicationStatus,
            lazy: async () => ({
              Component: (await import('../features/account-services/components/application-status-page'))
                .ApplicationStatusPage,
            }),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
