import { describe, expect, it } from 'vitest';
import { localInputToIso, relativeParts, suggestedDeadlines, toLocalInput } from './deadlines.ts';

describe('deadlines', () => {
  const now = new Date(2026, 0, 15, 9, 30);

  it('suggests deadlines by urgency, in local time', () => {
    expect(suggestedDeadlines('immediate', now)).toEqual({
      acknowledgeBy: '2026-01-15T11:30',
      respondBy: '2026-01-16T09:30',
    });
    expect(suggestedDeadlines('priority', now)).toEqual({
      acknowledgeBy: '2026-01-15T17:30',
      respondBy: '2026-01-18T09:30',
    });
    expect(suggestedDeadlines('routine', now).respondBy).toBe('2026-01-29T09:30');
  });

  it('turns a local input into UTC and back', () => {
    const iso = localInputToIso('2026-03-01T08:05');
    expect(iso).toBe(new Date(2026, 2, 1, 8, 5).toISOString());
    expect(toLocalInput(new Date(iso))).toBe('2026-03-01T08:05');
    expect(localInputToIso('')).toBe('');
    expect(localInputToIso('tomorrow')).toBe('');
  });

  it('picks a readable unit for relative times', () => {
    expect(relativeParts(new Date(now.getTime() + 45 * 60_000), now)).toEqual({ value: 45, unit: 'minute' });
    expect(relativeParts(new Date(now.getTime() - 5 * 3_600_000), now)).toEqual({ value: -5, unit: 'hour' });
    expect(relativeParts(new Date(now.getTime() + 3 * 86_400_000), now)).toEqual({ value: 3, unit: 'day' });
  });
});
