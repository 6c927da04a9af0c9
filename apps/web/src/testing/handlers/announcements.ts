import type { AnnouncementPage, ErrorBody } from '@portal/shared';
import { http, HttpResponse } from 'msw';
import { announcements } from '../fixtures';

/** A small in-memory version of GET /api/announcements: filters and pages like the API. */
export const announcementHandlers = [
  http.get('*/api/announcements', ({ request }) => {
    const url = new URL(request.url);
    const category = url.searchParams.get('category');
    const page = Number(url.searchParams.get('page') ?? 1);
    const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
    const matching = announcements.filter((item) => !category || item.category === category);
    return HttpResponse.json({
      items: matching.slice((page - 1) * pageSize, page * pageSize),
      total: matching.length,
      page,
      pageSize,
      categories: [...new Set(announcements.map((item) => item.category))].sort(),
    } satisfies AnnouncementPage);
  }),
];

export const announcementsFail = (status: number, body: ErrorBody) =>
  http.get('*/api/announcements', () => HttpResponse.json(body satisfies ErrorBody, { status }));
