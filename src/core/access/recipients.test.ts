import { describe, expect, it } from 'vitest';
import type { RecordResource } from './audience.ts';
import { canReceive, filterRecipients, type Recipient } from './recipients.ts';

// Organizations: A and B verified, C verified but uninvolved, U unverified. A owns the records; P is named.
const A = 'org_a';
const B = 'org_b';
const C = 'org_c';
const U = 'org_u';

const RECIPIENTS: Record<string, Recipient> = {
  public: { kind: 'public' },
  userNoOrg: { kind: 'user', userId: 'usr_none', memberships: [] },
  userU: { kind: 'user', userId: 'usr_u', memberships: [{ orgId: U, isOrgVerified: false }] },
  userA: { kind: 'user', userId: 'usr_a', memberships: [{ orgId: A, isOrgVerified: true }] },
  userB: { kind: 'user', userId: 'usr_b', memberships: [{ orgId: B, isOrgVerified: true }] },
  userP: { kind: 'user', userId: 'usr_p', memberships: [{ orgId: B, isOrgVerified: true }] },
  orgA: { kind: 'organization', orgId: A, isOrgVerified: true },
  orgB: { kind: 'organization', orgId: B, isOrgVerified: true },
  orgC: { kind: 'organization', orgId: C, isOrgVerified: true },
  orgU: { kind: 'organization', orgId: U, isOrgVerified: false },
};
const RECIPIENT_NAMES = Object.keys(RECIPIENTS);

