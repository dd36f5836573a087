import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.ts';
import { A, ACTOR_NAMES, ACTORS, B, names, org, orgA, orgU, record, U } from './fixtures.ts';
import type { SharingCollectionResource } from './policy.ts';
import { can } from './policy.ts';
import type { TlpLabel } from './tlp.ts';
import type { Visibility } from './visibility.ts';

/*
 * The access matrix of threat sharing (TAXII 2.1): who lists and reads a collection, who adds to it, who
 * manages it and an organization's feeds, and who reads each object in it. An object is a record: the
 * collection's visibility, its own TLP label, owned by the organization that shared it, naming the
 * collection's owner and members (so AMBER reaches them) and no person (so RED reaches nobody).
 */

const EXTRA: Record<string, Actor> = {
  link: { type: 'link_holder', grant: { kind: 'vulnerability_report', id: 'vr_1' } },
};
const ALL_ACTORS: Record<string, Actor> = { ...ACTORS, ...EXTRA };
const EVERYONE = names(`${ACTOR_NAMES.join(' ')} link`);

function allowed(check: (actor: Actor) => boolean): string[] {
  return Object.entries(ALL_ACTORS)
    .filter(([, actor]) => check(actor))
    .map(([name]) => name)
    .sort();
}

const collection = (overrides: Partial<SharingCollectionResource> = {}): SharingCollectionResource => ({
  type: 'sharing_collection',
  ownerOrgId: A,
  visibility: 'community',
  memberOrgIds: [],
  writerOrgIds: [],
  ...overrides,
});

/** An object in a collection, as the sharing module hands it to the policy. */
const object = (
  tlp: TlpLabel,
  fields: { visibility?: Visibility; sharedBy?: string | null; collectionOrgIds?: string[] } = {},
) =>
  record({
    visibility: fields.visibility ?? 'community',
    tlp,
    ownerOrgId: fields.sharedBy === undefined ? A : fields.sharedBy,
    participantOrgIds: fields.collectionOrgIds ?? [A, B],
    participantUserIds: [],
  });

describe('access: sharing collections', () => {
  it('covers every shared actor', () => {
    expect(Object.keys(ALL_ACTORS)).toEqual([...ACTOR_NAMES, 'link']);
  });

  it('lists a collection to its visibility’s audience, with its owner and members always in it', () => {
    const read = (resource: SharingCollectionResource) =>
      allowed((actor) => can(actor, 'sharing.collection.read', resource));
    expect(read(collection({ visibility: 'public' }))).toEqual(EVERYONE);
    expect(read(collection({ visibility: 'registered' }))).toEqual(
      names('reg memU memA admA memB admU pa paNoMfa paToken tokA partP sys'),
    );
    // The community: verified organizations and platform admins signed in with a second factor.
    expect(read(collection({ visibility: 'community' }))).toEqual(names('memA admA memB pa tokA partP sys'));
    // An unverified member organization still reads what it was made a member of.
    expect(read(collection({ visibility: 'community', memberOrgIds: [U] }))).toEqual(
      names('memA admA memB memU admU pa tokA partP sys'),
    );
    // Participants: the owner and the members, and no secretariat bypass.
    expect(read(collection({ visibility: 'participants', memberOrgIds: [B] }))).toEqual(
      names('memA admA memB tokA partP sys'),
    );
    expect(read(collection({ visibility: 'participants', ownerOrgId: null }))).toEqual(names('sys'));
    // Being a writer alone does not open a participants collection.
    expect(read(collection({ visibility: 'participants', writerOrgIds: [B] }))).toEqual(
      names('memA admA tokA sys'),
    );
  });

  it('lets members of the verified owner and writer organizations add objects, and nobody else', () => {
    const write = (resource: SharingCollectionResource) =>
      allowed((actor) => can(actor, 'sharing.collection.write', resource));
    expect(write(collection())).toEqual(names('memA admA tokA sys'));
    expect(write(collection({ writerOrgIds: [B] }))).toEqual(names('memA admA memB tokA partP sys'));
    // Membership is not writing; an unverified writer or owner does not write.
    expect(write(collection({ memberOrgIds: [B] }))).toEqual(names('memA admA tokA sys'));
    expect(write(collection({ writerOrgIds: [U] }))).toEqual(names('memA admA tokA sys'));
    expect(write(collection({ ownerOrgId: U }))).toEqual(names('sys'));
    // The instance's own collections are written by the platform only (e.g. published incidents).
    expect(write(collection({ ownerOrgId: null, visibility: 'public' }))).toEqual(names('sys'));
  });

  it('lets the verified owner’s admins and the secretariat (with a second factor) manage collections', () => {
    const manage = (resource: SharingCollectionResource) =>
      allowed((actor) => can(actor, 'sharing.collection.manage', resource));
    expect(manage(collection())).toEqual(names('admA tokA pa sys'));
    expect(manage(collection({ writerOrgIds: [B], memberOrgIds: [B] }))).toEqual(names('admA tokA pa sys'));
    expect(manage(collection({ ownerOrgId: U }))).toEqual(names('pa sys'));
    expect(manage(collection({ ownerOrgId: null }))).toEqual(names('pa sys'));
  });

  it('lets an organization’s admins, and the secretariat, manage its feeds', () => {
    const manage = (resource: typeof orgA) => allowed((actor) => can(actor, 'sharing.feed.manage', resource));
    expect(manage(orgA)).toEqual(names('admA tokA pa sys'));
    expect(manage(org(B, 'verified'))).toEqual(names('pa sys'));
    // An unverified organization polls nothing into the community until verified.
    expect(manage(orgU)).toEqual(names('pa sys'));
  });
});

