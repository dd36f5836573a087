import { describe, expect, it } from 'vitest';
import { readFragmentParam } from './fragment.ts';

describe('readFragmentParam', () => {
  it('reads a parameter from the fragment', () => {
    expect(readFragmentParam('#token=abc.DEF-123', 'token')).toBe('abc.DEF-123');
    expect(readFragmentParam('#a=1&token=x%2By', 'token')).toBe('x+y');
  });

  it('is null when absent or empty', () => {
    expect(readFragmentParam('', 'token')).toBeNull();
    expect(readFragmentParam('#token=', 'token')).toBeNull();
    expect(readFragmentParam('#other=1', 'token')).toBeNull();
  });
});
