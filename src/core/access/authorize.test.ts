import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.ts';
import type { Actor } from './actor.ts';
import { ANONYMOUS } from './actor.ts';
import { A, ACTOR_NAMES, ACTORS, B, names, orgA, PLATFORM, record, U } from './fixtures.ts';
import {
  type AccessRequest,
  authorize,
  can,
  isCommunityMember,
  isEffectivePlatformAdmin,
  isSignedIn,
  readScope,
  roleIn,
} from './policy.ts';

describe('authorize', () => {
  const updateA: AccessRequest = ['organization.update', orgA];
  const readRed: AccessRequest = ['record.read', record({ tlp: 'TLP:RED' })];

  function errorOf(run: () => void): AppError {
    try {
      run();
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    throw new Error('expected authorize to throw');
  }

  it('asks an anonymous actor to sign in (401)', () => {
    for (const request of [updateA, readRed]) {
      const error = errorOf(() => authorize(ANONYMOUS, ...request));
      expect([error.status, error.code]).toEqual([401, 'authentication_required']);
    }
  });

  it('forbids a signed-in actor or the system (403)', () => {
    const denied: [Actor, AccessRequest][] = [
      [ACTORS.memA!, updateA],
      [ACTORS.paToken!, updateA],
      [ACTORS.memA!, readRed],
      [ACTORS.pa!, readRed],
      [ACTORS.sys!, readRed],
    ];
    for (const [actor, request] of denied) {
      const error = errorOf(() => authorize(actor, ...request));
      expect([error.status, error.code]).toEqual([403, 'forbidden']);
    }
  });

  it('returns quietly when allowed', () => {
    expect(() => authorize(ACTORS.admA!, ...updateA)).not.toThrow();
    expect(() => authorize(ACTORS.partP!, ...readRed)).not.toThrow();
  });
});

describe('actor helpers', () => {
  const holds = (test: (actor: Actor) => boolean) => ACTOR_NAMES.filter((name) => test(ACTORS[name]!)).sort();

  it('isSignedIn: users only, whatever their credential', () => {
    expect(holds(isSignedIn)).toEqual(names('reg memU memA admA memB admU pa paNoMfa paToken tokA partP'));
  });

  it('isEffectivePlatformAdmin: admin with TOTP through a session only', () => {
    expect(holds(isEffectivePlatformAdmin)).toEqual(['pa']);
  });

  it('isCommunityMember: verified members, effective admins and the system', () => {
    expect(holds(isCommunityMember)).toEqual(names('memA admA memB pa tokA partP sys'));
  });

  it('roleIn', () => {
    expect(roleIn(ACTORS.admA!, A)).toBe('org_admin');
    expect(roleIn(ACTORS.memA!, A)).toBe('member');
    expect(roleIn(ACTORS.memA!, B)).toBeNull();
    expect(roleIn(ACTORS.pa!, A)).toBeNull();
    expect(roleIn(ANONYMOUS, A)).toBeNull();
    expect(roleIn(ACTORS.sys!, A)).toBeNull();
  });

  it('readScope', () => {
    expect(readScope(ANONYMOUS)).toEqual({
      isSignedIn: false,
      isCommunity: false,
      isSystem: false,
      orgIds: [],
    });
    expect(readScope(ACTORS.memU!)).toEqual({
      isSignedIn: true,
      isCommunity: false,
      isSystem: false,
      userId: 'usr_mem_u',
      orgIds: [U],
      orgScoped: false,
    });
    expect(readScope(ACTORS.tokA!)).toMatchObject({ userId: 'usr_tok_a', orgIds: [A], orgScoped: true });
    expect(readScope(ACTORS.pa!)).toMatchObject({ isCommunity: true, orgIds: [] });
    expect(readScope(ACTORS.paToken!)).toMatchObject({ isCommunity: false });
    expect(readScope(ACTORS.sys!)).toEqual({
      isSignedIn: true,
      isCommunity: true,
      isSystem: true,
      orgIds: [],
    });
  });

  it('rejects a wrong action/resource pairing at compile time', () => {
    // Never called: tsc fails the build if either line stops being a type error.
    const wrongPairings = () => [
      // @ts-expect-error: record.read takes a record, not an organization
      can(ANONYMOUS, 'record.read', orgA),
      // @ts-expect-error: organization.verify takes an organization, not the platform
      can(ANONYMOUS, 'organization.verify', PLATFORM),
    ];
    expect(wrongPairings).toBeTypeOf('function');
  });
});
