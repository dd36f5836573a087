import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.ts';
import { A, ACTOR_NAMES, ACTORS, B, names, orgA, orgU, U } from './fixtures.ts';
import type { DisclosureProgramResource, VulnerabilityReportResource } from './policy.ts';
import { can } from './policy.ts';

/*
 * The access matrix of vulnerability disclosure so far: programs, which organization A runs, and reports to
 * them. A researcher follows a report signed in (usr_p here) or through the report's secret link.
 */

const published: DisclosureProgramResource = { type: 'disclosure_program', orgId: A, isPublished: true };
const draft: DisclosureProgramResource = { type: 'disclosure_program', orgId: A, isPublished: false };
const report = (reporterUserId: string | null): VulnerabilityReportResource => ({
  type: 'vulnerability_report',
  id: 'vr_1',
  programOrgId: A,
  reporterUserId,
});

const EXTRA: Record<string, Actor> = {
  link1: { type: 'link_holder', grant: { kind: 'vulnerability_report', id: 'vr_1' } },
  link2: { type: 'link_holder', grant: { kind: 'vulnerability_report', id: 'vr_2' } },
  vendorLink: { type: 'link_holder', grant: { kind: 'case_participant', id: 'cp_vendor' } },
  otherVendorLink: { type: 'link_holder', grant: { kind: 'case_participant', id: 'cp_other' } },
};
const ALL_ACTORS: Record<string, Actor> = { ...ACTORS, ...EXTRA };

function allowed(check: (actor: Actor) => boolean): string[] {
  return Object.entries(ALL_ACTORS)
    .filter(([, actor]) => check(actor))
    .map(([name]) => name)
    .sort();
}

describe('access: disclosure programs and reports', () => {
  it('covers every shared actor', () => {
    expect(Object.keys(ALL_ACTORS)).toEqual([...ACTOR_NAMES, ...Object.keys(EXTRA)]);
  });

  it('shows published programs to everyone and drafts to their organization and the secretariat', () => {
    expect(allowed((actor) => can(actor, 'disclosure.program.read', published))).toEqual(
      Object.keys(ALL_ACTORS).sort(),
    );
    expect(allowed((actor) => can(actor, 'disclosure.program.read', draft))).toEqual(
      names('memA admA pa tokA sys'),
    );
  });

  it('lets only admins of the verified organization manage its programs', () => {
    expect(allowed((actor) => can(actor, 'disclosure.program.manage', orgA))).toEqual(names('admA tokA'));
    expect(allowed((actor) => can(actor, 'disclosure.program.manage', orgU))).toEqual([]);
  });

  it('takes reports to published programs from anyone, and none to drafts', () => {
    expect(allowed((actor) => can(actor, 'disclosure.report.submit', published))).toEqual(
      Object.keys(ALL_ACTORS).sort(),
    );
    expect(allowed((actor) => can(actor, 'disclosure.report.submit', draft))).toEqual([]);
  });

  it("lets only the program organization's members triage, with no secretariat bypass", () => {
    expect(allowed((actor) => can(actor, 'disclosure.report.triage', published))).toEqual(
      names('memA admA tokA'),
    );
    expect(allowed((actor) => can(actor, 'disclosure.report.triage', { ...published, orgId: B }))).toEqual(
      names('memB partP'),
    );
  });

  it('opens a report to its coordinators, its signed-in reporter, and the holder of its own link only', () => {
    // A signed-in reporter gets the link too, so it opens the report as well.
    expect(allowed((actor) => can(actor, 'disclosure.report.read', report('usr_p')))).toEqual(
      names('memA admA tokA partP link1'),
    );
    expect(allowed((actor) => can(actor, 'disclosure.report.read', report(null)))).toEqual(
      names('memA admA tokA link1'),
    );
    expect(allowed((actor) => can(actor, 'disclosure.report.follow', report('usr_p')))).toEqual(
      names('partP link1'),
    );
    expect(allowed((actor) => can(actor, 'disclosure.report.follow', report(null)))).toEqual(names('link1'));
  });

  it("runs a case by the coordinating organization's members only", () => {
    expect(
      allowed((actor) =>
        can(actor, 'disclosure.case.coordinate', { type: 'disclosure_case', coordinatorOrgId: A }),
      ),
    ).toEqual(names('memA admA tokA'));
  });

  it('lets a vendor be acted for by its members and its own links, never by another vendor', () => {
    const vendorB = {
      type: 'case_participant',
      participantId: 'cp_vendor',
      orgId: B,
      userId: null,
      reportId: null,
    } as const;
    expect(allowed((actor) => can(actor, 'disclosure.case.act_as', vendorB))).toEqual(
      names('memB partP vendorLink'),
    );
    const byAddress = { ...vendorB, orgId: null };
    expect(allowed((actor) => can(actor, 'disclosure.case.act_as', byAddress))).toEqual(names('vendorLink'));
    // An unverified organization the coordinators invited still acts for itself.
    const unverified = { ...vendorB, participantId: 'cp_u', orgId: U };
    expect(allowed((actor) => can(actor, 'disclosure.case.act_as', unverified))).toEqual(names('memU admU'));
  });

  it("lets the reporter act in the case through the report's link or the account", () => {
    const reporter = {
      type: 'case_participant',
      participantId: 'cp_reporter',
      orgId: null,
      userId: 'usr_reg',
      reportId: 'vr_1',
    } as const;
    expect(allowed((actor) => can(actor, 'disclosure.case.act_as', reporter))).toEqual(names('reg link1'));
  });

  it('opens an advisory to everyone only once it is published and TLP:CLEAR', () => {
    const advisory = (isPublished: boolean, tlp: string) =>
      ({ type: 'disclosure_advisory', isPublished, tlp }) as const;
    expect(
      allowed((actor) => can(actor, 'disclosure.advisory.read_public', advisory(true, 'CLEAR'))),
    ).toEqual(Object.keys(ALL_ACTORS).sort());
    for (const [isPublished, tlp] of [
      [false, 'CLEAR'],
      [true, 'GREEN'],
      [true, 'AMBER'],
      [true, 'RED'],
    ] as const) {
      expect(
        allowed((actor) => can(actor, 'disclosure.advisory.read_public', advisory(isPublished, tlp))),
      ).toEqual([]);
    }
  });
});
