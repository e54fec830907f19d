import { describe, expect, it, vi } from 'vitest';

import { REFRESH_PATH, RenewalUnavailable, STORAGE_KEY, Session, renewAfter, type TokenPair } from './session';

function jwt(iat: number, exp: number, tag = ''): string {
  const body = btoa(JSON.stringify({ iat, exp, tag })).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `header.${body}.signature`;
}

function pair(n: number, issuedAt = 1_000): TokenPair {
  return {
    accessToken: jwt(issuedAt, issuedAt + 1800, `access-${n}`),
    accessTokenExpiresAt: '2025-01-01T00:30:00+08:00',
    refreshToken: `refresh-${n}`,
    refreshTokenExpiresAt: '2025-01-31T00:00:00+08:00',
  };
}

function setup() {
  let now = 0;
  const fetch = vi.fn<typeof window.fetch>();
  const session = new Session({ storage: window.localStorage, fetch, now: () => now });
  window.localStorage.clear();
  return { session, fetch, advance: (ms: number) => (now += ms) };
}

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('renewAfter', () => {
  it('renews two minutes before a thirty-minute token runs out, from the token\'s own claims', () => {
    expect(renewAfter(jwt(5_000, 5_000 + 1800))).toBe(28 * 60 * 1000);
  });

  it('never waits past half the life of a short token', () => {
    expect(renewAfter(jwt(0, 120))).toBe(60 * 1000);
  });

  it('renews after a minute when the token cannot be read', () => {
    expect(renewAfter('not-a-jwt')).toBe(60 * 1000);
  });
});

describe('Session', () => {
  it('hands out the stored token while it is fresh', async () => {
    const { session, fetch } = setup();
    session.start(pair(1));

    expect(await session.accessToken()).toBe(pair(1).accessToken);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('renews a token about to run out before handing it out, once for many callers', async () => {
    const { session, fetch, advance } = setup();
    session.start(pair(1));
    advance(29 * 60 * 1000);
    fetch.mockResolvedValueOnce(answer(200, pair(2)));

    const tokens = await Promise.all([session.accessToken(), session.accessToken(), session.accessToken()]);

    expect(tokens).toEqual([pair(2).accessToken, pair(2).accessToken, pair(2).accessToken]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0][0]).toBe(REFRESH_PATH);
    expect(JSON.parse(String(fetch.mock.calls[0][1]?.body))).toEqual({ refreshToken: 'refresh-1' });
    expect(JSON.parse(window.localStorage.getItem(STORAGE_KEY)!).refreshToken).toBe('refresh-2');
  });

  it('does not spend a refresh token again when the tokens were renewed meanwhile (another tab)', async () => {
    const { session, fetch } = setup();
    session.start(pair(1));
    session.start(pair(2)); // what another tab wrote to the shared storage

    const renewed = await session.renew(pair(1).accessToken);

    expect(renewed?.accessToken).toBe(pair(2).accessToken);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('ends the login when the server refuses the refresh token', async () => {
    const { session, fetch } = setup();
    session.start(pair(1));
    fetch.mockResolvedValueOnce(answer(401, { code: 'REFRESH_TOKEN_REUSED' }));

    expect(await session.renew(pair(1).accessToken)).toBeNull();
    expect(session.current()).toBeNull();
  });

  it('keeps the login when the server cannot be reached', async () => {
    const { session, fetch } = setup();
    session.start(pair(1));
    fetch.mockRejectedValueOnce(new TypeError('Failed to fetch'));

    await expect(session.renew(pair(1).accessToken)).rejects.toBeInstanceOf(RenewalUnavailable);
    expect(session.current()?.refreshToken).toBe('refresh-1');
  });

  it('takes turns with other tabs through a Web Lock', async () => {
    const { fetch } = setup();
    const request = vi.fn((_name: string, run: () => Promise<unknown>) => run());
    const session = new Session({ storage: window.localStorage, fetch, now: () => 0, locks: { request } as never });
    session.start(pair(1));
    fetch.mockResolvedValueOnce(answer(200, pair(2)));

    await session.renew(pair(1).accessToken);

    expect(request).toHaveBeenCalledWith('kepu-console-token-renewal', expect.any(Function));
  });
});
