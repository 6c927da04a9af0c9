import {
  OidcClientListSchema,
  OidcClientSchema,
  OidcClientWithSecretSchema,
  type CreateOidcClientRequest,
  type UpdateOidcClientRequest,
} from '@portal/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPatch, apiPost } from '../../../lib/api-client';
import { accountQueryKey } from '../../../lib/session';

const clientsKey = [...accountQueryKey, 'staff', 'oidc-clients'] as const;
const clientPath = (subsystemId: string) => `/api/staff/subsystems/${encodeURIComponent(subsystemId)}/oidc-client`;

/** GET /api/staff/oidc-clients: every subsystem with its single sign-on client, or null. */
export function useOidcClients() {
  return useQuery({ queryKey: clientsKey, queryFn: ({ signal }) => apiGet('/api/staff/oidc-clients', OidcClientListSchema, { signal }) });
}

function useClientMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: clientsKey }) });
}

/** POST …/oidc-client: the new client with its secret (shown once). */
export function useCreateOidcClient() {
  return useClientMutation(({ subsystemId, body }: { subsystemId: string; body: CreateOidcClientRequest }) =>
    apiPost(clientPath(subsystemId), body, OidcClientWithSecretSchema),
  );
}

export function useUpdateOidcClient() {
  return useClientMutation(({ subsystemId, body }: { subsystemId: string; body: UpdateOidcClientRequest }) =>
    apiPatch(clientPath(subsystemId), body, OidcClientSchema),
  );
}

/** POST …/rotate-secret: a new secret (shown once); the old one stops working at once. */
export function useRotateOidcClientSecret() {
  return useClientMutation((subsystemId: string) => apiPost(`${clientPath(subsystemId)}/rotate-secret`, {}, OidcClientWithSecretSchema));
}

/** POST …/disable or …/enable. */
export function useSetOidcClientActive() {
  return useClientMutation(({ subsystemId, active }: { subsystemId: string; active: boolean }) =>
    apiPost(`${clientPath(subsystemId)}/${active ? 'enable' : 'disable'}`, {}, OidcClientSchema),
  );
}
