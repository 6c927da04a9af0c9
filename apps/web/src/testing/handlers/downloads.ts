import type { DownloadPage } from '@portal/shared';
import { http, HttpResponse } from 'msw';
import { downloads } from '../fixtures';
import { pageOf } from './paging';

/** A small in-memory version of GET /api/downloads: filters and pages like the API. */
export const downloadHandlers = [
  http.get('*/api/downloads', ({ request }) => {
    const url = new URL(request.url);
    const system = url.searchParams.get('system');
    const category = url.searchParams.get('category');
    const keyword = url.searchParams.get('keyword')?.toLowerCase();
    const matching = downloads.filter(
      (item) =>
        (!system || item.system === system) &&
        (!category || item.category === category) &&
        (!keyword || item.title.toLowerCase().includes(keyword) || item.filename.toLowerCase().includes(keyword)),
    );
    return HttpResponse.json({
      ...pageOf(url, matching),
      systems: [...new Set(downloads.map((item) => item.system))].sort(),
      categories: [...new Set(downloads.map((item) => item.category))].sort(),
    } satisfies DownloadPage);
  }),
];
