import {
  DecisionResultSchema,
  InstitutionAccountPageSchema,
  PendingUserApplicationPageSchema,
  type AccountStatusChangeRequest,
  type DecisionRequest,
  type InstitutionAccountQuery,
} from '@portal/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../../lib/api-client';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation';
import { accountQueryKey } from '../../../lib/session';

const institutionManagerKey = [...accountQueryKey, 'institution-manager'] as const;
const applicationsKey = [...institutionManagerKey, 'applications'] as const;
const accountsKey = [...institutionManagerKey, 'accounts'] as const;

/** GET /api/institution-manager/applications: 一般使用者 applications awaiting approval. */
export function useListPendingApplications(page: number) {
  return useQuery({
    queryKey: [...applicationsKey, page],
    queryFn: ({ signal }) => apiGet('/api/institution-manager/applications', PendingUserApplicationPageSchema, { params: { page }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** POST /api/institution-manager/applications/:id/decision. A 409 (already decided) refreshes the queue too. */
export function useDecideApplication() {
  return useRefreshingMutation(
    institutionManagerKey,
    ({ id, body }: { id: string; body: DecisionRequest }) =>
      apiPost(`/api/institution-manager/applications/${encodeURIComponent(id)}/decision`, body, DecisionResultSchema),
    'success-or-conflict',
  );
}

/** GET /api/institution-manager/accounts */
export function useListInstitutionAccounts(query: InstitutionAccountQuery) {
  return useQuery({
    queryKey: [...accountsKey, query],
    queryFn: ({ signal }) =>
      apiGet('/api/institution-manager/accounts', InstitutionAccountPageSchema, {
        params: { page: query.page as number | undefined, status: query.status, role: query.role, q: query.q },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** POST /api/institution-manager/accounts/:id/deactivate | reactivate */
export function useChangeAccountStatus() {
  return useRefreshingMutation(
    accountsKey,
    ({ id, change, body }: { id: string; change: 'deactivate' | 'reactivate'; body: AccountStatusChangeRequest }) =>
      apiPost(`/api/institution-manager/accounts/${encodeURIComponent(id)}/${change}`, body, DecisionResultSchema),
    'success-or-conflict',
  );
}
