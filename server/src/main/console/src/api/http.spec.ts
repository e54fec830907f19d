import { describe, expect, it, vi } from 'vitest';

import { createAuthFetch } from './http';
import { REFRESH_PATH, Session, type TokenPair } from './session';

function jwt(tag: string): string {
  return `h.${btoa(JSON.stringify({ iat: 0, exp: 1800, tag })).replace(/=+$/, '')}.s`;
}

function pair(n: number): TokenPair {
  return { accessToken: jwt(`a${n}`), accessTokenExpiresAt: '', refreshToken: `r${n}`, refreshTokenExpiresAt: '' };
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

interface ServerState {
  valid: Set<string>;
  refreshOk: boolean;
}

/** A fake server: accepts only `valid` access tokens; renews r<n> into pair n+1 while `refreshOk`. */
function fakeServer(state: ServerState) {
  const seen: string[] = [];
  let refreshes = 0;
  const send = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
    const path = new URL(request.url).pathname;
    if (path === REFRESH_PATH) {
      refreshes++;
      const { refreshToken } = JSON.parse(await request.text());
      if (!state.refreshOk) return json(401, { code: 'REFRESH_TOKEN_INVALID' });
      const next = pair(Number(refreshToken.slice(1)) + 1);
      state.valid.add(next.accessToken);
      return json(200, next);
    }
    const token = request.headers.get('Authorization')?.replace('Bearer ', '') ?? '';
    seen.push(`${request.method} ${path} ${await request.clone().text()}`);
    return state.valid.has(token) ? json(200, { ok: true }) : json(401, { code: 'TOKEN_INVALID' });
  });
  return { send: send as unknown as typeof fetch, seen, refreshes: () => refreshes };
}

function setup(state: ServerState, relogin: () => Promise<boolean> = async () => false) {
  window.localStorage.clear();
  const server = fakeServer(state);
  const session = new Session({ storage: window.localStorage, fetch: server.send, now: () => 0 });
  const authFetch = createAuthFetch({ session, fetch: server.send, relogin: () => relogin() });
  return { session, authFetch, server };
}

describe('authFetch', () => {
  it('sends the access token', async () => {
    const { session, authFetch } = setup({ valid: new Set([pair(1).accessToken]), refreshOk: true });
    session.start(pair(1));

    const response = await authFetch(new Request('http://localhost/api/admin/v1/me'));

    expect(response.status).toBe(200);
  });

  it('renews once on a 401 and sends the same request, body included, again', async () => {
    const { session, authFetch, server } = setup({ valid: new Set<string>(), refreshOk: true });
    session.start(pair(1)); // the server has already let this token expire

    const response = await authFetch(new Request('http://localhost/api/admin/v1/contents', {
      method: 'POST', body: JSON.stringify({ title: '草稿' }), headers: { 'Content-Type': 'application/json' },
    }));

    expect(response.status).toBe(200);
    expect(server.seen).toEqual([
      'POST /api/admin/v1/contents {"title":"草稿"}',
      'POST /api/admin/v1/contents {"title":"草稿"}',
    ]);
    expect(session.current()?.refreshToken).toBe('r2');
  });

  it('renews once for requests that failed together', async () => {
    const { session, authFetch, server } = setup({ valid: new Set<string>(), refreshOk: true });
    session.start(pair(1));

    const answers = await Promise.all([1, 2, 3].map((n) => authFetch(new Request(`http://localhost/api/admin/v1/x/${n}`))));

    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(server.refreshes()).toBe(1);
  });

  it('asks the person to log in again when the login is over, then sends the request', async () => {
    const state = { valid: new Set<string>(), refreshOk: false };
    let asked = 0;
    const { session, authFetch } = setup(state, async () => {
      asked++;
      session.start(pair(7));
      state.valid.add(pair(7).accessToken);
      return true;
    });
    session.start(pair(1));

    const response = await authFetch(new Request('http://localhost/api/admin/v1/me'));

    expect(asked).toBe(1);
    expect(response.status).toBe(200);
  });

  it('answers 401 when the person does not log in again', async () => {
    const { session, authFetch } = setup({ valid: new Set<string>(), refreshOk: false });
    session.start(pair(1));

    const response = await authFetch(new Request('http://localhost/api/admin/v1/me'));

    expect(response.status).toBe(401);
    expect(session.current()).toBeNull();
  });
});
