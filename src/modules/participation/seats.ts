import type { ParticipantSeatResource } from '../../core/access/index.ts';
import type { Db } from '../../core/db/database.ts';
import type { Trx } from '../../core/db/transaction.ts';

/** Whether the organization holds an accreditation to the process. */
export async function isAccredited(db: Db | Trx, processId: string, orgId: string): Promise<boolean> {
  const row = await db
    .selectFrom('accreditation_applications')
    .select('id')
    .where('process_id', '=', processId)
    .where('org_id', '=', orgId)
    .where('status', '=', 'accredited')
    .executeTakeFirst();
  return row !== undefined;
}

/** The organization's seat in a process, for the access policy to judge. */
export async function seatIn(
  db: Db | Trx,
  processId: string,
  orgId: string,
): Promise<ParticipantSeatResource> {
  return { type: 'participant_seat', orgId, isAccredited: await isAccredited(db, processId, orgId) };
}
