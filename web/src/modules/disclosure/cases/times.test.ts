import { describe, expect, it } from 'vitest';
import {
  formatUtcCompanion,
  formatZoned,
  isoToLocalInput,
  localInputToIso,
  offsetMinutes,
  zoneName,
} from './times.ts';

describe('case times', () => {
  it('reads a typed wall-clock time in the viewer zone, winter and summer', () => {
    expect(localInputToIso('2026-12-01T18:00', 'Europe/Paris')).toBe('2026-12-01T17:00:00.000Z');
    expect(localInputToIso('2026-07-01T18:00', 'Europe/Paris')).toBe('2026-07-01T16:00:00.000Z');
    expect(localInputToIso('2026-12-01T18:00', 'America/New_York')).toBe('2026-12-01T23:00:00.000Z');
    expect(localInputToIso('2026-12-01T08:30', 'Asia/Kolkata')).toBe('2026-12-01T03:00:00.000Z');
    expect(localInputToIso('2026-12-01T18:00', 'UTC')).toBe('2026-12-01T18:00:00.000Z');
  });

  it('moves a time skipped by summer time forward, and takes the first of a repeated hour', () => {
    // Paris: 02:00 became 03:00 on 29 March 2026; 03:00 became 02:00 on 25 October 2026.
    expect(localInputToIso('2026-03-29T02:30', 'Europe/Paris')).toBe('2026-03-29T01:30:00.000Z');
    expect(localInputToIso('2026-10-25T02:30', 'Europe/Paris')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses what is not a time on the calendar', () => {
    expect(localInputToIso('', 'Europe/Paris')).toBeNull();
    expect(localInputToIso('2026-02-30T10:00', 'Europe/Paris')).toBeNull();
    expect(localInputToIso('2026-12-01T24:00', 'Europe/Paris')).toBeNull();
    expect(localInputToIso('2026-12-01T18:60', 'Europe/Paris')).toBeNull();
    expect(localInputToIso('1 Dec 2026 18:00', 'Europe/Paris')).toBeNull();
  });

  it('gives back the field value of an instant, the inverse of reading it', () => {
    expect(isoToLocalInput('2026-12-01T17:00:00.000Z', 'Europe/Paris')).toBe('2026-12-01T18:00');
    expect(isoToLocalInput('2026-07-01T16:00:00.000Z', 'Europe/Paris')).toBe('2026-07-01T18:00');
    expect(localInputToIso(isoToLocalInput('2027-01-15T09:45:00.000Z', 'Asia/Tokyo'), 'Asia/Tokyo')).toBe(
      '2027-01-15T09:45:00.000Z',
    );
  });

  it('knows the offset of a zone at an instant', () => {
    expect(offsetMinutes(Date.parse('2026-12-01T17:00:00Z'), 'Europe/Paris')).toBe(60);
    expect(offsetMinutes(Date.parse('2026-07-01T17:00:00Z'), 'Europe/Paris')).toBe(120);
    expect(offsetMinutes(Date.parse('2026-07-01T17:00:00Z'), 'America/Los_Angeles')).toBe(-420);
  });

  it('names the zone with the local time and gives the UTC time beside it', () => {
    const iso = '2026-12-01T17:00:00.000Z';
    expect(formatZoned(iso, 'en-GB', 'Europe/Paris')).toBe('1 Dec 2026, 18:00 CET');
    expect(formatUtcCompanion(iso, 'en-GB', 'Europe/Paris')).toBe('17:00 UTC');
    expect(zoneName(iso, 'en-GB', 'Europe/Paris')).toBe('CET');
    // The UTC day differs from the viewer's: the date is given too.
    expect(formatUtcCompanion('2026-12-01T20:00:00.000Z', 'en-GB', 'Asia/Tokyo')).toBe(
      '1 Dec 2026, 20:00 UTC',
    );
    expect(formatZoned('2026-12-01T20:00:00.000Z', 'en-GB', 'Asia/Tokyo')).toMatch(/^2 Dec 2026, 05:00 /);
    // A viewer in UTC needs no second time.
    expect(formatUtcCompanion(iso, 'en-GB', 'UTC')).toBeNull();
  });

  it('shows a value that is not a time as it is', () => {
    expect(formatZoned('not a date', 'en-GB', 'Europe/Paris')).toBe('not a date');
    expect(formatUtcCompanion('not a date', 'en-GB', 'Europe/Paris')).toBeNull();
    expect(isoToLocalInput('not a date', 'Europe/Paris')).toBe('');
  });
});
