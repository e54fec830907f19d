// The typed API client. `paths` is generated from server/api/openapi.json by the build (npm run gen:api), so a
// call to an endpoint that does not exist, or with the wrong parameters or body, fails the type check.
import createClient from 'openapi-fetch';

import type { components, paths } from './generated/openapi';
import { createAuthFetch } from './http';
import { ApiError } from './problem';
import { Session } from './session';

export type Schemas = components['schemas'];

export const session = new Session({
  storage: window.localStorage,
  fetch: (...args) => window.fetch(...args),
  now: () => Date.now(),
  locks: typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : null,
});

let reloginHandler: () => Promise<boolean> = async () => false;

/** The UI registers how to log the same person in again when their login ended (see ReloginDialog). */
export function onRelogin(handler: () => Promise<boolean>): void {
  reloginHandler = handler;
}

/** fetch with the staff member's token (renewed as needed), for what the typed client does not cover (files). */
export const authorizedFetch = createAuthFetch({
  session,
  fetch: (request) => window.fetch(request),
  relogin: () => reloginHandler(),
});

/** Calls with the staff member's token (renewed as needed). */
export const api = createClient<paths>({ fetch: authorizedFetch });

/** Calls without a token: login only. */
export const publicApi = createClient<paths>({ fetch: (request) => window.fetch(request) });

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's body, or an ApiError carrying the problem the server answered with. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw ApiError.network();
  }
  if (!result.response.ok) {
    throw ApiError.from(result.response.status, result.error);
  }
  return result.data as T;
}
