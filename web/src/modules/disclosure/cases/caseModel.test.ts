import { describe, expect, it } from 'vitest';
import {
  canProposeEmbargo,
  filterParticipants,
  messagesOf,
  NO_FILTER,
  ownParticipants,
  privateThreadCounts,
  statementsAwaitingReview,
} from './caseModel.ts';
import type { Case, Participant } from './types.ts';

function participant(overrides: Partial<Participant> & Pick<Participant, 'id' | 'name'>): Participant {
  return {
    role: 'vendor',
    orgId: null,
    email: null,
    invitedAt: '2026-11-01T10:00:00.000Z',
    joinedAt: null,
    respondedAt: null,
    isRemoved: false,
    products: [],
    statements: [],
    statusCounts: {},
    ...overrides,
  };
}

const statement = (id: string, participantId: string, status: string, submittedAt: string) => ({
  id,
  participantId,
  body: `Statement ${id}`,
  status,
  reviewNote: null,
  submittedAt,
  reviewedAt: null,
});

const participants: Participant[] = [
  participant({
    id: 'cp_coord',
    name: 'National CERT',
    role: 'coordinator',
    respondedAt: '2026-11-01T10:00:00Z',
  }),
  participant({ id: 'cp_rep', name: 'Reporter', role: 'reporter' }),
  participant({
    id: 'cp_a',
    name: 'Router Maker Inc',
    email: 'psirt@router.example',
    respondedAt: '2026-11-02T10:00:00Z',
    statusCounts: { fixed: 2, affected: 1 },
    statements: [statement('st_2', 'cp_a', 'submitted', '2026-11-03T10:00:00Z')],
  }),
  participant({ id: 'cp_b', name: 'Camera Corp', statusCounts: { no_response: 3 } }),
  participant({ id: 'cp_c', name: 'Silent Systems' }),
  participant({ id: 'cp_d', name: 'Gone Ltd', isRemoved: true, statusCounts: { affected: 1 } }),
  participant({
    id: 'cp_e',
    name: 'Énergie Nationale',
    role: 'affected_owner',
    statusCounts: { not_affected: 1 },
    respondedAt: '2026-11-02T11:00:00Z',
    statements: [
      statement('st_1', 'cp_e', 'submitted', '2026-11-02T10:00:00Z'),
      statement('st_0', 'cp_e', 'approved', '2026-11-01T10:00:00Z'),
    ],
  }),
  participant({ id: 'cp_o', name: 'Observer CERT', role: 'observer' }),
];

const ids = (list: { id: string }[]) => list.map((p) => p.id);

describe('the coordinators view of participants', () => {
  it('lists everyone but the coordinator, without removed participants unless asked', () => {
    expect(ids(filterParticipants(participants, NO_FILTER))).toEqual([
      'cp_rep',
      'cp_a',
      'cp_b',
      'cp_c',
      'cp_e',
      'cp_o',
    ]);
    expect(ids(filterParticipants(participants, { ...NO_FILTER, isRemovedShown: true }))).toContain('cp_d');
  });

  it('filters by product status; "no response yet" also takes those who listed nothing and said nothing', () => {
    expect(ids(filterParticipants(participants, { ...NO_FILTER, status: 'affected' }))).toEqual(['cp_a']);
    expect(ids(filterParticipants(participants, { ...NO_FILTER, status: 'no_response' }))).toEqual([
      'cp_b',
      'cp_c',
    ]);
    expect(ids(filterParticipants(participants, { ...NO_FILTER, status: 'not_affected' }))).toEqual(['cp_e']);
    expect(filterParticipants(participants, { ...NO_FILTER, status: 'under_investigation' })).toEqual([]);
  });

  it('filters by role and by a part of the name or address, ignoring case and accents composition', () => {
    expect(ids(filterParticipants(participants, { ...NO_FILTER, role: 'observer' }))).toEqual(['cp_o']);
    expect(ids(filterParticipants(participants, { ...NO_FILTER, text: 'CAMERA' }))).toEqual(['cp_b']);
    expect(ids(filterParticipants(participants, { ...NO_FILTER, text: 'psirt@' }))).toEqual(['cp_a']);
    expect(ids(filterParticipants(participants, { ...NO_FILTER, text: 'e\u0301nergie' }))).toEqual(['cp_e']);
  });

  it('filters 500 vendors by status and name', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      participant({
        id: `cp_${i}`,
        name: `Vendor ${i}`,
        statusCounts: { [i % 2 ? 'fixed' : 'no_response']: 1 },
      }),
    );
    expect(filterParticipants(many, { ...NO_FILTER, status: 'fixed' })).toHaveLength(250);
    // Odd numbers from 1 to 199 start with "1": 1, 11, 13, …, 19, 101, …, 199.
    expect(filterParticipants(many, { ...NO_FILTER, status: 'fixed', text: 'vendor 1' })).toHaveLength(56);
  });
});

