import type { Incident } from './types.ts';

/**
 * One dated event in an incident's history. Calendar dates (YYYY-MM-DD) come from the sources and are dated
 * to the day; publication and corrections are instants the platform recorded.
 */
export type TimelineEntry =
  | { kind: 'start'; date: string; isInstant: false }
  | { kind: 'end'; date: string; isInstant: false }
  | {
      kind: 'attribution';
      date: string;
      isInstant: false;
      attributionId: string;
      attributorName: string;
      actorName: string;
      basis: string;
      daysAfterStart: number | null;
    }
  | { kind: 'response'; date: string; isInstant: false; responseKind: string; by: string }
  | { kind: 'publication'; date: string; isInstant: true }
  | { kind: 'correction'; date: string; isInstant: true; correctionKind: string; note: string };

type TimelineSource = Pick<
  Incident,
  'startedOn' | 'endedOn' | 'attributions' | 'responses' | 'publishedAt' | 'corrections'
>;

/** Within one day: the start first, then what happened during it, the end, then the record's own events. */
const RANK: Record<TimelineEntry['kind'], number> = {
  start: 0,
  attribution: 1,
  response: 1,
  end: 2,
  publication: 3,
  correction: 4,
};

/** A calendar date counts from the start of its day (UTC), so it sorts before that day's recorded instants. */
const sortKeyOf = (entry: TimelineEntry) => (entry.isInstant ? entry.date : `${entry.date}T00:00:00.000Z`);

/** Every dated event of the incident, oldest first; events without a date (a response not dated) are left out. */
export function buildTimeline(incident: TimelineSource): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  if (incident.startedOn) entries.push({ kind: 'start', date: incident.startedOn, isInstant: false });
  if (incident.endedOn) entries.push({ kind: 'end', date: incident.endedOn, isInstant: false });
  for (const attribution of incident.attributions) {
    entries.push({
      kind: 'attribution',
      date: attribution.attributedOn,
      isInstant: false,
      attributionId: attribution.id,
      attributorName: attribution.attributedBy.name,
      actorName: attribution.actor.name,
      basis: attribution.basis,
      daysAfterStart: attribution.daysAfterStart,
    });
  }
  for (const response of incident.responses) {
    if (!response.respondedOn) continue;
    entries.push({
      kind: 'response',
      date: response.respondedOn,
      isInstant: false,
      responseKind: response.kind,
      by: response.by,
    });
  }
  if (incident.publishedAt)
    entries.push({ kind: 'publication', date: incident.publishedAt, isInstant: true });
  for (const correction of incident.corrections) {
    entries.push({
      kind: 'correction',
      date: correction.madeAt,
      isInstant: true,
      correctionKind: correction.kind,
      note: correction.note,
    });
  }
  return entries
    .map((entry, index) => ({ entry, index, key: sortKeyOf(entry) }))
    .sort(
      (a, b) =>
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
        RANK[a.entry.kind] - RANK[b.entry.kind] ||
        a.index - b.index,
    )
    .map(({ entry }) => entry);
}
