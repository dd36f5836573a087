import { useEffect, useState } from 'react';

/** A parameter of a URL fragment such as `#token=abc`. */
export function readFragmentParam(hash: string, name: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(name);
  return value ? value : null;
}

/**
 * Reads `#token=…` once and removes the fragment from the address bar, so the secret does not stay in
 * the history entry or get copied with the URL. Mail links put tokens in the fragment so they never
 * reach server logs or Referer headers.
 */
export function useFragmentToken(): string | null {
  const [token] = useState(() => readFragmentParam(window.location.hash, 'token'));
  useEffect(() => {
    if (!window.location.hash) return;
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}`);
  }, []);
  return token;
}
