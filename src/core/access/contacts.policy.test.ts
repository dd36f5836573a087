import { describe, expect, it } from 'vitest';
import { A, ACTORS, B, names, org, orgA, orgU, PLATFORM, U } from './fixtures.ts';
import {
  type AccessRequest,
  authorize,
  can,
  type PocEntryReadResource,
  type PocEntryResource,
} from './policy.ts';

// The points-of-contact directory: who nominates, who reconfirms, who searches. Actors and organizations
// come from fixtures.ts: A and B verified, U unverified; admA and tokA (an API token) administer A, memA is
// a member of A, partP and memB members of B, memU and admU of U; pa is a platform admin signed in with TOTP.

const entry = (orgId: string, holderUserId: string): PocEntryResource => ({
  type: 'poc_entry',
  orgId,
  holderUserId,
});

const read = (orgId: string, isOrgVerified: boolean, isHolderCurrent: boolean): PocEntryReadResource => ({
  type: 'poc_entry_read',
  orgId,
  isOrgVerified,
  isHolderCurrent,
});

type Case = [name: string, request: AccessRequest, allowed: string];

const CASES: Case[] = [
  // Nominating, editing and removing: an admin of the verified organization, or the secretariat with TOTP.
  ['manage A’s contacts', ['contact.manage', orgA], 'admA tokA pa sys'],
  ['manage B’s contacts (no admin among the actors)', ['contact.manage', org(B, 'verified')], 'pa sys'],
  // An unverified organization's own admin may not nominate until the organization is verified.
  ['manage U’s contacts', ['contact.manage', orgU], 'pa sys'],
  ['manage U’s contacts once rejected', ['contact.manage', org(U, 'rejected')], 'pa sys'],
  // Reconfirming: the holder, an admin of the (verified) organization, the secretariat.
  ['confirm A’s entry held by memA', ['contact.confirm', entry(A, 'usr_mem_a')], 'memA admA tokA pa sys'],
  ['confirm A’s entry held by admA', ['contact.confirm', entry(A, 'usr_adm_a')], 'admA tokA pa sys'],
  // A holder who is not (or no longer) a member of the organization cannot confirm for it.
  ['confirm A’s entry held by partP of B', ['contact.confirm', entry(A, 'usr_p')], 'admA tokA pa sys'],
  ['confirm U’s entry held by memU', ['contact.confirm', entry(U, 'usr_mem_u')], 'pa sys'],
  // Searching: the verified community; never the public, an unverified organization or a platform-admin
  // token or sign-in without TOTP.
  ['search the directory', ['contact.search', PLATFORM], 'memA admA memB tokA partP pa sys'],
  // Reading one entry: the community for a verified organization's entry whose holder is still a member;
  // the organization's own members always; the secretariat always.
  ['read A’s entry', ['contact.read', read(A, true, true)], 'memA admA memB tokA partP pa sys'],
  ['read A’s entry whose holder left', ['contact.read', read(A, true, false)], 'memA admA tokA pa sys'],
  ['read U’s entry', ['contact.read', read(U, false, true)], 'memU admU pa sys'],
  ['read every entry', ['contact.read_all', PLATFORM], 'pa sys'],
];

describe('contacts access matrix', () => {
  it.each(CASES)('%s', (_name, request, allowed) => {
    const granted = Object.entries(ACTORS)
      .filter(([, actor]) => can(actor, ...request))
      .map(([name]) => name)
      .sort();
    expect(granted).toEqual(names(allowed));
  });

  it('answers a denied anonymous request with 401 and a denied signed-in one with 403', () => {
    const statusOf = (run: () => void) => {
      try {
        run();
        return 200;
      } catch (error) {
        return (error as { status: number }).status;
      }
    };
    expect(statusOf(() => authorize(ACTORS.anon!, 'contact.search', PLATFORM))).toBe(401);
    expect(statusOf(() => authorize(ACTORS.memU!, 'contact.search', PLATFORM))).toBe(403);
    expect(statusOf(() => authorize(ACTORS.admU!, 'contact.manage', orgU))).toBe(403);
    expect(statusOf(() => authorize(ACTORS.memA!, 'contact.manage', orgA))).toBe(403);
    expect(statusOf(() => authorize(ACTORS.admA!, 'contact.manage', orgA))).toBe(200);
    expect(statusOf(() => authorize(ACTORS.memA!, 'contact.confirm', entry(A, 'usr_mem_a')))).toBe(200);
  });
});