describe('access: objects in a collection', () => {
  const read = (resource: ReturnType<typeof object>) =>
    allowed((actor) => can(actor, 'record.read', resource));

  it('sends CLEAR and GREEN to the collection’s audience and AMBER to the sharing organization, owner and members', () => {
    const community = names('memA admA memB pa tokA partP sys');
    expect(read(object('TLP:CLEAR'))).toEqual(community);
    expect(read(object('TLP:GREEN'))).toEqual(community);
    expect(read(object('TLP:AMBER'))).toEqual(names('memA admA memB tokA partP sys'));
    expect(read(object('TLP:AMBER+STRICT'))).toEqual(names('memA admA memB tokA partP sys'));
  });

  it('never sends TLP:RED: no person is named on a shared object', () => {
    expect(read(object('TLP:RED'))).toEqual([]);
    expect(read(object('TLP:RED', { visibility: 'public', sharedBy: B }))).toEqual([]);
  });

  it('sends AMBER to the organization that shared it even in a collection it is no member of', () => {
    expect(read(object('TLP:AMBER', { sharedBy: B, collectionOrgIds: [] }))).toEqual(names('memB partP sys'));
    expect(read(object('TLP:AMBER', { sharedBy: null, collectionOrgIds: [] }))).toEqual(names('sys'));
  });

  it('keeps GREEN from anonymous readers and unverified organizations even in a public collection', () => {
    expect(read(object('TLP:CLEAR', { visibility: 'public' }))).toEqual(EVERYONE);
    expect(read(object('TLP:GREEN', { visibility: 'public' }))).toEqual(
      names('memA admA memB pa tokA partP sys'),
    );
    expect(read(object('TLP:CLEAR', { visibility: 'registered', collectionOrgIds: [] }))).toEqual(
      names('reg memU memA admA memB admU pa paNoMfa paToken tokA partP sys'),
    );
    expect(
      read(object('TLP:GREEN', { visibility: 'registered', sharedBy: U, collectionOrgIds: [] })),
    ).toEqual(names('memA admA memB memU admU pa tokA partP sys'));
  });
});
