import { describe, expect, it } from 'vitest';
import type { ActorMembership, UserActor } from './actor.ts';
import type { RecordResource } from './audience.ts';
import { A, ACTOR_NAMES, ACTORS, ALL, B, names, org, orgA, orgU, PLATFORM, record, U } from './fixtures.ts';
import { type AccessRequest, can } from './policy.ts';

type Case = [name: string, request: AccessRequest, allowed: string];

const ORGANIZATION_CASES: Case[] = [
  ['read A', ['organization.read', orgA], ALL],
  ['update A', ['organization.update', orgA], 'admA pa tokA sys'],
  ['verify A', ['organization.verify', orgA], 'pa sys'],
  ['members.read A', ['organization.members.read', orgA], 'memA admA pa tokA sys'],
  ['members.manage A', ['organization.members.manage', orgA], 'admA pa tokA sys'],
  ['invitations.manage A', ['organization.invitations.manage', orgA], 'admA pa tokA sys'],
  ['webhooks.manage A', ['organization.webhooks.manage', orgA], 'admA pa tokA sys'],
  ['audit.read A', ['organization.audit.read', orgA], 'admA pa tokA sys'],
  ['tokens.create A', ['organization.tokens.create', orgA], 'memA admA sys'],
  ['read U', ['organization.read', orgU], 'memU admU pa sys'],
  ['update U', ['organization.update', orgU], 'admU pa sys'],
  ['verify U', ['organization.verify', orgU], 'pa sys'],
  ['members.read U', ['organization.members.read', orgU], 'memU admU pa sys'],
  ['members.manage U', ['organization.members.manage', orgU], 'admU pa sys'],
  ['invitations.manage U', ['organization.invitations.manage', orgU], 'admU pa sys'],
  ['webhooks.manage U', ['organization.webhooks.manage', orgU], 'admU pa sys'],
  ['audit.read U', ['organization.audit.read', orgU], 'admU pa sys'],
  ['tokens.create U', ['organization.tokens.create', orgU], 'memU admU sys'],
];

const PLATFORM_CASES: Case[] = [
  [
    'organization.create',
    ['organization.create', PLATFORM],
    'reg memU memA admA memB admU pa paNoMfa partP sys',
  ],
  ['audit.read_all', ['audit.read_all', PLATFORM], 'pa sys'],
  ['users.manage', ['users.manage', PLATFORM], 'pa sys'],
];

// Key: visibility, TLP label ('none' = unlabelled), participant orgs ('B' or '-'). Owner A, named user P.
const GREEN = 'memA admA memB pa tokA partP sys';
const RECORD_EXPECTATIONS: Record<string, string> = {
  'public none B': ALL,
  'public TLP:CLEAR B': ALL,
  'public TLP:GREEN B': GREEN,
  'public TLP:AMBER B': 'memA admA tokA memB partP sys',
  'public TLP:AMBER+STRICT B': 'memA admA tokA memB partP sys',
  'public TLP:RED B': 'partP',
  'public none -': ALL,
  'public TLP:CLEAR -': ALL,
  'public TLP:GREEN -': GREEN,
  'public TLP:AMBER -': 'memA admA tokA partP sys',
  'public TLP:AMBER+STRICT -': 'memA admA tokA partP sys',
  'public TLP:RED -': 'partP',
  'registered none B': 'reg memU memA admA memB admU pa paNoMfa paToken tokA partP sys',
  'registered TLP:CLEAR B': 'reg memU memA admA memB admU pa paNoMfa paToken tokA partP sys',
  'registered TLP:GREEN B': GREEN,
  'registered TLP:AMBER B': 'memA admA tokA memB partP sys',
  'registered TLP:AMBER+STRICT B': 'memA admA tokA memB partP sys',
  'registered TLP:RED B': 'partP',
  'registered none -': 'reg memU memA admA memB admU pa paNoMfa paToken tokA partP sys',
  'registered TLP:CLEAR -': 'reg memU memA admA memB admU pa paNoMfa paToken tokA partP sys',
  'registered TLP:GREEN -': GREEN,
  'registered TLP:AMBER -': 'memA admA tokA partP sys',
  'registered TLP:AMBER+STRICT -': 'memA admA tokA partP sys',
  'registered TLP:RED -': 'partP',
  'community none B': GREEN,
  'community TLP:CLEAR B': GREEN,
  'community TLP:GREEN B': GREEN,
  'community TLP:AMBER B': 'memA admA tokA memB partP sys',
  'community TLP:AMBER+STRICT B': 'memA admA tokA memB partP sys',
  'community TLP:RED B': 'partP',
  'community none -': GREEN,
  'community TLP:CLEAR -': GREEN,
  'community TLP:GREEN -': GREEN,
  'community TLP:AMBER -': 'memA admA tokA partP sys',
  'community TLP:AMBER+STRICT -': 'memA admA tokA partP sys',
  'community TLP:RED -': 'partP',
  'participants none B': 'memA admA tokA memB partP sys',
  'participants TLP:CLEAR B': 'memA admA tokA memB partP sys',
  'participants TLP:GREEN B': 'memA admA tokA memB partP sys',
  'participants TLP:AMBER B': 'memA admA tokA memB partP sys',
  'participants TLP:AMBER+STRICT B': 'memA admA tokA memB partP sys',
  'participants TLP:RED B': 'partP',
  'participants none -': 'memA admA tokA partP sys',
  'participants TLP:CLEAR -': 'memA admA tokA partP sys',
  'participants TLP:GREEN -': 'memA admA tokA partP sys',
  'participants TLP:AMBER -': 'memA admA tokA partP sys',
  'participants TLP:AMBER+STRICT -': 'memA admA tokA partP sys',
  'participants TLP:RED -': 'partP',
};

