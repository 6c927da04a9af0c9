import { setupServer } from 'msw/node';
import { accountHandlers } from './handlers/account';
import { announcementHandlers } from './handlers/announcements';
import { authHandlers } from './handlers/auth';
import { backOfficeHandlers } from './handlers/back-office';
import { applicationHandlers } from './handlers/applications';
import { downloadHandlers } from './handlers/downloads';
import { institutionHandlers } from './handlers/institutions';
import { managerRequestHandlers } from './handlers/manager-requests';
import { screeningHandlers } from './handlers/screening';
import { oidcClientHandlers } from './handlers/oidc-clients';
import { passwordStrengthHandlers } from './handlers/password-strength';
import { ssoHandlers } from './handlers/sso';
import { subsystemHandlers } from './handlers/subsystems';

/** Every resource's default handlers; a test overrides one with server.use(). */
export const server = setupServer(
  ...announcementHandlers,
  ...downloadHandlers,
  ...subsystemHandlers,
  ...institutionHandlers,
  ...applicationHandlers,
  ...authHandlers,
  ...accountHandlers,
  ...passwordStrengthHandlers,
  ...backOfficeHandlers,
  ...managerRequestHandlers,
  ...screeningHandlers,
  ...ssoHandlers,
  ...oidcClientHandlers,
);
