import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';

const BACKCHANNEL_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

export class InvalidLogoutToken extends Error {}

/**
 * Checks a back-channel logout token (OpenID Connect Back-Channel Logout 1.0 §2.6): signed by
 * the provider's key, `typ` logout+jwt, our client as audience, recent, the logout event, a `sub`
 * or `sid`, no `nonce`, and a `jti` not seen before (a replayed token is refused).
 */
export function createLogoutTokenVerifier({ issuer, jwksUri, clientId }: { issuer: string; jwksUri: URL; clientId: string }) {
  const keys = createRemoteJWKSet(jwksUri);
  const seen = new Map<string, number>();

  return async function verifyLogoutToken(token: string): Promise<{ sub: string | undefined; sid: string | undefined }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer,
        audience: clientId,
        typ: 'logout+jwt',
        algorithms: ['RS256', 'ES256'],
        maxTokenAge: '5m',
        requiredClaims: ['iat', 'jti'],
      }));
    } catch (error) {
      throw new InvalidLogoutToken(error instanceof Error ? error.message : String(error));
    }
    const events = payload.events as Record<string, unknown> | undefined;
    if (typeof events !== 'object' || events === null || !(BACKCHANNEL_EVENT in events)) {
      throw new InvalidLogoutToken('the token carries no back-channel logout event');
    }
    if ('nonce' in payload) throw new InvalidLogoutToken('a logout token must not carry a nonce');
    const sub = typeof payload.sub === 'string' ? payload.sub : undefined;
    const sid = typeof payload.sid === 'string' ? payload.sid : undefined;
    if (sub === undefined && sid === undefined) throw new InvalidLogoutToken('the token names neither sub nor sid');

    const now = Date.now();
    for (const [jti, until] of seen) if (until <= now) seen.delete(jti);
    if (seen.has(payload.jti!)) throw new InvalidLogoutToken('the token was used before');
    seen.set(payload.jti!, now + 10 * 60_000);
    return { sub, sid };
  };
}
