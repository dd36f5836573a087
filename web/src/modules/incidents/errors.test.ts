import { describe, expect, it } from 'vitest';
import { problemKeyOf } from './errors.ts';

describe('problemKeyOf', () => {
  it('puts a validator problem on the form field its JSON path names', () => {
    expect(problemKeyOf({ path: 'body/sources/0/url' })).toBe('sources.0.url');
    expect(problemKeyOf({ path: 'body/harm/patientsRedirected' })).toBe('harm.patientsRedirected');
    expect(problemKeyOf({ path: 'querystring/correction' })).toBe('correction');
  });

  it('prefers the field a service names, and names none for the whole body', () => {
    expect(problemKeyOf({ field: 'endedOn', path: 'body' })).toBe('endedOn');
    expect(problemKeyOf({ path: 'body' })).toBeUndefined();
    expect(problemKeyOf({})).toBeUndefined();
  });
});
