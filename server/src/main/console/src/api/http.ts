// fetch for the staff API: adds the access token, renews it before it runs out, and on a 401 renews once and
// sends the request again. Requests made while a renewal is running wait for it. When the login is over (the
// refresh token was refused), `relogin` is asked to log the same person in again (a dialog over the page, so
// nothing typed is lost) and the request is then sent with the new token.
import { RenewalUnavailable, type Session } from './session';
import { ApiError } from './problem';

export interface AuthFetchOptions {
  session: Session;
  fetch: typeof fetch;
  /** Resolves true once the person has logged in again, false when they gave up. */
  relogin: () => Promise<boolean>;
}

export function createAuthFetch({ session, fetch: send, relogin }: AuthFetchOptions) {
  async function tokenOrRelogin(): Promise<string | null> {
    let token: string | null;
    try {
      token = await session.accessToken();
    } catch (error) {
      if (error instanceof RenewalUnavailable) throw ApiError.network();
      throw error;
    }
    if (token) return token;
    return (await relogin()) ? session.current()?.accessToken ?? null : null;
  }

  return async function authFetch(input: Request): Promise<Response> {
    const spare = input.clone();
    const token = await tokenOrRelogin();
    if (!token) {
      return unauthenticated();
    }
    const first = await send(withToken(input, token));
    if (first.status !== 401) return first;

    let renewed: string | null;
    try {
      renewed = (await session.renew(token))?.accessToken ?? null;
    } catch (error) {
      if (error instanceof RenewalUnavailable) throw ApiError.network();
      throw error;
    }
    if (!renewed) {
      renewed = (await relogin()) ? session.current()?.accessToken ?? null : null;
      if (!renewed) return first;
    }
    return send(withToken(spare, renewed));
  };
}

function withToken(request: Request, token: string): Request {
  const headers = new Headers(request.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return new Request(request, { headers });
}

function unauthenticated(): Response {
  return new Response(JSON.stringify({ status: 401, code: 'UNAUTHENTICATED', detail: '请先登录' }), {
    status: 401,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}
