import {
  AccountApplicationSchema,
  type ApplicationResult,
  type ErrorBody,
} from '@portal/shared';
import { http, HttpResponse } from 'msw';
import { subsystems } from '../fixtures';
import { institutions } from './institutions';

/** POST /api/applications: validates with the shared schema and answers like the API. */
export const applicationHandlers = [
  http.post('*/api/applications', async ({ request }) => {
    const parsed = AccountApplicationSchema.safeParse(await request.json());
    if (!parsed.success) {
      return HttpResponse.json({ code: 'VALIDATION_FAILED', message: '輸入的資料有誤，請檢查後再送出。' } satisfies ErrorBody, {
        status: 400,
      });
    }
    const application = parsed.data;
    const institution = institutions.find((item) => item.code === application.institutionCode)!;
    const manager = application.role === 'INSTITUTION_MANAGER';
    return HttpResponse.json(
      {
        applicationNo: 'A20261126-0001',
        accountName: application.accountName,
        role: application.role,
        status: manager ? 'PENDING_VERIFICATION' : 'PENDING_APPROVAL',
        institution: { code: institution.code, name: institution.name },
        subsystems: application.subsystems.map((code) => ({
          code,
          name: subsystems.find((item) => item.code === code)!.name,
          status: 'PENDING',
        })),
        nextStep: manager ? 'INSTITUTION_VERIFICATION' : 'MANAGER_APPROVAL',
      } satisfies ApplicationResult,
      { status: 201 },
    );
  }),
];

export const applicationsFail = (status: number, body: ErrorBody) =>
  http.post('*/api/applications', () => HttpResponse.json(body satisfies ErrorBody, { status }));

