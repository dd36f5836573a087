/**
 * Text preparation shared by both search engines. Documents and queries go through the same steps, in
 * JavaScript, so SQLite and PostgreSQL see the same words and find the same documents:
 *  1. NFKC, lower case, and the diacritics of Latin, Greek and Cyrillic letters and Arabic vowel marks
 *     removed ("Genève" and "geneve" are one word; PostgreSQL's 'simple' configuration would not do it);
 *  2. scripts written without spaces (Chinese, Japanese, Thai, …) cut into words by Intl.Segmenter;
 *  3. words taken as runs of letters, digits and combining marks; everything else separates them.
 * The engines then receive these words joined by single spaces, leaving their own tokenizers nothing
 * to decide: PostgreSQL's parser, for one, would otherwise keep "1.5" or "cyber-security" whole while
 * SQLite splits them.
 */

/** Wraps a matched word in a snippet: STX before, ETX after. Never HTML; the UI escapes, then converts. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/** Longer "words" (hashes, base64) are not indexed, and a query term this long matches nothing. */
export const MAX_TOKEN_LENGTH = 120;
/** Terms beyond this are dropped from a query; every term must match, so more would only narrow it. */
export const MAX_QUERY_TERMS = 16;
/** Only the start of a very long query is read. */
const MAX_QUERY_LENGTH = 1000;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
/** Scripts that do not separate words with spaces. */
const UNSPACED_SCRIPT =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
// After NFD: the combining diacritics block, except the breve of й (a letter of its own in Russian,
// where ё → е is the usual folding but й → и is not).
const COMBINING_DIACRITICS = /(?<!и)[\u0300-\u036f]/g;
// Arabic vowel and Quranic marks, and the tatweel used to stretch words: optional in writing.
const ARABIC_MARKS = /[\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]/g;

// Building a segmenter loads dictionaries; one serves every call.
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_DIACRITICS, '')
    .replace(ARABIC_MARKS, '')
    .normalize('NFC');
}

/** The words of already normalized text, in order. */
function wordsOf(normalized: string): string[] {
  if (!UNSPACED_SCRIPT.test(normalized)) return normalized.match(WORD) ?? [];
  // Segmenting costs far more than a regular expression, so only text that needs it pays for it.
  const words: string[] = [];
  for (const segment of wordSegmenter.segment(normalized)) {
    if (segment.isWordLike) words.push(...(segment.segment.match(WORD) ?? []));
  }
  return words;
}

/** What the engines index for a title or body: its normalized words joined by single spaces. */
export function toIndexText(text: string): string {
  return wordsOf(normalizeText(text))
    .filter((word) => word.length <= MAX_TOKEN_LENGTH)
    .join(' ');
}

/**
 * The terms of a user's query, normalized like documents. Every term must match; the last one also
 * matches as a prefix, for type-ahead. An empty list (blank or punctuation-only input) matches nothing.
 */
export function toQueryTerms(query: string): string[] {
  const words = wordsOf(normalizeText(query.slice(0, MAX_QUERY_LENGTH)));
  // An over-long term cannot be in the index (see MAX_TOKEN_LENGTH), so the query cannot match.
  if (words.some((word) => word.length > MAX_TOKEN_LENGTH)) return [];
  return words.slice(0, MAX_QUERY_TERMS);
}

const SNIPPET_LENGTH = 240;
/** Context kept before the first match, so the excerpt does not start on the matched word. */
const SNIPPET_LEAD = 60;

interface WordSpan {
  start: number;
  end: number;
  isMatch: boolean;
}

/** The words of display text with their positions, and whether each matches a query term. */
function findWordSpans(text: string, terms: string[]): WordSpan[] {
  const exact = new Set(terms);
  const prefix = terms[terms.length - 1] ?? '';
  // Words repeat, and normalizing is most of the cost: each distinct word is looked at once.
  const known = new Map<string, boolean>();
  const matches = (word: string) => {
    let isMatch = known.get(word);
    if (isMatch === undefined) {
      // The word is already cut out (by the segmenter where needed); only the pattern splits it further.
      isMatch = (normalizeText(word).match(WORD) ?? []).some(
        (w) => exact.has(w) || (prefix !== '' && w.startsWith(prefix)),
      );
      known.set(word, isMatch);
    }
    return isMatch;
  };
  const spans: WordSpan[] = [];
  if (UNSPACED_SCRIPT.test(text)) {
    for (const segment of wordSegmenter.segment(text)) {
      if (!segment.isWordLike) continue;
      const start = segment.index;
      spans.push({ start, end: start + segment.segment.length, isMatch: matches(segment.segment) });
    }
  } else {
    for (const found of text.matchAll(WORD)) {
      const start = found.index;
      spans.push({ start, end: start + found[0].length, isMatch: matches(found[0]) });
    }
  }
  return spans;
}

/**
 * An excerpt of `body` of about SNIPPET_LENGTH characters around the place where most query terms
 * match, each matching word wrapped in MATCH_START…MATCH_END, with "…" where text was cut. A document
 * found by its title alone gets the start of its body, without marks. Computed in JavaScript for the
 * rows of one page only, so both engines produce the same excerpts of the original (not normalized) text.
 */
export function buildSnippet(body: string, terms: string[]): string {
  // The marks must only ever come from here; whitespace is collapsed for a one-paragraph excerpt.
  const text = body.replaceAll(MATCH_START, '').replaceAll(MATCH_END, '').replace(/\s+/g, ' ').trim();
  if (text.length === 0) return '';
  const spans = findWordSpans(text, terms);
  const matched = spans.filter((span) => span.isMatch);
  let windowStart = 0;
  if (matched.length > 0) {
    // The window that covers the most matched words, starting at a match.
    let best = 0;
    let bestCount = 0;
    for (let i = 0; i < matched.length; i++) {
      let count = 0;
      for (let j = i; j < matched.length && matched[j]!.end - matched[i]!.start <= SNIPPET_LENGTH; j++)
        count++;
      if (count > bestCount) {
        best = i;
        bestCount = count;
      }
    }
    windowStart = Math.max(0, matched[best]!.start - SNIPPET_LEAD);
  }
  let windowEnd = Math.min(text.length, windowStart + SNIPPET_LENGTH);
  // Cut on word boundaries: start at the first word inside the window, end after the last one.
  const inside = spans.filter((span) => span.start >= windowStart && span.end <= windowEnd);
  if (windowStart > 0 && inside.length > 0) windowStart = inside[0]!.start;
  if (windowEnd < text.length && inside.length > 0) windowEnd = inside[inside.length - 1]!.end;
  let snippet = '';
  let position = windowStart;
  for (const span of inside) {
    if (!span.isMatch) continue;
    snippet += `${text.slice(position, span.start)}${MATCH_START}${text.slice(span.start, span.end)}${MATCH_END}`;
    position = span.end;
  }
  snippet += text.slice(position, windowEnd);
  return `${windowStart > 0 ? '…' : ''}${snippet}${windowEnd < text.length ? '…' : ''}`;
}
