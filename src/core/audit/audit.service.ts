import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import type { AppContext } from '../context.ts';
import { decodeCursor, toPage } from '../http/pagination.ts';
import { getOrganizationRow } from '../orgs/orgs.service.ts';
import { presentAuditEvent } from './audit.presenter.ts';

/** Newest first. Org admins read their organization's events; platform admins read all. */
export async function findAuditEvents(
  ctx: AppContext,
  actor: Actor,
  query: { orgId?: string; cursor?: string; limit?: number },
) {
  if (query.orgId) {
    const org = await getOrganizationRow(ctx, actor, query.orgId);
    authorize(actor, 'organization.audit.read', {
      type: 'organization',
      id: org.id,
      verificationStatus: org.verification_status as 'verified',
    });
  } else {
    authorize(actor, 'audit.read_all', { type: 'platform' });
  }
  const limit = query.limit ?? 50;
  const before = decodeCursor(query.cursor);
  let select = ctx.db.selectFrom('audit_events').selectAll();
  if (query.orgId) select = select.where('org_id', '=', query.orgId);
  if (before !== undefined) select = select.where('seq', '<', Number(before));
  const rows = await select
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute();
  return toPage(rows, limit, (r) => r.seq, presentAuditEvent);
}
