import { diffWords } from 'diff';
import { newId } from '../../../core/db/ids.ts';

// A draft is an ordered list of blocks: section headings and numbered paragraphs. Paragraph numbers
// are positions (1, 2, …) recomputed for every revision, as in UN drafts; a block's key is its
// identity across revisions, and the anchor of every comment made on it.

export const BLOCK_KINDS = ['heading', 'paragraph'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export interface BlockInput {
  key?: string | undefined;
  kind: BlockKind;
  text: string;
}

export interface Block {
  key: string;
  kind: BlockKind;
  text: string;
  /** Paragraph number in this revision; null for a heading. */
  number: number | null;
}

/** Splits Markdown into headings (`#` lines) and paragraphs (blank-line separated). */
export function parseMarkdown(markdown: string): BlockInput[] {
  const blocks: BlockInput[] = [];
  let lines: string[] = [];
  const flush = () => {
    const text = lines.join('\n').trim();
    lines = [];
    if (text === '') return;
    // A leading "42." or "42)" is the author's own numbering: numbers are the platform's to assign.
    blocks.push({ kind: 'paragraph', text: text.replace(/^\d{1,4}[.)]\s+/, '') });
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', text: heading[1]! });
    } else if (line.trim() === '') {
      flush();
    } else {
      lines.push(line.trimEnd());
    }
  }
  flush();
  return blocks;
}

/** Writes blocks back as Markdown, the inverse of parseMarkdown (numbers included for readers). */
export function toMarkdown(blocks: readonly Block[]): string {
  return blocks
    .map((block) => (block.kind === 'heading' ? `## ${block.text}` : `${block.number}. ${block.text}`))
    .join('\n\n');
}

export function numberBlocks(blocks: readonly { key: string; kind: BlockKind; text: string }[]): Block[] {
  let paragraph = 0;
  return blocks.map((block) => ({
    ...block,
    number: block.kind === 'paragraph' ? ++paragraph : null,
  }));
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Dice coefficient over word sets: 1 for the same words, 0 for none in common. */
export function similarity(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return (2 * shared) / (left.size + right.size);
}

const SAME_PARAGRAPH = 0.5;

/**
 * Gives blocks without a key the key of the block they continue in the previous revision, so that
 * comments stay anchored when a text is re-imported or edited: identical blocks are matched first
 * (longest common subsequence), then, between those anchors, blocks of the same kind whose words are
 * mostly the same. Everything else is new. Keys the caller gives are kept.
 */
export function assignKeys(
  previous: readonly Block[],
  next: readonly BlockInput[],
): { key: string; kind: BlockKind; text: string }[] {
  const keys: (string | undefined)[] = next.map((block) => block.key);
  const taken = new Set(keys.filter((key): key is string => key !== undefined));
  const candidates = previous.filter((block) => !taken.has(block.key));
  const open = next
    .map((block, index) => ({ block, index }))
    .filter((entry) => entry.block.key === undefined);

  // Longest common subsequence on kind + exact text.
  const n = candidates.length;
  const m = open.length;
  const table: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const same =
        candidates[i]!.kind === open[j]!.block.kind && candidates[i]!.text === open[j]!.block.text.trim();
      table[i]![j] = same ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const anchors: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (candidates[i]!.kind === open[j]!.block.kind && candidates[i]!.text === open[j]!.block.text.trim()) {
      anchors.push([i, j]);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }

  // Between consecutive anchors, pair edited blocks in order by similarity.
  const bounds: [number, number][] = [[-1, -1], ...anchors, [n, m]];
  for (let b = 0; b + 1 < bounds.length; b++) {
    const [i0, j0] = bounds[b]!;
    const [i1, j1] = bounds[b + 1]!;
    let from = i0 + 1;
    for (let j = j0 + 1; j < j1; j++) {
      let best = -1;
      let bestScore = SAME_PARAGRAPH;
      for (let i = from; i < i1; i++) {
        if (candidates[i]!.kind !== open[j]!.block.kind) continue;
        const score = similarity(candidates[i]!.text, open[j]!.block.text);
        if (score >= bestScore) {
          best = i;
          bestScore = score;
        }
      }
      if (best >= 0) {
        keys[open[j]!.index] = candidates[best]!.key;
        from = best + 1;
      }
    }
    if (b + 1 < bounds.length - 1) keys[open[j1]!.index] = candidates[i1]!.key;
  }
  return next.map((block, index) => ({
    key: keys[index] ?? newId('blk'),
    kind: block.kind,
    text: block.text.trim(),
  }));
}

export type ChangeKind = 'unchanged' | 'changed' | 'added' | 'removed';

export interface DiffEntry {
  key: string;
  kind: BlockKind;
  change: ChangeKind;
  fromNumber: number | null;
  toNumber: number | null;
  /** The text in the later revision, or the removed text. */
  text: string;
  /** For a changed block: the words kept, removed and added, in order. */
  segments?: { type: 'same' | 'removed' | 'added'; text: string }[];
}

/**
 * Paragraph-level comparison of two revisions by block key: what was added, removed, changed (with
 * a word diff) or left alone. Removed blocks appear where they stood, after their last surviving
 * predecessor.
 */
export function diffBlocks(from: readonly Block[], to: readonly Block[]): DiffEntry[] {
  const before = new Map(from.map((block) => [block.key, block]));
  const after = new Set(to.map((block) => block.key));
  const entries: DiffEntry[] = [];
  const removedAfter = new Map<string | null, Block[]>();
  let lastSurvivor: string | null = null;
  for (const block of from) {
    if (after.has(block.key)) lastSurvivor = block.key;
    else removedAfter.set(lastSurvivor, [...(removedAfter.get(lastSurvivor) ?? []), block]);
  }
  const pushRemoved = (anchor: string | null) => {
    for (const block of removedAfter.get(anchor) ?? []) {
      entries.push({
        key: block.key,
        kind: block.kind,
        change: 'removed',
        fromNumber: block.number,
        toNumber: null,
        text: block.text,
      });
    }
  };
  pushRemoved(null);
  for (const block of to) {
    const old = before.get(block.key);
    if (!old) {
      entries.push({
        key: block.key,
        kind: block.kind,
        change: 'added',
        fromNumber: null,
        toNumber: block.number,
        text: block.text,
      });
    } else if (old.text === block.text && old.kind === block.kind) {
      entries.push({
        key: block.key,
        kind: block.kind,
        change: 'unchanged',
        fromNumber: old.number,
        toNumber: block.number,
        text: block.text,
      });
    } else {
      entries.push({
        key: block.key,
        kind: block.kind,
        change: 'changed',
        fromNumber: old.number,
        toNumber: block.number,
        text: block.text,
        segments: diffWords(old.text, block.text).map((part) => ({
          type: part.added ? ('added' as const) : part.removed ? ('removed' as const) : ('same' as const),
          text: part.value,
        })),
      });
    }
    if (old) pushRemoved(block.key);
  }
  return entries;
}
