/** Actors, organizations and records shared by the access tests. */
import type { Actor, ActorMembership, UserActor } from './actor.ts';
import { ANONYMOUS } from './actor.ts';
import type { RecordResource } from './audience.ts';
import type { OrganizationResource } from './policy.ts';

// Organizations: A and B verified, U unverified. A owns the records; B may take part; P is a named person.
export const A = 'org_a';
export const B = 'org_b';
export const U = 'org_u';

const member = (orgId: string, isOrgVerified: boolean, role: ActorMembership['role']): ActorMembership => ({
  orgId,
  role,
  orgKind: 'cert',
  isOrgVerified,
});

function user(userId: string, memberships: ActorMembership[], extra: Partial<UserActor> = {}): UserActor {
  return {
    type: 'user',
    userId,
    email: `${userId}@example.org`,
    displayName: userId,
    isPlatformAdmin: false,
    hasMfa: false,
    memberships,
    via: 'session',
    ...extra,
  };
}

export const ACTORS: Record<string, Actor> = {
  anon: ANONYMOUS,
  reg: user('usr_reg', []),
  memU: user('usr_mem_u', [member(U, false, 'member')]),
  memA: user('usr_mem_a', [member(A, true, 'member')]),
  admA: user('usr_adm_a', [member(A, true, 'org_admin')]),
  memB: user('usr_mem_b', [member(B, true, 'member')]),
  admU: user('usr_adm_u', [member(U, false, 'org_admin')]),
  pa: user('usr_pa', [], { isPlatformAdmin: true, hasMfa: true }),
  paNoMfa: user('usr_pa_nomfa', [], { isPlatformAdmin: true, hasMfa: false }),
  paToken: user('usr_pa_token', [], { isPlatformAdmin: true, hasMfa: true, via: 'token', tokenId: 'tok_1' }),
  // An org_admin's token: shows which admin actions tokens may and may not carry.
  tokA: user('usr_tok_a', [member(A, true, 'org_admin')], { via: 'token', tokenId: 'tok_2' }),
  partP: user('usr_p', [member(B, true, 'member')]),
  sys: { type: 'system', label: 'delivery-worker' },
};
export const ACTOR_NAMES = Object.keys(ACTORS);
export const ALL = 'anon reg memU memA admA memB admU pa paNoMfa paToken tokA partP sys';

export const org = (id: string, verificationStatus: OrganizationResource['verificationStatus']) =>
  ({ type: 'organization', id, verificationStatus }) as const;
export const orgA = org(A, 'verified');
export const orgU = org(U, 'unverified');
export const PLATFORM = { type: 'platform' } as const;

export function record(overrides: Partial<RecordResource>): RecordResource {
  return {
    type: 'record',
    visibility: 'public',
    tlp: null,
    ownerOrgId: A,
    participantOrgIds: [],
    participantUserIds: ['usr_p'],
    ...overrides,
  };
}

/** Names from a space-separated list, sorted so they compare with `toEqual`. */
export const names = (list: string) => list.split(' ').filter(Boolean).sort();
