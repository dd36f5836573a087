import { describe, expect, it } from 'vitest';
import { ApiError, fieldNameOf, toApiError } from './errors.ts';

const response = (status: number, headers: Record<string, string> = {}) =>
  new Response(null, { status, headers });

describe('toApiError', () => {
  it('keeps the stable code, detail and field errors of a problem', () => {
    const error = toApiError(
      {
        type: 'about:blank',
        title: 'Weak password',
        status: 422,
        code: 'weak_password',
        detail: 'Choose a longer password.',
        errors: [{ code: 'too_short' }, 'not an object'],
      },
      response(422),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.code).toBe('weak_password');
    expect(error.detail).toBe('Choose a longer password.');
    expect(error.errors).toEqual([{ code: 'too_short' }]);
  });

  it('keeps the field a problem names, and the test id of a validator finding', () => {
    const refused = toApiError(
      {
        status: 422,
        code: 'invalid_cvss_vector',
        detail: 'cvssV3Vector: unknown metric',
        field: 'cvssV3Vector',
      },
      response(422),
    );
    expect(refused.field).toBe('cvssV3Vector');
    const invalid = toApiError(
      {
        status: 422,
        code: 'invalid_csaf_document',
        errors: [{ test: '6.1.1', instancePath: '/x', message: 'missing' }],
      },
      response(422),
    );
    expect(invalid.errors).toEqual([{ test: '6.1.1', path: '/x', message: 'missing' }]);
    expect(invalid.field).toBeUndefined();
  });

  it('reads Retry-After in seconds', () => {
    const error = toApiError(
      { code: 'too_many_attempts', status: 429 },
      response(429, { 'retry-after': '30' }),
    );
    expect(error.retryAfterSeconds).toBe(30);
  });

  it('derives a code from the status when the body is not a problem', () => {
    expect(toApiError('<html>Bad gateway</html>', response(502)).code).toBe('server_error');
    expect(toApiError(undefined, response(404)).code).toBe('not_found');
  });
});

describe('fieldNameOf', () => {
  it('prefers the explicit field, else the last path segment', () => {
    expect(fieldNameOf({ field: 'email', path: '/body/other' })).toBe('email');
    expect(fieldNameOf({ path: '/body/displayName' })).toBe('displayName');
    expect(fieldNameOf({ path: 'body.website' })).toBe('website');
    expect(fieldNameOf({ code: 'too_short' })).toBeUndefined();
  });
});
