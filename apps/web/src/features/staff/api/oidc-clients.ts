import {
  OidcClientListSchema,
  OidcClientSchema,
  OidcClientWithSecretSchema,
  RotateSigningKeyResultSchema,
  SigningKeyListSchema,
  type CreateOidcClientRequest,
  type RotateSigningKeyRequest,
  type UpdateOidcClientRequest,
} from '@portal/shared';
import { useQuery } from '@tanstack/react-query';
import { apiGet, apiPatch, apiPost } from '../../../lib/api-client';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation';
import { accountQueryKey } from '../../../lib/session';

const clientsKey = [...accountQueryKey, 'staff', 'oidc-clients'] as const;
const clientPath = (subsystemId: string) => `/api/staff/subsystems/${encodeURIComponent(subsystemId)}/oidc-client`;

/** GET /api/staff/oidc-clients: every subsystem with its single sign-on client, or null. */
export function useOidcClients() {
  return useQuery({ queryKey: clientsKey, queryFn: ({ signal }) => apiGet('/api/staff/oidc-clients', OidcClientListSchema, { signal }) });
}

function useClientMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  return useRefreshingMutation(clientsKey, mutationFn);
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

const signingKeysKey = [...accountQueryKey, 'staff', 'oidc-signing-keys'] as const;

/** GET /api/staff/oidc-signing-keys: the published signing keys. */
export function useSigningKeys() {
  return useQuery({ queryKey: signingKeysKey, queryFn: ({ signal }) => apiGet('/api/staff/oidc-signing-keys', SigningKeyListSchema, { signal }) });
}

/** POST /api/staff/oidc-signing-keys/rotate: NEXT → ACTIVE → RETIRED for one algorithm. */
export function useRotateSigningKey() {
  return useRefreshingMutation(
    signingKeysKey,
    (body: RotateSigningKeyRequest) => apiPost('/api/staff/oidc-signing-keys/rotate', body, RotateSigningKeyResultSchema),
    'settled',
  );
}
