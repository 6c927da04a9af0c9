import type { Subsystem } from '@portal/shared';
import { http, HttpResponse } from 'msw';
import { subsystems } from '../fixtures';

export const subsystemHandlers = [
  http.get('*/api/subsystems', () => HttpResponse.json({ items: subsystems } satisfies { items: Subsystem[] })),
];
