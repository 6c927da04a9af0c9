import { setupServer } from 'msw/node';
import { announcementHandlers } from './handlers/announcements';
import { applicationHandlers } from './handlers/applications';
import { downloadHandlers } from './handlers/downloads';
import { institutionHandlers } from './handlers/institutions';
import { subsystemHandlers } from './handlers/subsystems';

/** Every resource's default handlers; a test overrides one with server.use(). */
export const server = setupServer(
  ...announcementHandlers,
  ...downloadHandlers,
  ...subsystemHandlers,
  ...institutionHandlers,
  ...applicationHandlers,
);
