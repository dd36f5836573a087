/**
 * Wraps text that people typed (an organization's name, a process title) in Unicode isolates
 * before it goes into a translated sentence, so a Latin name keeps its own direction inside an
 * Arabic sentence and its punctuation does not jump to the wrong end.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;
