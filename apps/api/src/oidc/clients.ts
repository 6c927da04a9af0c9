import type { SqlRunner } from '@portal/db';
import { isStorableText } from '@portal/shared';
import type { Adapter, AdapterPayload, ClientAuthMethod, JWKS, SigningAlgorithmWithNone } from 'oidc-provider';
import type { SecretBox } from './secret-box.js';

/**
 * Clients are the subsystems registered by 系統人員 (oidc_clients). The provider reads the row
 * on every Client.find, so a disabled client or a rotated secret holds at once.
 */
interface ClientRow extends Record<string, unknown> {
  client_id: string;
  name: string;
  redirect_uris: string[] | null;
  post_logout_redirect_uris: string[] | null;
  backchannel_logout_uri: string | null;
  token_endpoint_auth_method: string;
  jwks: JWKS | null;
  id_token_signed_response_alg: string;
  allow_refresh_token: boolean;
  client_credentials_scopes: string[] | null;
  secret_cipher: Uint8Array | null;
}

/** Scopes every client may ask for in the code flow. */
export const USER_SCOPES = ['openid', 'portal'] as const;

export function clientMetadata(row: ClientRow, box: SecretBox): AdapterPayload {
  const machineScopes = row.client_credentials_scopes ?? [];
  const usesSecret = row.token_endpoint_auth_method === 'client_secret_basic';
  return {
    client_id: row.client_id,
    client_name: row.name,
    ...(usesSecret && row.secret_cipher ? { client_secret: box.open(row.secret_cipher) } : {}),
    ...(row.jwks && row.token_endpoint_auth_method === 'private_key_jwt' ? { jwks: row.jwks } : {}),
    redirect_uris: row.redirect_uris ?? [],
    post_logout_redirect_uris: row.post_logout_redirect_uris ?? [],
    ...(row.backchannel_logout_uri
      ? // sub-only logout tokens: "every session of this user at the RP" (the portal ends all at once).
        { backchannel_logout_uri: row.backchannel_logout_uri, backchannel_logout_session_required: false }
      : {}),
    token_endpoint_auth_method: row.token_endpoint_auth_method as ClientAuthMethod,
    id_token_signed_response_alg: row.id_token_signed_response_alg as SigningAlgorithmWithNone,
    response_types: ['code'],
    grant_types: [
      'authorization_code',
      ...(row.allow_refresh_token ? ['refresh_token'] : []),
      ...(machineScopes.length > 0 ? ['client_credentials'] : []),
    ],
    scope: [...USER_SCOPES, ...(row.allow_refresh_token ? ['offline_access'] : []), ...machineScopes].join(' '),
  };
}

export function createClientAdapter(sql: SqlRunner, box: SecretBox): Adapter {
  const refuse = () => Promise.reject(new Error('clients are registered through the staff API'));
  return {
    async find(id) {
      // A client_id PostgreSQL cannot hold (NUL, a lone surrogate) names no client: unknown, not a 500.
      if (!isStorableText(id)) return undefined;
      const rows = await sql.query<ClientRow>(
        `SELECT c.client_id, s.name, c.redirect_uris, c.post_logout_redirect_uris, c.backchannel_logout_uri,
                c.token_endpoint_auth_method, c.jwks, c.id_token_signed_response_alg, c.allow_refresh_token,
                c.client_credentials_scopes, c.secret_cipher
           FROM oidc_clients c JOIN subsystems s ON s.id = c.subsystem_id
          WHERE c.client_id = $1 AND c.active AND s.active`,
        [id],
        { prepared: true },
      );
      return rows[0] && clientMetadata(rows[0], box);
    },
    upsert: refuse,
    findByUid: () => Promise.resolve(undefined),
    findByUserCode: () => Promise.resolve(undefined),
    consume: refuse,
    destroy: refuse,
    revokeByGrantId: refuse,
  };
}
