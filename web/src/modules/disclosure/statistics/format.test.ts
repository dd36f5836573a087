import { describe, expect, it } from 'vitest';
import {
  barsOf,
  durationFromDays,
  durationFromHours,
  formatDuration,
  formatShare,
  normalizePeriod,
  parseCount,
} from './format.ts';

describe('durations', () => {
  it('reads in hours below two days and in days from then on', () => {
    expect(durationFromHours(2)).toEqual({ unit: 'hour', value: 2 });
    expect(durationFromHours(47.94)).toEqual({ unit: 'hour', value: 47.9 });
    expect(durationFromHours(84)).toEqual({ unit: 'day', value: 3.5 });
    expect(durationFromDays(0.5)).toEqual({ unit: 'hour', value: 12 });
    expect(durationFromDays(12.25)).toEqual({ unit: 'day', value: 12.3 });
  });

  it('speaks the reader language with its plural rules', () => {
    expect(formatDuration({ unit: 'hour', value: 2 }, 'en')).toBe('2 hours');
    expect(formatDuration({ unit: 'day', value: 3.5 }, 'en')).toBe('3.5 days');
    expect(formatDuration({ unit: 'day', value: 1 }, 'en')).toBe('1 day');
    // French separates the unit with a narrow no-break space.
    expect(formatDuration({ unit: 'day', value: 3.5 }, 'fr')).toMatch(/^3,5\s+jours$/u);
    expect(formatDuration({ unit: 'day', value: 5 }, 'ru')).toBe('5 дней');
  });
});

describe('formatShare', () => {
  it('gives a whole percentage, or nothing without a denominator', () => {
    expect(formatShare(2, 3, 'en')).toBe('67%');
    expect(formatShare(0, 0, 'en')).toBeNull();
  });
});

describe('barsOf', () => {
  it('puts known keys in their order, then the others largest first, without empty ones', () => {
    const bars = barsOf({ C: 4, T: 2, D: 0, X: 1, Y: 3 }, ['D', 'T', 'C']);
    expect(bars.map((bar) => [bar.key, bar.count])).toEqual([
      ['T', 2],
      ['C', 4],
      ['Y', 3],
      ['X', 1],
    ]);
    expect(bars.find((bar) => bar.key === 'C')?.share).toBe(1);
    expect(bars.find((bar) => bar.key === 'T')?.share).toBe(0.5);
  });

  it('draws nothing for no counts', () => {
    expect(barsOf({})).toEqual([]);
  });
});

describe('equities input', () => {
  it('accepts a year, a half or a quarter, tidied', () => {
    expect(normalizePeriod('2026')).toBe('2026');
    expect(normalizePeriod(' 2026-h1 ')).toBe('2026-H1');
    expect(normalizePeriod('2026-Q4')).toBe('2026-Q4');
    expect(normalizePeriod('2026-Q5')).toBeNull();
    expect(normalizePeriod('26-H1')).toBeNull();
  });

  it('accepts whole counts from 0 to a million only', () => {
    expect(parseCount(' 12 ')).toBe(12);
    expect(parseCount('0')).toBe(0);
    expect(parseCount('1000000')).toBe(1_000_000);
    expect(parseCount('1000001')).toBeNull();
    expect(parseCount('-1')).toBeNull();
    expect(parseCount('2.5')).toBeNull();
    expect(parseCount('')).toBeNull();
  });
});
