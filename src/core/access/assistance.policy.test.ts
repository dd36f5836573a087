import { describe, expect, it } from 'vitest';
import type { Actor, ActorMembership, UserActor } from './actor.ts';
import type { RecordResource } from './audience.ts';
import { can, readScope } from './policy.ts';
import { canReceive, type Recipient } from './recipients.ts';
import type { TlpLabel } from './tlp.ts';

/*
 * The access matrix of requests for assistance, as the policy sees them: a request is a RecordResource
 * owned by the sender organization, with the recipient organizations as participants and the sender and
 * the addressed POCs as named people ('participants' visibility for AMBER and RED, 'community' for GREEN
 * and CLEAR). Acting on a request is 'assistance.act_for' over the organization's POC holders.
 */

const SENDER_ORG = 'org_sender';
const RECIPIENT_ORG = 'org_recipient';
const THIRD_ORG = 'org_third';
const UNVERIFIED_ORG = 'org_unverified';

function member(orgId: string, isOrgVerified = true): ActorMembership {
  return { orgId, role: 'member', orgKind: 'cert', isOrgVerified };
}

function user(userId: string, memberships: ActorMembership[], extra: Partial<UserActor> = {}): UserActor {
  return {
    type: 'user',
    userId,
    email: `${userId}@example.test`,
    displayName: userId,
    isPlatformAdmin: false,
    hasMfa: true,
    memberships,
    via: 'session',
    ...extra,
  };
}

const ACTORS = {
  senderPoc: user('usr_sender_poc', [member(SENDER_ORG)]),
  senderColleague: user('usr_sender_colleague', [member(SENDER_ORG)]),
  namedRecipientPoc: user('usr_recipient_poc', [member(RECIPIENT_ORG)]),
  recipientMember: user('usr_recipient_member', [member(RECIPIENT_ORG)]),
  thirdOrgMember: user('usr_third', [member(THIRD_ORG)]),
  unverifiedMember: user('usr_unverified', [member(UNVERIFIED_ORG, false)]),
  platformAdmin: user('usr_admin', [], { isPlatformAdmin: true }),
  anonymous: { type: 'anonymous' } as Actor,
  system: { type: 'system', label: 'worker' } as Actor,
} satisfies Record<string, Actor>;
type ActorName = keyof typeof ACTORS;

function request(tlp: TlpLabel): RecordResource {
  return {
    type: 'record',
    visibility: tlp === 'TLP:GREEN' || tlp === 'TLP:CLEAR' ? 'community' : 'participants',
    tlp,
    ownerOrgId: SENDER_ORG,
    participantOrgIds: [RECIPIENT_ORG],
    participantUserIds: ['usr_sender_poc', 'usr_recipient_poc'],
  };
}

const READERS: Record<'TLP:RED' | 'TLP:AMBER+STRICT' | 'TLP:AMBER' | 'TLP:GREEN', ActorName[]> = {
  'TLP:RED': ['senderPoc', 'namedRecipientPoc'],
  'TLP:AMBER+STRICT': ['senderPoc', 'senderColleague', 'namedRecipientPoc', 'recipientMember', 'system'],
  'TLP:AMBER': ['senderPoc', 'senderColleague', 'namedRecipientPoc', 'recipientMember', 'system'],
  'TLP:GREEN': [
    'senderPoc',
    'senderColleague',
    'namedRecipientPoc',
    'recipientMember',
    'thirdOrgMember',
    'platformAdmin',
    'system',
  ],
};

