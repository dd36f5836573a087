import { describe, expect, it } from 'vitest';
import type { Actor, ActorMembership, UserActor } from './actor.ts';
import { ANONYMOUS } from './actor.ts';
import { type AccessRequest, can, type ParticipantSeatResource } from './policy.ts';

// Organizations: S a verified State, C a verified civil-society organization, X an unverified one.
const S = 'org_state';
const C = 'org_civil';
const X = 'org_unverified';

const membership = (
  orgId: string,
  orgKind: ActorMembership['orgKind'],
  role: ActorMembership['role'],
  isOrgVerified = true,
) => ({
  orgId,
  orgKind,
  role,
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

const ACTORS: Record<string, Actor> = {
  anon: ANONYMOUS,
  reg: user('usr_reg', []),
  stateAdm: user('usr_state_adm', [membership(S, 'state', 'org_admin')]),
  stateMem: user('usr_state_mem', [membership(S, 'state', 'member')]),
  csAdm: user('usr_cs_adm', [membership(C, 'civil_society', 'org_admin')]),
  csMem: user('usr_cs_mem', [membership(C, 'civil_society', 'member')]),
  csTok: user('usr_cs_tok', [membership(C, 'civil_society', 'org_admin')], {
    via: 'token',
    tokenId: 'tok_c',
  }),
  unvAdm: user('usr_unv_adm', [membership(X, 'civil_society', 'org_admin', false)]),
  chair: user('usr_chair', []),
  pa: user('usr_pa', [], { isPlatformAdmin: true, hasMfa: true }),
  paToken: user('usr_pa_tok', [], { isPlatformAdmin: true, hasMfa: true, via: 'token', tokenId: 'tok_pa' }),
  sys: { type: 'system', label: 'accreditation deadline' },
};

const organization = (id: string, verificationStatus: 'verified' | 'unverified' = 'verified') =>
  ({ type: 'organization', id, verificationStatus }) as const;
const seat = (orgId: string, isAccredited: boolean): ParticipantSeatResource => ({
  type: 'participant_seat',
  orgId,
  isAccredited,
});
const PLATFORM = { type: 'platform' } as const;

type Case = [name: string, request: AccessRequest, allowed: string];

const CASES: Case[] = [
  ['define processes', ['process.manage', PLATFORM], 'pa sys'],
  ['moderate statements', ['statement.moderate', PLATFORM], 'pa sys'],
  ['moderate CBM proposals', ['measure.moderate', PLATFORM], 'pa sys'],
  // Only an admin of a verified non-State organization applies; States take part by right.
  ['apply for C', ['accreditation.apply', organization(C)], 'csAdm csTok'],
  ['apply for S', ['accreditation.apply', organization(S)], ''],
  ['apply for unverified X', ['accreditation.apply', organization(X, 'unverified')], ''],
  // Only a verified State's admin objects.
  ['object as S', ['accreditation.object', organization(S)], 'stateAdm'],
  ['object as C', ['accreditation.object', organization(C)], ''],
  // A pending application: the secretariat, the applicant and the States.
  [
    'read C’s pending application',
    ['accreditation.read_pending', { type: 'application', applicantOrgId: C }],
    'stateAdm stateMem csAdm csMem csTok pa sys',
  ],
  [
    'read X’s pending application',
    ['accreditation.read_pending', { type: 'application', applicantOrgId: X }],
    'stateAdm stateMem unvAdm pa sys',
  ],
  [
    'read every pending application',
    ['accreditation.read_all_pending', PLATFORM],
    'stateAdm stateMem pa sys',
  ],
  ['act for C', ['organization.act_for', organization(C)], 'csAdm csMem csTok pa sys'],
  ['act for X, unverified', ['organization.act_for', organization(X, 'unverified')], 'unvAdm pa sys'],
  // An objection's author and reason: the secretariat and that State only, never the public.
  [
    'read S’s objection',
    ['accreditation.objection.read', { type: 'objection', stateOrgId: S }],
    'stateAdm stateMem pa sys',
  ],
  ['join a group for S', ['group.join', seat(S, false)], 'stateAdm'],
  ['join a group for C, not accredited', ['group.join', seat(C, false)], ''],
  ['join a group for C, accredited', ['group.join', seat(C, true)], 'csAdm csTok'],
  ['chair a group', ['group.chair', { type: 'chaired', chairUserIds: ['usr_chair'] }], 'chair pa sys'],
  ['run a process-level draft', ['group.chair', { type: 'chaired', chairUserIds: [] }], 'pa sys'],
  // A non-accredited organization cannot comment; members of a State or an accredited one can.
  ['contribute for C, not accredited', ['participation.contribute', seat(C, false)], ''],
  ['contribute for C, accredited', ['participation.contribute', seat(C, true)], 'csAdm csMem csTok'],
  ['contribute for S', ['participation.contribute', seat(S, false)], 'stateAdm stateMem'],
  ['contribute for X, unverified', ['participation.contribute', seat(X, true)], ''],
  ['propose a CBM for C', ['measure.propose', organization(C)], 'csAdm csMem csTok'],
  ['propose a CBM for X', ['measure.propose', organization(X, 'unverified')], ''],
  ['report implementation for S', ['measure.report', organization(S)], 'stateAdm stateMem'],
  ['report implementation for C', ['measure.report', organization(C)], ''],
];

const names = (list: string) => list.split(' ').filter(Boolean).sort();

describe('participation access matrix', () => {
  it.each(CASES)('%s', (_name, request, allowed) => {
    const granted = Object.entries(ACTORS)
      .filter(([, actor]) => can(actor, ...request))
      .map(([name]) => name)
      .sort();
    expect(granted).toEqual(names(allowed));
  });
});
