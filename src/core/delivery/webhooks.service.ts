import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { newId, nowIso } from '../db/ids.ts';
import { inTransaction } from '../db/transaction.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { decodeCursor, toPage } from '../http/pagination.ts';
import type { VerificationStatus } from '../orgs/kinds.ts';
import { getOrganizationRow } from '../orgs/orgs.service.ts';
import { presentWebhook, presentWebhookDelivery } from './delivery.presenter.ts';
import { assertSafeWebhookUrl, UnsafeUrlError } from './network-guard.ts';
import { enqueueWebhookMessage } from './outbox.ts';
import { findDeliveryRows, findWebhookRow, findWebhookRows } from './webhooks.repository.ts';
import { abandonPendingMessages, createWebhookSecret, type WebhookEventType } from './webhooks.ts';

/** Enough for any real integration; a cap keeps one organization from fanning every event out without limit. */
export const MAX_WEBHOOKS_PER_ORGANIZATION = 20;

export interface WebhookInput {
  url: string;
  description?: string;
  eventTypes: (WebhookEventType | '*')[];
}

async function getManagedOrganization(ctx: AppContext, actor: Actor, orgId: string) {
  const org = await getOrganizationRow(ctx, actor, orgId);
  authorize(actor, 'organization.webhooks.manage', {
    type: 'organization',
    id: org.id,
    verificationStatus: org.verification_status as VerificationStatus,
  });
  return org;
}

async function getWebhookRow(ctx: AppContext, orgId: string, webhookId: string) {
  const row = await findWebhookRow(ctx.db, orgId, webhookId);
  if (!row) throw notFound('Webhook');
  return row;
}

async function assertUrlAllowed(ctx: AppContext, url: string): Promise<void> {
  try {
    await assertSafeWebhookUrl(url, ctx.config.webhookAllowPrivateNetworks);
  } catch (error) {
    if (error instanceof UnsafeUrlError) throw badRequest('webhook_url_not_allowed', error.message);
    throw error;
  }
}

/** Audit summaries name the receiving site only: paths and query strings of webhook URLs often hold tokens. */
function siteOf(url: string): string {
  return new URL(url).origin;
}

export async function findWebhooks(ctx: AppContext, actor: Actor, orgId: string) {
  await getManagedOrganization(ctx, actor, orgId);
  return { items: (await findWebhookRows(ctx.db, orgId)).map(presentWebhook) };
}

export async function createWebhook(ctx: AppContext, actor: Actor, orgId: string, input: WebhookInput) {
  const org = await getManagedOrganization(ctx, actor, orgId);
  await assertUrlAllowed(ctx, input.url);
  const id = newId('whk');
  const secret = createWebhookSecret();
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    const existing = await trx
      .selectFrom('webhook_endpoints')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    if (Number(existing?.count ?? 0) >= MAX_WEBHOOKS_PER_ORGANIZATION) {
      throw conflict(
        'too_many_webhooks',
        `An organization can have up to ${MAX_WEBHOOKS_PER_ORGANIZATION} webhooks.`,
      );
    }
    await trx
      .insertInto('webhook_endpoints')
      .values({
        id,
        org_id: orgId,
        url: input.url,
        description: input.description ?? '',
        secret,
        event_types: JSON.stringify(input.eventTypes),
        status: 'active',
        consecutive_failures: 0,
        disabled_at: null,
        disabled_reason: null,
        created_by: actor.type === 'user' ? actor.userId : null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordAudit(trx, {
      actor,
      orgId,
      action: 'webhook.created',
      subjectType: 'webhook',
      subjectId: id,
      summary: `Webhook to ${siteOf(input.url)} created for "${org.name}" (events: ${input.eventTypes.join(', ')})`,
    });
  });
  return { ...presentWebhook(await getWebhookRow(ctx, orgId, id)), secret };
}

export async function updateWebhook(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  webhookId: string,
  input: Partial<WebhookInput> & { status?: 'active' },
) {
  await getManagedOrganization(ctx, actor, orgId);
  const row = await getWebhookRow(ctx, orgId, webhookId);
  if (input.url !== undefined) await assertUrlAllowed(ctx, input.url);
  const isEnabling = input.status === 'active' && row.status !== 'active';
  const changed = Object.keys(input).filter((key) => key !== 'status' || isEnabling);
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('webhook_endpoints')
      .set({
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.eventTypes !== undefined ? { event_types: JSON.stringify(input.eventTypes) } : {}),
        ...(isEnabling
          ? { status: 'active', consecutive_failures: 0, disabled_at: null, disabled_reason: null }
          : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', webhookId)
      .execute();
    await recordAudit(trx, {
      actor,
      orgId,
      action: isEnabling ? 'webhook.enabled' : 'webhook.updated',
      subjectType: 'webhook',
      subjectId: webhookId,
      summary: `Webhook to ${siteOf(input.url ?? row.url)} ${isEnabling ? 'enabled again' : 'updated'}: ${changed.join(', ') || 'nothing'}`,
    });
  });
  return presentWebhook(await getWebhookRow(ctx, orgId, webhookId));
}

export async function deleteWebhook(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  webhookId: string,
): Promise<void> {
  await getManagedOrganization(ctx, actor, orgId);
  const row = await getWebhookRow(ctx, orgId, webhookId);
  await inTransaction(ctx, async (trx) => {
    await abandonPendingMessages(trx, row, 'The endpoint was deleted.');
    await trx.deleteFrom('webhook_endpoints').where('id', '=', webhookId).execute();
    await recordAudit(trx, {
      actor,
      orgId,
      action: 'webhook.deleted',
      subjectType: 'webhook',
      subjectId: webhookId,
      summary: `Webhook to ${siteOf(row.url)} deleted`,
    });
  });
}

export async function findWebhookDeliveries(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  webhookId: string,
  query: { cursor?: string; limit?: number },
) {
  await getManagedOrganization(ctx, actor, orgId);
  await getWebhookRow(ctx, orgId, webhookId);
  const limit = query.limit ?? 50;
  const before = decodeCursor(query.cursor);
  const rows = await findDeliveryRows(
    ctx.db,
    webhookId,
    before === undefined ? undefined : String(before),
    limit,
  );
  return toPage(rows, limit, (row) => row.id, presentWebhookDelivery);
}

/** Queues a `webhook.test` event to this endpoint alone, whatever it subscribes to. */
export async function sendTestEvent(ctx: AppContext, actor: Actor, orgId: string, webhookId: string) {
  const org = await getManagedOrganization(ctx, actor, orgId);
  const row = await getWebhookRow(ctx, orgId, webhookId);
  if (row.status !== 'active') {
    throw conflict('webhook_disabled', 'The webhook is disabled; enable it again before testing it.');
  }
  return inTransaction(ctx, async (trx) => {
    const messageId = await enqueueWebhookMessage(
      trx,
      { id: row.id, orgId },
      {
        type: 'webhook.test',
        data: { organizationId: orgId, webhookId: row.id, message: `A test event for ${org.name}.` },
      },
    );
    await recordAudit(trx, {
      actor,
      orgId,
      action: 'webhook.tested',
      subjectType: 'webhook',
      subjectId: row.id,
      summary: `Test event queued for the webhook to ${siteOf(row.url)}`,
    });
    return { messageId };
  });
}
