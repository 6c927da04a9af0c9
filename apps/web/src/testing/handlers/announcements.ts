import type { AnnouncementPage, ErrorBody } from '@portal/shared';
import { http, HttpResponse } from 'msw';
import { announcements } from '../fixtures';
import { pageOf } from './paging';

/** A small in-memory version of GET /api/announcements: filters and pages like the API. */
export const announcementHandlers = [
  http.get('*/api/announcements', ({ request }) => {
    const url = new URL(request.url);
    const category = url.searchParams.get('category');
    const matching = announcements.filter((item) => !category || item.category === category);
    return HttpResponse.json({
      ...pageOf(url, matching),
      categories: [...new Set(announcements.map((item) => item.category))].sort(),
    } satisfies AnnouncementPage);
  }),
];

export const announcementsFail = (status: number, body: ErrorBody) =>
  http.get('*/api/announcements', () => HttpResponse.json(body satisfies ErrorBody, { status }));
