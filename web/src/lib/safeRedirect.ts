/** A `next` target after sign-in, only if it stays on this site (no `//host` or `https:` open redirects). */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
