import { newId, nowIso } from '../../../core/db/ids.ts';
import type { Trx } from '../../../core/db/transaction.ts';

export interface ParticipationEvent {
  kind: string;
  processId?: string | null;
  groupId?: string | null;
  draftId?: string | null;
  measureId?: string | null;
  title: string;
  summary: string;
  url: string;
}

/**
 * Records what changed, in the change's own transaction, for followers' feeds and digests. Only
 * public changes are recorded: feeds and digests are public in what they say.
 */
export async function recordEvent(trx: Trx, event: ParticipationEvent): Promise<void> {
  await trx
    .insertInto('participation_events')
    .values({
      id: newId('pev'),
      kind: event.kind,
      process_id: event.processId ?? null,
      group_id: event.groupId ?? null,
      draft_id: event.draftId ?? null,
      measure_id: event.measureId ?? null,
      title: event.title,
      summary: event.summary,
      url: event.url,
      created_at: nowIso(),
    })
    .execute();
}
