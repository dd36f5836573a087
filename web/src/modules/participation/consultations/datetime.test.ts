import { describe, expect, it } from 'vitest';
import { localInputToIso, toLocalInputValue } from './datetime.ts';

describe('datetime-local values', () => {
  it('round-trips an instant through the input value, to the minute', () => {
    const instant = new Date('2026-03-14T09:26:00.000Z');
    expect(localInputToIso(toLocalInputValue(instant))).toBe('2026-03-14T09:26:00.000Z');
  });

  it('reads the value as local wall-clock time', () => {
    const local = new Date(2026, 0, 31, 23, 5);
    expect(localInputToIso('2026-01-31T23:05')).toBe(local.toISOString());
  });

  it('refuses empty and malformed values', () => {
    expect(localInputToIso('')).toBeUndefined();
    expect(localInputToIso('2026-01-31')).toBeUndefined();
    expect(localInputToIso('2026-02-30T10:00x')).toBeUndefined();
  });
});
