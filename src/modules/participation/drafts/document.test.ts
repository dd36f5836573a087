import { describe, expect, it } from 'vitest';
import {
  assignKeys,
  type Block,
  diffBlocks,
  numberBlocks,
  parseMarkdown,
  similarity,
  toMarkdown,
} from './document.ts';

const revision = (texts: [string, string][]): Block[] =>
  numberBlocks(
    texts.map(([key, text]) => ({ key, kind: key.startsWith('h') ? 'heading' : 'paragraph', text })),
  );

describe('parseMarkdown', () => {
  it('reads headings and blank-line separated paragraphs, dropping the author’s own numbers', () => {
    const blocks = parseMarkdown(
      '# Introduction\n\n1. First para\ncontinues here.\n\n\n2) Second\r\n\n## Norms ##\nThird',
    );
    expect(blocks).toEqual([
      { kind: 'heading', text: 'Introduction' },
      { kind: 'paragraph', text: 'First para\ncontinues here.' },
      { kind: 'paragraph', text: 'Second' },
      { kind: 'heading', text: 'Norms' },
      { kind: 'paragraph', text: 'Third' },
    ]);
  });

  it('round-trips through toMarkdown with paragraph numbers', () => {
    const blocks = numberBlocks(assignKeys([], parseMarkdown('# A\n\nOne.\n\nTwo.')));
    expect(toMarkdown(blocks)).toBe('## A\n\n1. One.\n\n2. Two.');
    expect(parseMarkdown(toMarkdown(blocks)).map((b) => b.text)).toEqual(['A', 'One.', 'Two.']);
  });
});

describe('assignKeys', () => {
  const previous = revision([
    ['h1', 'Introduction'],
    ['p1', 'States should cooperate to increase stability and security.'],
    ['p2', 'States should protect critical infrastructure from ICT threats.'],
    ['p3', 'States should encourage responsible reporting of vulnerabilities.'],
  ]);

  it('keeps keys of identical blocks and of lightly edited ones, and gives new ones to new text', () => {
    const next = assignKeys(
      previous,
      parseMarkdown(
        '# Introduction\n\nA brand new opening paragraph about victims.\n\nStates should cooperate to increase stability and security.\n\nStates should protect critical infrastructure, including health care, from ICT threats.\n\nStates should encourage responsible reporting of vulnerabilities.',
      ),
    );
    expect(next.map((b) => b.key).slice(0, 1)).toEqual(['h1']);
    expect(next[1]!.key).toMatch(/^blk_/);
    expect(next.slice(2).map((b) => b.key)).toEqual(['p1', 'p2', 'p3']);
  });

  it('treats a rewritten paragraph as removed and a new one added', () => {
    const next = assignKeys(previous, [
      { kind: 'heading', text: 'Introduction' },
      { kind: 'paragraph', text: 'Entirely different wording on another subject.' },
      { kind: 'paragraph', text: 'States should encourage responsible reporting of vulnerabilities.' },
    ]);
    expect(next.map((b) => b.key)).toEqual(['h1', expect.stringMatching(/^blk_/), 'p3']);
  });

  it('keeps keys the editor sends and never hands one key out twice', () => {
    const next = assignKeys(previous, [
      { key: 'p2', kind: 'paragraph', text: 'Moved to the top and edited.' },
      { kind: 'paragraph', text: 'States should protect critical infrastructure from ICT threats.' },
    ]);
    expect(next[0]!.key).toBe('p2');
    expect(next[1]!.key).not.toBe('p2');
  });

  it('scores similarity on words, ignoring case and punctuation', () => {
    expect(similarity('The same words.', 'the SAME words')).toBe(1);
    expect(similarity('alpha beta', 'gamma delta')).toBe(0);
  });
});

describe('diffBlocks', () => {
  it('reports added, removed, changed (word by word) and unchanged blocks in reading order', () => {
    const from = revision([
      ['h1', 'Introduction'],
      ['p1', 'Keep me.'],
      ['p2', 'Remove me.'],
      ['p3', 'States should protect infrastructure.'],
    ]);
    const to = revision([
      ['h1', 'Introduction'],
      ['p1', 'Keep me.'],
      ['p3', 'States should protect critical infrastructure.'],
      ['p4', 'A new paragraph.'],
    ]);
    const diff = diffBlocks(from, to);
    expect(diff.map((e) => [e.key, e.change, e.fromNumber, e.toNumber])).toEqual([
      ['h1', 'unchanged', null, null],
      ['p1', 'unchanged', 1, 1],
      ['p2', 'removed', 2, null],
      ['p3', 'changed', 3, 2],
      ['p4', 'added', null, 3],
    ]);
    expect(diff[3]!.segments).toEqual([
      { type: 'same', text: 'States should protect ' },
      { type: 'added', text: 'critical ' },
      { type: 'same', text: 'infrastructure.' },
    ]);
  });

  it('puts blocks removed from the very top first', () => {
    const diff = diffBlocks(
      revision([
        ['p1', 'Gone.'],
        ['p2', 'Stays.'],
      ]),
      revision([['p2', 'Stays.']]),
    );
    expect(diff.map((e) => e.change)).toEqual(['removed', 'unchanged']);
  });
});
