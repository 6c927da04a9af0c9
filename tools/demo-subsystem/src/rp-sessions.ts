import { randomBytes } from 'node:crypto';

/** What the subsystem keeps of a login: the ID token's claims, and the ID token for RP-initiated logout. */
export interface RpSession {
  id: string;
  sub: string;
  /** The provider's session id, when its ID token carried one. */
  sid: string | undefined;
  claims: Record<string, unknown>;
  idToken: string;
  expiresAt: number;
}

/** A login under way: the PKCE verifier, state and nonce the callback must check. */
export interface PendingLogin {
  codeVerifier: string;
  state: string;
  nonce: string;
  expiresAt: number;
}

const randomId = () => randomBytes(24).toString('base64url');

/**
 * The subsystem's own sessions, in memory (a demo keeps no database). Back-channel logout ends
 * them by `sub` (every session of the user) or by `sid` (one provider session).
 */
export class RpSessionStore {
  private readonly sessions = new Map<string, RpSession>();
  private readonly pending = new Map<string, PendingLogin>();

  constructor(
    private readonly sessionSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  start(login: Omit<RpSession, 'id' | 'expiresAt'>): RpSession {
    const session = { ...login, id: randomId(), expiresAt: this.now() + this.sessionSeconds * 1000 };
    this.sessions.set(session.id, session);
    return session;
  }

  get(id: string | undefined): RpSession | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (session && session.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  end(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }

  /** Ends the sessions a logout token names: with a `sid`, that provider session's; otherwise all of `sub`'s. */
  endFor({ sub, sid }: { sub: string | undefined; sid: string | undefined }): number {
    let ended = 0;
    for (const [id, session] of this.sessions) {
      const matches = sid !== undefined ? session.sid === sid && (sub === undefined || session.sub === sub) : session.sub === sub;
      if (matches) {
        this.sessions.delete(id);
        ended += 1;
      }
    }
    return ended;
  }

  beginLogin(login: Omit<PendingLogin, 'expiresAt'>, ttlSeconds = 600): string {
    const id = randomId();
    this.pending.set(id, { ...login, expiresAt: this.now() + ttlSeconds * 1000 });
    return id;
  }

  /** The pending login, once: a callback replayed with the same cookie finds nothing. */
  takeLogin(id: string | undefined): PendingLogin | undefined {
    if (!id) return undefined;
    const login = this.pending.get(id);
    this.pending.delete(id);
    return login && login.expiresAt > this.now() ? login : undefined;
  }
}
