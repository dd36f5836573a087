import createClient, { type Middleware } from 'openapi-fetch';
import { type ApiError, networkError, toApiError } from './errors.ts';
import type { paths } from './schema.d.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

let csrfToken: string | null = null;

/** The auth context keeps this in step with the session; every cookie-authenticated write must carry it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (csrfToken && !SAFE_METHODS.has(request.method)) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
};

const listeners = new Set<(error: ApiError) => void>();

/** Lets the auth context learn that the session ended elsewhere (a 401 on any call). */
export function onApiError(listener: (error: ApiError) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrfMiddleware);

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError for a problem or a network failure. */
export async function call<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch {
    throw networkError();
  }
  if (!result.response.ok) {
    const error = toApiError(result.error, result.response);
    for (const listener of listeners) listener(error);
    throw error;
  }
  return result.data as T;
}
