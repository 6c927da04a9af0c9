import type { SqlRunner } from '@portal/db';
import { isStorableText } from '@portal/shared';
import { errors, type Adapter, type AdapterPayload } from 'oidc-provider';

/**
 * The provider's storage: every model (Session, Interaction, Grant, AuthorizationCode,
 * AccessToken, RefreshToken, ClientCredentials, ReplayDetection …) is a row of oidc_payloads keyed
 * by (kind, id), with the columns revocation searches by (account, client, grant) copied out of
 * the payload. Clients are not stored here: `Client` reads oidc_clients (see clients.ts).
 */
interface PayloadRow extends Record<string, unknown> {
  payload: AdapterPayload;
  consumed: boolean;
}

const FIND = `SELECT payload, consumed_at IS NOT NULL AS consumed FROM oidc_payloads
               WHERE kind = $1 AND id = $2 AND (expires_at IS NULL OR expires_at > now())`;

function present(rows: PayloadRow[]): AdapterPayload | undefined {
  const row = rows[0];
  if (!row) return undefined;
  return row.consumed ? { ...row.payload, consumed: true } : row.payload;
}

/** Whether every string in a payload (keys too) is one PostgreSQL's jsonb can hold. */
function isStorablePayload(value: unknown): boolean {
  if (typeof value === 'string') return isStorableText(value);
  if (Array.isArray(value)) return value.every(isStorablePayload);
  if (value && typeof value === 'object') return Object.entries(value).every(([key, item]) => isStorableText(key) && isStorablePayload(item));
  return true;
}

export function createPayloadAdapter(sql: SqlRunner, kind: string): Adapter {
  return {
    async upsert(id, payload, expiresIn) {
      // A parameter the client sent (state, nonce, …) is kept in the payload as it came; one
      // holding a NUL or a lone surrogate cannot be stored in jsonb, so the request is refused
      // as malformed (the provider renders it as invalid_request) instead of failing as a 500.
      if (!isStorablePayload(payload)) throw new errors.InvalidRequest('parameters must not contain NUL characters or unpaired surrogates');
      await sql.query(
        `INSERT INTO oidc_payloads (kind, id, payload, grant_id, uid, account_id, client_id, expires_at)
         VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, CASE WHEN $8::int IS NULL THEN NULL ELSE now() + make_interval(secs => $8::int) END)
         ON CONFLICT (kind, id) DO UPDATE SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id, uid = EXCLUDED.uid,
           account_id = EXCLUDED.account_id, client_id = EXCLUDED.client_id, expires_at = EXCLUDED.expires_at`,
        [
          kind,
          id,
          JSON.stringify(payload),
          payload.grantId ?? null,
          payload.uid ?? null,
          payload.accountId ?? null,
          payload.clientId ?? null,
          expiresIn ? Math.ceil(expiresIn) : null,
        ],
        { prepared: true },
      );
    },
    async find(id) {
      if (!isStorableText(id)) return undefined; // no such token: refused as unknown, not a 500
      return present(await sql.query<PayloadRow>(FIND, [kind, id], { prepared: true }));
    },
    async findByUid(uid) {
      if (!isStorableText(uid)) return undefined;
      return present(
        await sql.query<PayloadRow>(
          `SELECT payload, consumed_at IS NOT NULL AS consumed FROM oidc_payloads
            WHERE kind = $1 AND uid = $2 AND (expires_at IS NULL OR expires_at > now())`,
          [kind, uid],
          { prepared: true },
        ),
      );
    },
    async findByUserCode() {
      // The device flow is off: there are no user codes.
      return undefined;
    },
    /**
     * One conditional update, so that of two concurrent redemptions of a code or refresh token
     * exactly one wins. The library checks `consumed` and then consumes; between the two another
     * request may have consumed it. The loser is treated as a replay: the grant is revoked.
     */
    async consume(id) {
      const won = await sql.query(
        `UPDATE oidc_payloads SET consumed_at = now() WHERE kind = $1 AND id = $2 AND consumed_at IS NULL RETURNING id`,
        [kind, id],
        { prepared: true },
      );
      if (won.length === 1) return;
      await sql.query(
        `DELETE FROM oidc_payloads WHERE grant_id = (SELECT grant_id FROM oidc_payloads WHERE kind = $1 AND id = $2)
            OR (kind = 'Grant' AND id = (SELECT grant_id FROM oidc_payloads WHERE kind = $1 AND id = $2))`,
        [kind, id],
      );
      throw new errors.InvalidGrant('grant already consumed');
    },
    async destroy(id) {
      await sql.query(`DELETE FROM oidc_payloads WHERE kind = $1 AND id = $2`, [kind, id], { prepared: true });
    },
    async revokeByGrantId(grantId) {
      await sql.query(`DELETE FROM oidc_payloads WHERE kind = $1 AND grant_id = $2`, [kind, grantId], { prepared: true });
    },
  };
}