const VISIBILITY_VALUES = ['public', 'registered', 'community', 'participants'] as const;
const TLP_VALUES = [null, 'TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'] as const;
const RECORD_CASES: Case[] = VISIBILITY_VALUES.flatMap((visibility) =>
  TLP_VALUES.flatMap((tlp) =>
    (['B', '-'] as const).map((orgs): Case => {
      const key = `${visibility} ${tlp ?? 'none'} ${orgs}`;
      const allowed = RECORD_EXPECTATIONS[key];
      if (allowed === undefined) throw new Error(`No expectation written for ${key}`);
      const participantOrgIds = orgs === 'B' ? [B] : [];
      return [key, ['record.read', record({ visibility, tlp, participantOrgIds })], allowed];
    }),
  ),
);

const EDGE_CASES: Case[] = [
  [
    'rejected org is read like an unverified one',
    ['organization.read', org(U, 'rejected')],
    'memU admU pa sys',
  ],
  ['an admin of A does not manage B', ['organization.update', org(B, 'verified')], 'pa sys'],
  ['tokens for B only by its members', ['organization.tokens.create', org(B, 'verified')], 'memB partP sys'],
  [
    'unverified owner reads its own community GREEN record',
    [
      'record.read',
      record({ ownerOrgId: U, visibility: 'community', tlp: 'TLP:GREEN', participantUserIds: [] }),
    ],
    `${GREEN} memU admU`,
  ],
  [
    'STRICT reaches an unverified participant org but not the community',
    ['record.read', record({ tlp: 'TLP:AMBER+STRICT', participantOrgIds: [U], participantUserIds: [] })],
    'memA admA tokA memU admU sys',
  ],
  [
    'a named person without an organization reads RED',
    [
      'record.read',
      record({
        ownerOrgId: null,
        visibility: 'participants',
        tlp: 'TLP:RED',
        participantUserIds: ['usr_reg'],
      }),
    ],
    'reg',
  ],
  [
    'a named person without an organization reads GREEN',
    [
      'record.read',
      record({
        ownerOrgId: null,
        visibility: 'participants',
        tlp: 'TLP:GREEN',
        participantUserIds: ['usr_reg'],
      }),
    ],
    'reg sys',
  ],
  [
    'RED naming nobody reaches nobody',
    [
      'record.read',
      record({ visibility: 'registered', tlp: 'TLP:RED', participantOrgIds: [B], participantUserIds: [] }),
    ],
    '',
  ],
];

const ALL_CASES = [...ORGANIZATION_CASES, ...PLATFORM_CASES, ...RECORD_CASES, ...EDGE_CASES];

describe('can: actors × actions matrix', () => {
  it('runs every case', () => {
    expect(ORGANIZATION_CASES).toHaveLength(18);
    expect(PLATFORM_CASES).toHaveLength(3);
    expect(Object.keys(RECORD_EXPECTATIONS)).toHaveLength(48);
    expect(RECORD_CASES).toHaveLength(48);
    expect(ALL_CASES).toHaveLength(77);
    expect(ACTOR_NAMES).toHaveLength(13);
  });

  it('names only known actors in the expectations', () => {
    for (const [, , allowed] of ALL_CASES) {
      for (const name of names(allowed)) expect(ACTOR_NAMES).toContain(name);
    }
  });

  it.each(ALL_CASES)('%s', (_name, request, allowed) => {
    const actual = ACTOR_NAMES.filter((name) => can(ACTORS[name]!, ...request)).sort();
    expect(actual).toEqual(names(allowed));
  });
});

describe('record.read: a token names its owner only within its organization', () => {
  // One person, named on records, signed in through a session or holding a token scoped to B or to A.
  const person = { ...(ACTORS.partP as UserActor) };
  const withSession: UserActor = { ...person, memberships: [memberOf(A), memberOf(B)] };
  const tokenOfB: UserActor = { ...withSession, memberships: [memberOf(B)], via: 'token', tokenId: 'tok_b' };
  const tokenOfA: UserActor = { ...withSession, memberships: [memberOf(A)], via: 'token', tokenId: 'tok_a' };
  const readers = { withSession, tokenOfB, tokenOfA };
  const readersOf = (resource: RecordResource) =>
    Object.entries(readers)
      .filter(([, actor]) => can(actor, 'record.read', resource))
      .map(([name]) => name)
      .sort();

  it('RED owned by A, naming the person: a token of B reads nothing, a token of A and the session do', () => {
    const red = record({ visibility: 'participants', tlp: 'TLP:RED', participantUserIds: ['usr_p'] });
    expect(readersOf(red)).toEqual(['tokenOfA', 'withSession']);
  });

  it('RED where B takes part: the token of B reads it as well', () => {
    const red = record({
      visibility: 'participants',
      tlp: 'TLP:RED',
      participantOrgIds: [B],
      participantUserIds: ['usr_p'],
    });
    expect(readersOf(red)).toEqual(['tokenOfA', 'tokenOfB', 'withSession']);
  });

  it('AMBER owned by U, naming the person: only the session reads it (neither token organization is involved)', () => {
    const amber = record({
      ownerOrgId: U,
      visibility: 'participants',
      tlp: 'TLP:AMBER',
      participantUserIds: ['usr_p'],
    });
    expect(readersOf(amber)).toEqual(['withSession']);
  });

  it('a record owned by a person names its token holder nowhere', () => {
    const red = record({
      ownerOrgId: null,
      visibility: 'participants',
      tlp: 'TLP:RED',
      participantUserIds: ['usr_p'],
    });
    expect(readersOf(red)).toEqual(['withSession']);
  });
});

function memberOf(orgId: string): ActorMembership {
  return { orgId, role: 'member', orgKind: 'cert', isOrgVerified: true };
}
