// The logged-in staff member's tokens and their renewal.
//
// The access token lives 30 minutes. It is renewed a little before it runs out (the moment is computed from the
// token's own iat/exp, so a browser clock that is off does not matter) and, should the server refuse it anyway,
// once on a 401. Refresh tokens rotate and a second use of one ends the whole login (reuse detection), so only one
// renewal may run at a time: within a tab requests wait for the renewal in flight, and across tabs (which share
// localStorage) a Web Lock makes them take turns; whoever comes second finds the tokens already renewed and uses
// them instead of spending the old refresh token again.

export interface TokenPair {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

export interface StoredSession extends TokenPair {
  /** Local time (ms) after which the access token is renewed before use. */
  renewAt: number;
}

export interface SessionDeps {
  storage: Storage;
  fetch: typeof fetch;
  now: () => number;
  locks?: Pick<LockManager, 'request'> | null;
}

export const STORAGE_KEY = 'kepu-console-session';
export const REFRESH_PATH = '/api/admin/v1/auth/refresh';
const LOCK_NAME = 'kepu-console-token-renewal';
/** Renew this long before the token runs out (but never before half its life). */
const RENEW_MARGIN_MS = 2 * 60 * 1000;

/** Thrown when renewal failed for a reason that does not end the login (network down, server error). */
export class RenewalUnavailable extends Error {}

export class Session {
  private readonly deps: SessionDeps;
  private inFlight: Promise<StoredSession | null> | null = null;

  constructor(deps: SessionDeps) {
    this.deps = deps;
  }

  current(): StoredSession | null {
    const raw = this.deps.storage.getItem(STORAGE_KEY);
    if (!raw) return null;
    try {
      const parsed = JSON.parse(raw) as StoredSession;
      return parsed.accessToken && parsed.refreshToken ? parsed : null;
    } catch {
      return null;
    }
  }

  start(pair: TokenPair): StoredSession {
    const stored: StoredSession = {
      accessToken: pair.accessToken,
      accessTokenExpiresAt: pair.accessTokenExpiresAt,
      refreshToken: pair.refreshToken,
      refreshTokenExpiresAt: pair.refreshTokenExpiresAt,
      renewAt: this.deps.now() + renewAfter(pair.accessToken),
    };
    this.deps.storage.setItem(STORAGE_KEY, JSON.stringify(stored));
    return stored;
  }

  clear(): void {
    this.deps.storage.removeItem(STORAGE_KEY);
  }

  /** An access token to send: the stored one, or a renewed one when it is about to run out; null when logged out. */
  async accessToken(): Promise<string | null> {
    const stored = this.current();
    if (!stored) return null;
    if (this.deps.now() < stored.renewAt) return stored.accessToken;
    const renewed = await this.renew(stored.accessToken);
    return renewed ? renewed.accessToken : null;
  }

  /**
   * Renews the session whose access token was {@code seen}, unless that already happened (in this tab or another).
   * Resolves to the session to use, or null when the server ended the login (the session is then cleared).
   */
  renew(seen: string): Promise<StoredSession | null> {
    if (this.inFlight) return this.inFlight;
    const run = () => this.renewOnce(seen);
    const pending: Promise<StoredSession | null> = this.deps.locks
      ? (this.deps.locks.request(LOCK_NAME, run) as unknown as Promise<StoredSession | null>)
      : run();
    const settled = pending.finally(() => {
      this.inFlight = null;
    });
    this.inFlight = settled;
    return settled;
  }

  private async renewOnce(seen: string): Promise<StoredSession | null> {
    const stored = this.current();
    if (!stored) return null;
    if (stored.accessToken !== seen && this.deps.now() < stored.renewAt) {
      return stored; // renewed meanwhile by another request or tab
    }
    let response: Response;
    try {
      response = await this.deps.fetch(REFRESH_PATH, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ refreshToken: stored.refreshToken }),
      });
    } catch {
      throw new RenewalUnavailable('network');
    }
    if (response.ok) {
      return this.start((await response.json()) as TokenPair);
    }
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      // Expired, revoked, reused or the account was disabled: this login is over.
      if (this.current()?.refreshToken === stored.refreshToken) this.clear();
      return null;
    }
    throw new RenewalUnavailable(`status ${response.status}`);
  }
}

/** How long after receiving it a token should be renewed, from its own claims. */
export function renewAfter(accessToken: string): number {
  const claims = decodeClaims(accessToken);
  if (!claims || typeof claims.exp !== 'number' || typeof claims.iat !== 'number' || claims.exp <= claims.iat) {
    return 60 * 1000;
  }
  const lifetime = (claims.exp - claims.iat) * 1000;
  return Math.max(lifetime / 2, lifetime - RENEW_MARGIN_MS);
}

function decodeClaims(token: string): { exp?: unknown; iat?: unknown } | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '=')));
  } catch {
    return null;
  }
}
