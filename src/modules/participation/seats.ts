import type { ParticipantSeatResource } from '../../core/access/index.ts';
import type { AppContext } from '../../core/context.ts';
import { settleDueApplications } from './accreditation/accreditation.service.ts';

/** Whether the organization holds an accreditation to the process. */
export async function isAccredited(ctx: AppContext, processId: string, orgId: string): Promise<boolean> {
  // An objection period that has just ended decides the seat now, not at the next job run.
  await settleDueApplications(ctx);
  const row = await ctx.db
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
  ctx: AppContext,
  processId: string,
  orgId: string,
): Promise<ParticipantSeatResource> {
  return { type: 'participant_seat', orgId, isAccredited: await isAccredited(ctx, processId, orgId) };
}
