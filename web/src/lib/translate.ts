import type { TFunction } from 'i18next';

/**
 * Translates a key built at run time (an error code, an enum value from the API). The typed `t` only
 * accepts literal keys; this is the one place that widens it, and falls back when the key is unknown.
 */
export function translateDynamic(
  t: TFunction,
  key: string,
  fallbackKey: string,
  options: Record<string, unknown> = {},
): string {
  const translate = t as unknown as (key: string | string[], options?: Record<string, unknown>) => string;
  return translate([key, fallbackKey], options);
}
