import { describe, expect, it } from 'vitest';
import { makeBundle } from './bundle.ts';
import { canonicalJson, randomStixId, scoId, stableStixId, typeOfStixId, uuidV5 } from './ids.ts';
import { validateStixBundle } from './validate.ts';

describe('uuidV5', () => {
  it('matches RFC 9562 (the DNS namespace example other implementations give)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });
});

describe('scoId', () => {
  it('derives SCO ids under the OASIS namespace from canonical JSON of the contributing properties', () => {
    expect(scoId('ipv4-addr', { value: '198.51.100.3' })).toBe(
      'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4',
    );
    // Key order does not matter: the serialization is canonical.
    expect(scoId('file', { name: 'a.exe', hashes: { 'SHA-256': 'abc' } })).toBe(
      scoId('file', { hashes: { 'SHA-256': 'abc' }, name: 'a.exe' }),
    );
    expect(scoId('file', { hashes: { 'SHA-256': 'abc' }, name: 'a.exe' })).toBe(
      'file--5a2b3f76-abbe-5a4e-8408-8210ded802e8',
    );
  });

  it('serializes canonically', () => {
    expect(canonicalJson({ b: [1, 'x', null], a: { d: true, c: 1.5 }, e: undefined })).toBe(
      '{"a":{"c":1.5,"d":true},"b":[1,"x",null]}',
    );
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
  });
});

describe('stableStixId and randomStixId', () => {
  it('gives the same id for the same type and key, and different ids otherwise', () => {
    const id = stableStixId('incident', 'incident:inc_1');
    expect(id).toMatch(/^incident--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableStixId('incident', 'incident:inc_1')).toBe(id);
    expect(stableStixId('incident', 'incident:inc_2')).not.toBe(id);
    expect(stableStixId('report', 'incident:inc_1')).not.toBe(id.replace('incident--', 'report--'));
  });

  it('makes random v4 ids and reads the type of an id', () => {
    expect(randomStixId('bundle')).toMatch(/^bundle--[0-9a-f-]{36}$/);
    expect(randomStixId('bundle')).not.toBe(randomStixId('bundle'));
    expect(typeOfStixId('threat-actor--56f3f0db-b5d5-431c-ae56-c18f02caf500')).toBe('threat-actor');
    expect(typeOfStixId('threat-actor--nope')).toBeNull();
    expect(typeOfStixId('--56f3f0db-b5d5-431c-ae56-c18f02caf500')).toBeNull();
  });
});

describe('makeBundle', () => {
  it('wraps objects in a valid bundle with a fresh id, each object version once', () => {
    const identity = {
      type: 'identity',
      spec_version: '2.1',
      id: stableStixId('identity', 'org:1'),
      created: '2024-01-01T00:00:00.000Z',
      modified: '2024-01-01T00:00:00.000Z',
      name: 'CERT',
    };
    const bundle = makeBundle([
      identity,
      { ...identity },
      { ...identity, modified: '2024-02-01T00:00:00.000Z' },
    ]);
    expect(bundle.type).toBe('bundle');
    expect(bundle.objects).toHaveLength(2);
    expect(makeBundle([]).id).not.toBe(bundle.id);
    expect(validateStixBundle(bundle)).toEqual({ ok: true, errors: [], failures: [] });
  });
});
