import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.ts';
import { ACTORS, B, names, orgA, orgU, record, U } from './fixtures.ts';
import type { IncidentEditorialState, IncidentResource } from './policy.ts';
import { can } from './policy.ts';

/*
 * The access matrix of incident records, which organization A keeps. usr_p (partP, a member of B) is the
 * person named on the record; B takes part where a test says so.
 */

const incident = (
  editorialState: IncidentEditorialState,
  overrides: Partial<IncidentResource['record']> = {},
  submittedByUserId: string | null = null,
): IncidentResource => ({ type: 'incident', editorialState, record: record(overrides), submittedByUserId });

function allowed(check: (actor: Actor) => boolean): string[] {
  return Object.entries(ACTORS)
    .filter(([, actor]) => check(actor))
    .map(([name]) => name)
    .sort();
}

describe('access: incidents', () => {
  it('lets members of verified organizations record incidents for them, and nobody for an unverified one', () => {
    expect(allowed((actor) => can(actor, 'incident.record', orgA))).toEqual(names('memA admA tokA'));
    expect(allowed((actor) => can(actor, 'incident.record', orgU))).toEqual([]);
  });

  it('keeps drafts and texts under review inside the owner organization, without a secretariat bypass', () => {
    for (const state of ['draft', 'review'] as const) {
      expect(
        allowed((actor) => can(actor, 'incident.read', incident(state))),
        state,
      ).toEqual(names('memA admA tokA'));
    }
  });

  it('opens a published public TLP:CLEAR incident to everyone, and keeps a withdrawn one readable', () => {
    const everyone = Object.keys(ACTORS).sort();
    expect(
      allowed((actor) => can(actor, 'incident.read', incident('published', { tlp: 'TLP:CLEAR' }))),
    ).toEqual(everyone);
    expect(
      allowed((actor) => can(actor, 'incident.read', incident('withdrawn', { tlp: 'TLP:CLEAR' }))),
    ).toEqual(everyone);
  });

  it('narrows a published incident by TLP and visibility', () => {
    const read = (overrides: Partial<IncidentResource['record']>) =>
      allowed((actor) => can(actor, 'incident.read', incident('published', overrides)));
    expect(read({ tlp: 'TLP:GREEN' })).toEqual(names('memA admA memB pa tokA partP sys'));
    expect(read({ tlp: 'TLP:CLEAR', visibility: 'registered' })).toEqual(
      names('reg memU memA admA memB admU pa paNoMfa paToken tokA partP sys'),
    );
    expect(read({ tlp: 'TLP:AMBER', participantOrgIds: [B] })).toEqual(
      names('memA admA memB tokA partP sys'),
    );
    expect(read({ tlp: 'TLP:AMBER+STRICT', participantOrgIds: [U] })).toEqual(
      names('memU memA admA admU tokA partP sys'),
    );
    // TLP:RED: the named person only; not the owner organization as a whole, not the secretariat, not the system.
    expect(read({ tlp: 'TLP:RED', visibility: 'participants' })).toEqual(names('partP'));
  });

  it('lets members of the verified owner organization edit, within the record audience', () => {
    expect(allowed((actor) => can(actor, 'incident.edit', incident('draft')))).toEqual(
      names('memA admA tokA'),
    );
    expect(
      allowed((actor) => can(actor, 'incident.edit', incident('published', { tlp: 'TLP:RED' }))),
    ).toEqual([]);
    expect(
      allowed((actor) =>
        can(
          actor,
          'incident.edit',
          incident('published', { tlp: 'TLP:RED', participantUserIds: ['usr_mem_a'] }),
        ),
      ),
    ).toEqual(names('memA'));
  });

  it('needs a second member to approve a text for publication', () => {
    expect(allowed((actor) => can(actor, 'incident.review', incident('review', {}, 'usr_mem_a')))).toEqual(
      names('admA tokA'),
    );
    expect(allowed((actor) => can(actor, 'incident.review', incident('review', {}, null)))).toEqual([]);
  });
});
