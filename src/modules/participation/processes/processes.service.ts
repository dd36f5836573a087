import type { Static } from 'typebox';
import { type Actor, authorize } from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId, nowIso } from '../../../core/db/ids.ts';
import { inTransaction } from '../../../core/db/transaction.ts';
import { badRequest, notFound } from '../../../core/http/errors.ts';
import { decodeCursor, toPage } from '../../../core/http/pagination.ts';
import { presentProcess } from './processes.presenter.ts';
import { findProcessRow, findProcessRows } from './processes.repository.ts';
import type { CreateProcess, UpdateProcess } from './processes.schemas.ts';

/** Processes are public: anyone may read how to take part. */
export async function getProcessRow(ctx: AppContext, id: string) {
  const row = await findProcessRow(ctx.db, id);
  if (!row) throw notFound('Process');
  return row;
}

export async function getProcess(ctx: AppContext, id: string) {
  return presentProcess(await getProcessRow(ctx, id));
}

export async function findProcesses(ctx: AppContext, query: { cursor?: string; limit?: number }) {
  const limit = query.limit ?? 50;
  const before = decodeCursor(query.cursor);
  if (before !== undefined && typeof before !== 'string') {
    throw badRequest('invalid_cursor', 'The cursor is not valid; start again without it.');
  }
  const rows = await findProcessRows(ctx.db, { ...(before ? { before } : {}), limit });
  return toPage(rows, limit, (row) => row.id, presentProcess);
}

export async function createProcess(ctx: AppContext, actor: Actor, input: Static<typeof CreateProcess>) {
  authorize(actor, 'process.manage', { type: 'platform' });
  const id = newId('prc');
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('processes')
      .values({
        id,
        title: input.title.trim(),
        modalities: input.modalities,
        objection_period_days: input.objectionPeriodDays,
        status: 'active',
        created_by: actor.type === 'user' ? actor.userId : null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'process.created',
      subjectType: 'process',
      subjectId: id,
      summary: `Process "${input.title.trim()}" defined, objection period ${input.objectionPeriodDays} days`,
    });
  });
  return getProcess(ctx, id);
}

export async function updateProcess(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: Static<typeof UpdateProcess>,
) {
  authorize(actor, 'process.manage', { type: 'platform' });
  const row = await getProcessRow(ctx, id);
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('processes')
      .set({
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        ...(input.modalities !== undefined ? { modalities: input.modalities } : {}),
        ...(input.objectionPeriodDays !== undefined
          ? { objection_period_days: input.objectionPeriodDays }
          : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'process.updated',
      subjectType: 'process',
      subjectId: id,
      summary: `Process "${row.title}" updated: ${Object.keys(input).join(', ')}`,
    });
  });
  return getProcess(ctx, id);
}
