import { describe, expect, it } from 'vitest';
import { parseSnippet } from './snippet.ts';

describe('parseSnippet', () => {
  it('splits the marked words from the text around them', () => {
    expect(parseSnippet('Protect \u0002hospitals\u0003 from \u0002ransomware\u0003.')).toEqual([
      { text: 'Protect ', isMatch: false },
      { text: 'hospitals', isMatch: true },
      { text: ' from ', isMatch: false },
      { text: 'ransomware', isMatch: true },
      { text: '.', isMatch: false },
    ]);
  });

  it('keeps markup-like text as text', () => {
    expect(parseSnippet('<b>\u0002x\u0003</b>')).toEqual([
      { text: '<b>', isMatch: false },
      { text: 'x', isMatch: true },
      { text: '</b>', isMatch: false },
    ]);
  });

  it('tolerates a snippet without marks or with an unclosed one', () => {
    expect(parseSnippet('plain')).toEqual([{ text: 'plain', isMatch: false }]);
    expect(parseSnippet('cut \u0002off')).toEqual([
      { text: 'cut ', isMatch: false },
      { text: 'off', isMatch: true },
    ]);
    expect(parseSnippet('')).toEqual([]);
  });
});