function caseWith(overrides: Partial<Case>): Case {
  return {
    id: 'case_1',
    reportId: 'vr_1',
    programId: 'vdp_1',
    coordinatorOrgId: 'org_1',
    coordinatorName: 'National CERT',
    title: 'Bypass',
    summary: '',
    status: 'open',
    cveId: null,
    cvss: { v3: null, v4: null },
    cweIds: [],
    targetDays: 45,
    targetDate: '2027-01-01T00:00:00.000Z',
    exploitedAt: null,
    publicAt: null,
    publishedAt: null,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    closedAt: null,
    viewer: { isCoordinator: true, participantIds: [], roles: ['coordinator'] },
    participants,
    statusTotals: {},
    embargo: null,
    advisory: null,
    messages: [],
    ...overrides,
  };
}

describe('the case as a whole', () => {
  it('queues submitted statements oldest first, and leaves reviewed ones out', () => {
    expect(statementsAwaitingReview(caseWith({})).map((item) => item.statement.id)).toEqual(['st_1', 'st_2']);
  });

  it("finds the viewer's own participations", () => {
    const viewer = { isCoordinator: false, participantIds: ['cp_b'], roles: ['vendor'] };
    expect(ids(ownParticipants(caseWith({ viewer })))).toEqual(['cp_b']);
  });

  it('allows a new embargo only while none is open and nothing is public', () => {
    const embargo = (state: string) => ({
      id: 'emb_1',
      state,
      endsAt: '2027-01-01T00:00:00.000Z',
      proposedEndsAt: null,
      reason: '',
      exitReason: null,
      createdAt: '2026-11-01T00:00:00.000Z',
      activatedAt: null,
      exitedAt: null,
      events: [],
    });
    expect(canProposeEmbargo(caseWith({}))).toBe(true);
    expect(canProposeEmbargo(caseWith({ embargo: embargo('exited') }))).toBe(true);
    expect(canProposeEmbargo(caseWith({ embargo: embargo('active') }))).toBe(false);
    expect(canProposeEmbargo(caseWith({ publicAt: '2026-11-02T00:00:00.000Z' }))).toBe(false);
    expect(canProposeEmbargo(caseWith({ status: 'closed' }))).toBe(false);
  });

  it('separates the shared thread from private ones and counts these', () => {
    const message = (id: string, channel: string, createdAt: string) => ({
      id,
      channel,
      authorParticipantId: 'cp_a',
      authorName: 'Router Maker Inc',
      authorRole: 'vendor',
      body: id,
      createdAt,
    });
    const record = caseWith({
      messages: [
        message('m3', 'all', '2026-11-03T00:00:00Z'),
        message('m1', 'all', '2026-11-01T00:00:00Z'),
        message('m2', 'cp_a', '2026-11-02T00:00:00Z'),
        message('m4', 'cp_a', '2026-11-04T00:00:00Z'),
      ],
    });
    expect(messagesOf(record, 'all').map((m) => m.id)).toEqual(['m1', 'm3']);
    expect(messagesOf(record, 'cp_a').map((m) => m.id)).toEqual(['m2', 'm4']);
    expect([...privateThreadCounts(record)]).toEqual([['cp_a', 2]]);
  });
});
