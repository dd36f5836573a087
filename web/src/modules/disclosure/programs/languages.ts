/** The six UN languages, in the order the language switcher lists them. */
export const UN_LANGUAGE_TAGS = ['ar', 'zh', 'en', 'es', 'fr', 'ru'] as const;

/**
 * A BCP 47 tag in canonical form (`EN-us` → `en-US`), or null when it is not one. Like the server, it asks
 * for an ISO 639 primary subtag: BCP 47 also admits forms (`x-…`, `english`) that name no language.
 */
export function canonicalLanguageTag(input: string): string | null {
  const tag = input.trim();
  if (!tag) return null;
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0];
  } catch {
    return null;
  }
  return canonical && /^[a-z]{2,3}(-|$)/.test(canonical) ? canonical : null;
}

/** Splits "de, pt-BR sw" into tags; the ones that are not tags are returned apart, as typed. */
export function parseLanguageTags(text: string): { tags: string[]; invalid: string[] } {
  const tags: string[] = [];
  const invalid: string[] = [];
  for (const part of text.split(/[\s,;，、]+/).filter(Boolean)) {
    const tag = canonicalLanguageTag(part);
    if (!tag) invalid.push(part);
    else if (!tags.includes(tag)) tags.push(tag);
  }
  return { tags, invalid };
}

/** Lines of a textarea as a list: trimmed, empty lines dropped. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}
