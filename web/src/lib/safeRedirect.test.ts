import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safeRedirect.ts';

describe('safeNextPath', () => {
  it('keeps paths on this site', () => {
    expect(safeNextPath('/organizations?kind=cert')).toBe('/organizations?kind=cert');
  });

  it('refuses other origins and falls back', () => {
    expect(safeNextPath('//evil.example/x')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath(null, '/profile')).toBe('/profile');
  });
});
