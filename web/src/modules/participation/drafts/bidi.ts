/**
 * Wraps text that people typed (titles, names) in Unicode first-strong isolates before it goes into a
 * translated sentence, so an English title inside an Arabic sentence (or the reverse) keeps its own
 * direction and does not drag the punctuation around it to the wrong side.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
