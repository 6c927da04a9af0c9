import { MySubsystemListSchema, MySubsystemSchema } from '@portal/shared';
import { apiPost } from '../../../lib/api-client';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation';
import { accountQuery } from './account-query';

const mySubsystems = accountQuery('subsystems', '/api/account/subsystems', MySubsystemListSchema);
export const mySubsystemsQueryKey = mySubsystems.queryKey;

/** GET /api/account/subsystems */
export const useListMySubsystems = mySubsystems.useAccountQuery;

/** POST /api/account/subsystems: a new request, or a rejected one asked again. */
export function useRequestSubsystem() {
  return useRefreshingMutation(mySubsystemsQueryKey, (code: string) => apiPost('/api/account/subsystems', { code }, MySubsystemSchema));
}
