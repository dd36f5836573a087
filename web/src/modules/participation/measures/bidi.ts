/**
 * Wraps a name or title that is put into a translated sentence in Unicode isolates, so that an
 * English organization name inside an Arabic sentence (or the reverse) keeps its own direction and
 * does not pull the sentence's punctuation along with it.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;
