import { institutionNameQuery, institutionSearchFields, messages, type ErrorBody, type Institution, type InstitutionPage } from '@portal/shared';
import { http, HttpResponse } from 'msw';

/** The demo seed's two institutions, plus the codes the shared contract fixtures accept. */
export const institutions: Institution[] = [
  { code: '9900000001', name: '示範醫院', kind: 'HOSPITAL', city: '臺北市', hasManager: true },
  { code: '9900000002', name: '示範診所', kind: 'CLINIC', city: '新北市', hasManager: false },
  { code: '9900000003', name: '示範藥局', kind: 'PHARMACY', city: '臺中市', hasManager: true },
  { code: '0101090517', name: '臺北測試聯合醫院', kind: 'HOSPITAL', city: '臺北市', hasManager: true },
  { code: '1234567890', name: '高雄測試衛生所', kind: 'HEALTH_CENTER', city: '高雄市', hasManager: false },
];

/** GET /api/institutions and /api/institutions/:code, searching like the API. */
export const institutionHandlers = [
  http.get('*/api/institutions', ({ request }) => {
    const url = new URL(request.url);
    const q = (url.searchParams.get('q') ?? '').trim();
    const page = Number(url.searchParams.get('page') ?? 1);
    const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
    const { text } = institutionNameQuery(q);
    const matching = institutions.filter((item) => (/^\d+$/.test(text) ? item.code.startsWith(text) : institutionSearchFields(item.name).searchName.includes(text)));
    return HttpResponse.json({
      // Like the API: the search does not say whether an institution has a manager.
      items: matching.slice((page - 1) * pageSize, page * pageSize).map(({ hasManager: _hasManager, ...summary }) => summary),
      total: matching.length,
      totalCapped: false,
      page,
      pageSize,
    } satisfies InstitutionPage);
  }),
  http.get('*/api/institutions/:code', ({ params }) => {
    const found = institutions.find((item) => item.code === params.code);
    if (!found) {
      return HttpResponse.json({ code: 'NOT_FOUND', message: messages.institutionNotFound } satisfies ErrorBody, {
        status: 404,
      });
    }
    return HttpResponse.json(found satisfies Institution);
  }),
];
