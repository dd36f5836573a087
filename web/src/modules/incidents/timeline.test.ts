import { describe, expect, it } from 'vitest';
import { buildTimeline } from './timeline.ts';
import type { Attribution, Correction, IncidentResponse } from './types.ts';

const attribution = (id: string, attributedOn: string, daysAfterStart: number | null): Attribution => ({
  id,
  attributedBy: { kind: 'company', name: `Vendor ${id}`, country: null },
  attributedOn,
  basis: 'technical',
  actor: { id: 'act_1', name: 'Vice Lynx', kind: 'intrusion_set', aliases: [], sponsorCountry: null },
  confidence: 'medium',
  sources: [],
  notes: null,
  daysAfterStart,
  createdAt: '2026-04-01T00:00:00.000Z',
});

const response = (respondedOn: string | null, by: string): IncidentResponse => ({
  kind: 'statement',
  by,
  byCountry: null,
  respondedOn,
  description: null,
  sources: [],
});

const correction = (madeAt: string, kind = 'correction'): Correction => ({
  madeAt,
  kind,
  note: `Note of ${madeAt}`,
  fields: ['harm'],
});

describe('buildTimeline', () => {
  it('puts every dated event in date order, whatever order the record lists them in', () => {
    const timeline = buildTimeline({
      startedOn: '2026-03-01',
      endedOn: '2026-03-10',
      attributions: [attribution('att_late', '2026-05-01', 61), attribution('att_early', '2026-03-20', 19)],
      responses: [response('2026-03-06', 'Ministry of Health'), response(null, 'Undated statement')],
      publishedAt: '2026-03-12T09:30:00.000Z',
      corrections: [
        correction('2026-05-02T08:00:00.000Z'),
        correction('2026-06-01T08:00:00.000Z', 'withdrawal'),
      ],
    });
    expect(timeline.map((entry) => [entry.kind, entry.date])).toEqual([
      ['start', '2026-03-01'],
      ['response', '2026-03-06'],
      ['end', '2026-03-10'],
      ['publication', '2026-03-12T09:30:00.000Z'],
      ['attribution', '2026-03-20'],
      ['attribution', '2026-05-01'],
      ['correction', '2026-05-02T08:00:00.000Z'],
      ['correction', '2026-06-01T08:00:00.000Z'],
    ]);
    expect(timeline[4]).toMatchObject({
      attributionId: 'att_early',
      daysAfterStart: 19,
      actorName: 'Vice Lynx',
    });
    expect(timeline[7]).toMatchObject({ correctionKind: 'withdrawal' });
  });

  it('orders events of one day: start, what happened, end, then the record’s publication and corrections', () => {
    const timeline = buildTimeline({
      startedOn: '2026-03-01',
      endedOn: '2026-03-01',
      attributions: [attribution('att_same_day', '2026-03-01', 0)],
      responses: [],
      publishedAt: '2026-03-01T00:00:00.000Z',
      corrections: [correction('2026-03-01T00:00:00.000Z')],
    });
    expect(timeline.map((entry) => entry.kind)).toEqual([
      'start',
      'attribution',
      'end',
      'publication',
      'correction',
    ]);
  });

  it('leaves out what has no date: an unknown start or end, a draft never published', () => {
    const timeline = buildTimeline({
      startedOn: null,
      endedOn: null,
      attributions: [attribution('att_1', '2026-03-20', null)],
      responses: [response(null, 'Undated')],
      publishedAt: null,
      corrections: [],
    });
    expect(timeline).toEqual([expect.objectContaining({ kind: 'attribution', daysAfterStart: null })]);
  });
});
