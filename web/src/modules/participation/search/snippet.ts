/** Where a search snippet marks a matched word: U+0002 opens the match and U+0003 closes it. */
const MATCH_START = '\u0002';
const MATCH_END = '\u0003';

export type SnippetPart = { text: string; isMatch: boolean };

/**
 * Splits a snippet into plain and matched parts. The text stays text (React escapes it); only the marks
 * become structure, so nothing in a contribution can inject markup. Unbalanced marks are tolerated.
 */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let isMatch = false;
  let current = '';
  const flush = () => {
    if (current) parts.push({ text: current, isMatch });
    current = '';
  };
  for (const character of snippet) {
    if (character === MATCH_START) {
      flush();
      isMatch = true;
    } else if (character === MATCH_END) {
      flush();
      isMatch = false;
    } else {
      current += character;
    }
  }
  flush();
  return parts;
}