function record(overrides: Partial<RecordResource>): RecordResource {
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

const EVERYONE = 'public userNoOrg userU userA userB userP orgA orgB orgC orgU';
const REGISTERED = 'userNoOrg userU userA userB userP orgA orgB orgC';
const COMMUNITY = 'userA userB userP orgA orgB orgC';

// Key: visibility, TLP label ('none' = unlabelled), participant orgs ('B' or '-'). Owner A, named user P.
const EXPECTATIONS: Record<string, string> = {
  'public none B': EVERYONE,
  'public TLP:CLEAR B': EVERYONE,
  'public TLP:GREEN B': COMMUNITY,
  'public TLP:AMBER B': 'userA userB userP orgA orgB',
  'public TLP:AMBER+STRICT B': 'userA userB userP orgA orgB',
  'public TLP:RED B': 'userP',
  'public none -': EVERYONE,
  'public TLP:CLEAR -': EVERYONE,
  'public TLP:GREEN -': COMMUNITY,
  'public TLP:AMBER -': 'userA userP orgA',
  'public TLP:AMBER+STRICT -': 'userA userP orgA',
  'public TLP:RED -': 'userP',
  'registered none B': REGISTERED,
  'registered TLP:CLEAR B': REGISTERED,
  'registered TLP:GREEN B': COMMUNITY,
  'registered TLP:AMBER B': 'userA userB userP orgA orgB',
  'registered TLP:AMBER+STRICT B': 'userA userB userP orgA orgB',
  'registered TLP:RED B': 'userP',
  'registered none -': REGISTERED,
  'registered TLP:CLEAR -': REGISTERED,
  'registered TLP:GREEN -': COMMUNITY,
  'registered TLP:AMBER -': 'userA userP orgA',
  'registered TLP:AMBER+STRICT -': 'userA userP orgA',
  'registered TLP:RED -': 'userP',
  'community none B': COMMUNITY,
  'community TLP:CLEAR B': COMMUNITY,
  'community TLP:GREEN B': COMMUNITY,
  'community TLP:AMBER B': 'userA userB userP orgA orgB',
  'community TLP:AMBER+STRICT B': 'userA userB userP orgA orgB',
  'community TLP:RED B': 'userP',
  'community none -': COMMUNITY,
  'community TLP:CLEAR -': COMMUNITY,
  'community TLP:GREEN -': COMMUNITY,
  'community TLP:AMBER -': 'userA userP orgA',
  'community TLP:AMBER+STRICT -': 'userA userP orgA',
  'community TLP:RED -': 'userP',
  'participants none B': 'userA userB userP orgA orgB',
  'participants TLP:CLEAR B': 'userA userB userP orgA orgB',
  'participants TLP:GREEN B': 'userA userB userP orgA orgB',
  'participants TLP:AMBER B': 'userA userB userP orgA orgB',
  'participants TLP:AMBER+STRICT B': 'userA userB userP orgA orgB',
  'participants TLP:RED B': 'userP',
  'participants none -': 'userA userP orgA',
  'participants TLP:CLEAR -': 'userA userP orgA',
  'participants TLP:GREEN -': 'userA userP orgA',
  'participants TLP:AMBER -': 'userA userP orgA',
  'participants TLP:AMBER+STRICT -': 'userA userP orgA',
  'participants TLP:RED -': 'userP',
};

type Case = [name: string, record: RecordResource, allowed: string];

const VISIBILITY_VALUES = ['public', 'registered', 'community', 'participants'] as const;
const TLP_VALUES = [null, 'TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'] as const;
const MATRIX_CASES: Case[] = VISIBILITY_VALUES.flatMap((visibility) =>
  TLP_VALUES.flatMap((tlp) =>
    (['B', '-'] as const).map((orgs): Case => {
      const key = `${visibility} ${tlp ?? 'none'} ${orgs}`;
      const allowed = EXPECTATIONS[key];
      if (allowed === undefined) throw new Error(`No expectation written for ${key}`);
      return [key, record({ visibility, tlp, participantOrgIds: orgs === 'B' ? [B] : [] }), allowed];
    }),
  ),
);

const EDGE_CASES: Case[] = [
  [
    'an unverified owner receives its own GREEN record',
    record({ ownerOrgId: U, visibility: 'registered', tlp: 'TLP:GREEN', participantUserIds: [] }),
    `${COMMUNITY} userU orgU`,
  ],
  [
    'an unverified participant org receives STRICT',
    record({ tlp: 'TLP:AMBER+STRICT', participantOrgIds: [U], participantUserIds: [] }),
    'userA orgA userU orgU',
  ],
  [
    'RED naming nobody goes nowhere, not even to the owner org',
    record({ tlp: 'TLP:RED', participantOrgIds: [B], participantUserIds: [] }),
    '',
  ],
];

const ALL_CASES = [...MATRIX_CASES, ...EDGE_CASES];
const names = (list: string) => list.split(' ').filter(Boolean).sort();

describe('canReceive: recipients × visibility × TLP', () => {
  it('runs every case', () => {
    expect(Object.keys(EXPECTATIONS)).toHaveLength(48);
    expect(ALL_CASES).toHaveLength(51);
    expect(RECIPIENT_NAMES).toHaveLength(10);
    for (const [, , allowed] of ALL_CASES) {
      for (const name of names(allowed)) expect(RECIPIENT_NAMES).toContain(name);
    }
  });

  it.each(ALL_CASES)('%s', (_name, labelled, allowed) => {
    const actual = RECIPIENT_NAMES.filter((name) => canReceive(RECIPIENTS[name]!, labelled)).sort();
    expect(actual).toEqual(names(allowed));
  });
});

describe('filterRecipients', () => {
  it('keeps the allowed recipients in order, with their own fields', () => {
    const endpoints = [
      { kind: 'organization', orgId: C, isOrgVerified: true, url: 'https://c.example/hook' },
      { kind: 'organization', orgId: U, isOrgVerified: false, url: 'https://u.example/hook' },
      { kind: 'organization', orgId: A, isOrgVerified: true, url: 'https://a.example/hook' },
    ] as const;
    const allowed = filterRecipients(endpoints, record({ visibility: 'registered', tlp: 'TLP:GREEN' }));
    expect(allowed.map((endpoint) => endpoint.url)).toEqual([
      'https://c.example/hook',
      'https://a.example/hook',
    ]);
  });

  it('returns nothing for RED to organizations', () => {
    const endpoints: Recipient[] = [RECIPIENTS.orgA!, RECIPIENTS.orgB!];
    expect(filterRecipients(endpoints, record({ tlp: 'TLP:RED', participantOrgIds: [B] }))).toEqual([]);
  });
});