describe('assistance requests under the one policy', () => {
  for (const [tlp, readers] of Object.entries(READERS) as [keyof typeof READERS, ActorName[]][]) {
    it(`${tlp}: exactly ${readers.join(', ')} read it`, () => {
      const record = request(tlp);
      const allowed = (Object.keys(ACTORS) as ActorName[]).filter((name) =>
        can(ACTORS[name], 'record.read', record),
      );
      expect(allowed).toEqual(readers);
    });
  }

  it('opens each side of the exchanges only to that organization’s members, never to the secretariat', () => {
    const sideReaders = (orgId: string) =>
      (Object.entries(ACTORS) as [ActorName, Actor][])
        .filter(([, actor]) => can(actor, 'record.side.read', { type: 'record_side', orgId }))
        .map(([name]) => name);
    expect(sideReaders(SENDER_ORG)).toEqual(['senderPoc', 'senderColleague']);
    expect(sideReaders(RECIPIENT_ORG)).toEqual(['namedRecipientPoc', 'recipientMember']);
    // A token lists only its own organization: its owner's other memberships open nothing.
    const token = user('usr_both', [member(THIRD_ORG)], { via: 'token' });
    expect(can(token, 'record.side.read', { type: 'record_side', orgId: RECIPIENT_ORG })).toBe(false);
  });

  it('gives the secretariat no bypass: without TOTP not even GREEN, with TOTP only as community', () => {
    const withoutTotp = user('usr_admin2', [], { isPlatformAdmin: true, hasMfa: false });
    expect(can(withoutTotp, 'record.read', request('TLP:GREEN'))).toBe(false);
    expect(can(ACTORS.platformAdmin, 'record.read', request('TLP:AMBER'))).toBe(false);
    expect(can(ACTORS.platformAdmin, 'record.read', request('TLP:RED'))).toBe(false);
    expect(readScope(ACTORS.platformAdmin).isCommunity).toBe(true);
  });

  it('lets mail and webhooks reach only the audience (canReceive)', () => {
    const person = (userId: string, orgId: string, isOrgVerified = true): Recipient => ({
      kind: 'user',
      userId,
      memberships: [{ orgId, isOrgVerified }],
    });
    const red = request('TLP:RED');
    expect(canReceive(person('usr_recipient_poc', RECIPIENT_ORG), red)).toBe(true);
    // An escalation names further POCs; until then, they are outside a RED request's audience.
    expect(canReceive(person('usr_recipient_diplomatic', RECIPIENT_ORG), red)).toBe(false);
    expect(
      canReceive(person('usr_recipient_diplomatic', RECIPIENT_ORG), {
        ...red,
        participantUserIds: [...red.participantUserIds, 'usr_recipient_diplomatic'],
      }),
    ).toBe(true);
    // Webhooks never carry RED; AMBER reaches the involved organizations' endpoints only.
    const endpoint = (orgId: string, isOrgVerified = true): Recipient => ({
      kind: 'organization',
      orgId,
      isOrgVerified,
    });
    expect(canReceive(endpoint(RECIPIENT_ORG), red)).toBe(false);
    expect(canReceive(endpoint(SENDER_ORG), red)).toBe(false);
    expect(canReceive(endpoint(RECIPIENT_ORG), request('TLP:AMBER'))).toBe(true);
    expect(canReceive(endpoint(THIRD_ORG), request('TLP:AMBER+STRICT'))).toBe(false);
    expect(canReceive(endpoint(THIRD_ORG), request('TLP:GREEN'))).toBe(true);
    expect(canReceive(endpoint(UNVERIFIED_ORG, false), request('TLP:GREEN'))).toBe(false);
    expect(canReceive({ kind: 'public' }, request('TLP:GREEN'))).toBe(false);
  });

  describe('assistance.act_for', () => {
    const holders = { type: 'poc_holders', orgId: SENDER_ORG, holderUserIds: ['usr_sender_poc'] } as const;

    it('lets a current POC of a verified organization act for it, with a second factor', () => {
      expect(can(ACTORS.senderPoc, 'assistance.act_for', holders)).toBe(true);
      expect(can({ ...ACTORS.senderPoc, hasMfa: false }, 'assistance.act_for', holders)).toBe(false);
      // Through an API token too, as long as the account has TOTP.
      expect(can({ ...ACTORS.senderPoc, via: 'token' }, 'assistance.act_for', holders)).toBe(true);
    });

    it('refuses colleagues, POCs of other organizations, unverified organizations, the secretariat and the system', () => {
      expect(can(ACTORS.senderColleague, 'assistance.act_for', holders)).toBe(false);
      expect(can(ACTORS.namedRecipientPoc, 'assistance.act_for', holders)).toBe(false);
      expect(can(ACTORS.platformAdmin, 'assistance.act_for', holders)).toBe(false);
      expect(can(ACTORS.system, 'assistance.act_for', holders)).toBe(false);
      expect(can(ACTORS.anonymous, 'assistance.act_for', holders)).toBe(false);
      // A holder who left the organization no longer acts for it.
      expect(can(user('usr_sender_poc', [member(THIRD_ORG)]), 'assistance.act_for', holders)).toBe(false);
      const unverified = {
        type: 'poc_holders',
        orgId: UNVERIFIED_ORG,
        holderUserIds: ['usr_unverified'],
      } as const;
      expect(can(ACTORS.unverifiedMember, 'assistance.act_for', unverified)).toBe(false);
    });
  });
});
