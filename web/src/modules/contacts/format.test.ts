import { describe, expect, it } from 'vitest';
import {
  canonicalLanguageTag,
  groupFingerprint,
  isWithinHours,
  localClock,
  primaryLanguage,
} from './format.ts';

describe('groupFingerprint', () => {
  it('splits a fingerprint into groups of four', () => {
    expect(groupFingerprint('0123456789abcdef0123456789ABCDEF01234567')).toBe(
      '0123 4567 89AB CDEF 0123 4567 89AB CDEF 0123 4567',
    );
  });
});

describe('canonicalLanguageTag', () => {
  it('canonicalizes valid BCP 47 tags', () => {
    expect(canonicalLanguageTag(' EN-us ')).toBe('en-US');
    expect(canonicalLanguageTag('zh-hans')).toBe('zh-Hans');
  });
  it('refuses what is not a language tag', () => {
    expect(canonicalLanguageTag('english')).toBeNull();
    expect(canonicalLanguageTag('x-private')).toBeNull();
    expect(canonicalLanguageTag('en_US!')).toBeNull();
    expect(canonicalLanguageTag('')).toBeNull();
  });
  it('gives the primary subtag', () => {
    expect(primaryLanguage('fr-CA')).toBe('fr');
  });
});

describe('localClock', () => {
  it('reads the weekday and time in the contact’s zone', () => {
    // Monday 2025-03-03 22:30 UTC is Tuesday 01:30 in Nairobi (UTC+3).
    expect(localClock(new Date('2025-03-03T22:30:00Z'), 'Africa/Nairobi')).toEqual({
      weekday: 2,
      minutes: 90,
    });
  });
  it('gives null for an unknown zone', () => {
    expect(localClock(new Date(), 'Mars/Olympus')).toBeNull();
  });
});

describe('isWithinHours', () => {
  const office = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
  it('is within on a working day between start and end', () => {
    expect(isWithinHours(office, 3, 9 * 60)).toBe(true);
    expect(isWithinHours(office, 3, 17 * 60)).toBe(false);
    expect(isWithinHours(office, 6, 12 * 60)).toBe(false);
  });
  it('runs past midnight when the end is before the start', () => {
    const night = { days: [5], start: '22:00', end: '06:00' };
    expect(isWithinHours(night, 5, 23 * 60)).toBe(true);
    expect(isWithinHours(night, 6, 5 * 60)).toBe(true);
    expect(isWithinHours(night, 6, 23 * 60)).toBe(false);
    expect(isWithinHours(night, 5, 5 * 60)).toBe(false);
  });
  it('treats 24:00 as the end of the day', () => {
    expect(isWithinHours({ days: [1], start: '08:00', end: '24:00' }, 1, 23 * 60 + 59)).toBe(true);
  });
});
