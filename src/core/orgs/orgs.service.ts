import type { Actor, UserActor } from '../access/actor.ts';
import { authorize, can, isEffectivePlatformAdmin } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { type ChangeCounters, readChangeCounters, VersionedCache } from '../db/change-counters.ts';
import { newId, nowIso } from '../db/ids.ts';
import { inTransaction } from '../db/transaction.ts';
import { enqueueOrgEvent } from '../delivery/outbox.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { decodeCursor, type Page, toPage } from '../http/pagination.ts';
import type { OrgKind, OrgRole, VerificationStatus } from './kinds.ts';
import { notifyOrgAdmins } from './notify-admins.ts';
import { presentMember, presentOrganization } from './orgs.presenter.ts';
import { countAdmins, findMemberRows, findOrganizationRow, findOrganizationRows } from './orgs.repository.ts';

export interface OrganizationInput {
  name: string;
  kind: OrgKind;
  countryCode?: string | null;
  website?: string | null;
  description?: string | null;
}

async function assertCountry(ctx: AppContext, code: string | null | undefined): Promise<void> {
  if (code === null || code === undefined) return;
  const row = await ctx.db.selectFrom('countries').select('code').where('code', '=', code).executeTakeFirst();
  if (!row) throw badRequest('unknown_country', `${code} is not an ISO 3166-1 alpha-2 code we know.`);
}

function resourceOf(row: { id: string; verification_status: string }) {
  return {
    type: 'organization' as const,
    id: row.id,
    verificationStatus: row.verification_status as VerificationStatus,
  };
}

/** Loads an organization the actor may read; a hidden one is reported as missing, not forbidden. */
export async function getOrganizationRow(ctx: AppContext, actor: Actor, id: string) {
  const row = await findOrganizationRow(ctx.db, id);
  if (!row || !can(actor, 'organization.read', resourceOf(row))) throw notFound('Organization');
  return row;
}

export async function getOrganization(ctx: AppContext, actor: Actor, id: string) {
  return presentOrganization(await getOrganizationRow(ctx, actor, id));
}

// Directory pages are read far more often than organizations change. Cached per visibility scope and
// query, under the `directory` change counter that triggers bump on any organization or membership write.
const directoryCache = new VersionedCache<Page<ReturnType<typeof presentOrganization>>>(2_000);

export async function findOrganizations(
  ctx: AppContext,
  actor: Actor,
  query: {
    q?: string;
    kind?: string;
    countryCode?: string;
    verificationStatus?: string;
    cursor?: string;
    limit?: number;
  },
  counters: Promise<ChangeCounters> = readChangeCounters(ctx.db),
) {
  const limit = query.limit ?? 50;
  const cursor = decodeCursor(query.cursor);
  let after: { name: string; id: string } | undefined;
  if (cursor !== undefined) {
    const parsed = typeof cursor === 'string' ? (JSON.parse(cursor) as unknown) : undefined;
    if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') {
      throw badRequest('invalid_cursor', 'The cursor is not valid; start again without it.');
    }
    after = { name: parsed[0], id: parsed[1] };
  }
  // The same rule as organization.read: others' unverified organizations stay out of sight.
  const ownOrgIds = isEffectivePlatformAdmin(actor)
    ? undefined
    : actor.type === 'user'
      ? actor.memberships.map((m) => m.orgId).sort()
      : [];
  const cacheKey = JSON.stringify([
    ownOrgIds ?? 'all',
    query.q,
    query.kind,
    query.countryCode,
    query.verificationStatus,
    query.cursor,
    limit,
  ]);
  const { directory } = await counters;
  const cached = directoryCache.get(cacheKey, directory);
  if (cached) return cached;
  const rows = await findOrganizationRows(ctx.db, {
    ...(query.q ? { q: query.q } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.countryCode ? { countryCode: query.countryCode } : {}),
    ...(query.verificationStatus ? { verificationStatus: query.verificationStatus } : {}),
    ...(ownOrgIds ? { restrictToVerifiedOr: ownOrgIds } : {}),
    ...(after ? { after } : {}),
    limit,
  });
  const page = toPage(rows, limit, (row) => JSON.stringify([row.name, row.id]), presentOrganization);
  directoryCache.set(cacheKey, directory, page);
  return page;
}

export async function createOrganization(ctx: AppContext, actor: Actor, input: OrganizationInput) {
  authorize(actor, 'organization.create', { type: 'platform' });
  const user = actor as UserActor;
  if (input.kind === 'state' && !input.countryCode) {
    throw badRequest(
      'country_required',
      'A State organization is tied to one country: give its countryCode.',
    );
  }
  await assertCountry(ctx, input.countryCode);
  const id = newId('org');
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('organizations')
      .values({
        id,
        name: input.name.trim(),
        kind: input.kind,
        country_code: input.countryCode ?? null,
        website: input.website ?? null,
        description: input.description ?? null,
        verification_status: 'unverified',
        verification_note: null,
        verified_at: null,
        verified_by: null,
        created_by: user.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto('memberships')
      .values({ org_id: id, user_id: user.userId, role: 'org_admin', created_at: now })
      .execute();
    await recordAudit(trx, {
      actor,
      orgId: id,
      action: 'organization.created',
      subjectType: 'organization',
      subjectId: id,
      summary: `${user.email} created ${input.kind} organization "${input.name.trim()}"`,
    });
  });
  // The actor's memberships were read before this request made them org admin: present directly.
  return presentOrganization((await findOrganizationRow(ctx.db, id))!);
}

export async function updateOrganization(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: Partial<Omit<OrganizationInput, 'kind'>>,
) {
  const row = await getOrganizationRow(ctx, actor, id);
  authorize(actor, 'organization.update', resourceOf(row));
  if ('countryCode' in input) {
    await assertCountry(ctx, input.countryCode);
    if (row.kind === 'state' && !input.countryCode) {
      throw badRequest('country_required', 'A State organization keeps its country.');
    }
  }
  const changes = {
    ...(input.name !== undefined ? { name: input.name.trim() } : {}),
    ...(input.countryCode !== undefined ? { country_code: input.countryCode } : {}),
    ...(input.website !== undefined ? { website: input.website } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
  };
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('organizations')
      .set({ ...changes, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actor,
      orgId: id,
      action: 'organization.updated',
      subjectType: 'organization',
      subjectId: id,
      summary: `Organization "${row.name}" updated: ${Object.keys(input).join(', ') || 'nothing'}`,
    });
    await enqueueOrgEvent(trx, { orgId: id, type: 'organization.updated', data: { organizationId: id } });
  });
  return getOrganization(ctx, actor, id);
}

export async function setVerification(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { status: VerificationStatus; note?: string },
) {
  const row = await getOrganizationRow(ctx, actor, id);
  authorize(actor, 'organization.verify', resourceOf(row));
  const admin = actor as UserActor;
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('organizations')
      .set({
        verification_status: input.status,
        verification_note: input.note ?? null,
        verified_at: input.status === 'verified' ? now : null,
        verified_by: input.status === 'verified' ? admin.userId : null,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actor,
      orgId: id,
      action: `organization.verification_${input.status}`,
      subjectType: 'organization',
      subjectId: id,
      summary: `Verification of "${row.name}" set to ${input.status}${input.note ? `: ${input.note}` : ''}`,
    });
    await notifyOrgAdmins(ctx, trx, id, {
      topic: 'organization.verification',
      title: `Verification: ${input.status}`,
      subject: `${row.name} is ${input.status}`,
      body: `The verification status of ${row.name} is now "${input.status}".${input.note ? ` Note: ${input.note}` : ''}`,
      link: `/organizations/${id}`,
    });
    await enqueueOrgEvent(trx, {
      orgId: id,
      type: 'organization.verification_changed',
      data: { organizationId: id, status: input.status },
    });
  });
  return getOrganization(ctx, actor, id);
}

export async function findMembers(ctx: AppContext, actor: Actor, orgId: string, cursor?: string, limit = 50) {
  const row = await getOrganizationRow(ctx, actor, orgId);
  authorize(actor, 'organization.members.read', resourceOf(row));
  const after = decodeCursor(cursor);
  const rows = await findMemberRows(ctx.db, orgId, after === undefined ? undefined : String(after), limit);
  return toPage(rows, limit, (r) => r.user_id, presentMember);
}

async function getMembership(ctx: AppContext, orgId: string, userId: string) {
  const membership = await ctx.db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['memberships.role', 'users.email'])
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!membership) throw notFound('Member');
  return membership;
}

export async function changeMemberRole(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  userId: string,
  role: OrgRole,
) {
  const row = await getOrganizationRow(ctx, actor, orgId);
  authorize(actor, 'organization.members.manage', resourceOf(row));
  const membership = await getMembership(ctx, orgId, userId);
  if (membership.role === role) return;
  await inTransaction(ctx, async (trx) => {
    if (membership.role === 'org_admin' && (await countAdmins(trx, orgId)) <= 1) {
      throw conflict('last_admin', 'An organization keeps at least one org admin.');
    }
    await trx
      .updateTable('memberships')
      .set({ role })
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .execute();
    await recordAudit(trx, {
      actor,
      orgId,
      action: 'membership.role_changed',
      subjectType: 'user',
      subjectId: userId,
      summary: `${membership.email} is now ${role} of "${row.name}"`,
    });
    await enqueueOrgEvent(trx, { orgId, type: 'organization.member_role_changed', data: { userId, role } });
  });
}

export async function removeMember(ctx: AppContext, actor: Actor, orgId: string, userId: string) {
  const row = await getOrganizationRow(ctx, actor, orgId);
  authorize(actor, 'organization.members.manage', resourceOf(row));
  const membership = await getMembership(ctx, orgId, userId);
  await inTransaction(ctx, async (trx) => {
    if (membership.role === 'org_admin' && (await countAdmins(trx, orgId)) <= 1) {
      throw conflict('last_admin', 'An organization keeps at least one org admin.');
    }
    await trx.deleteFrom('memberships').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
    // Tokens scoped to an organization end with the membership they act through.
    await trx
      .updateTable('api_tokens')
      .set({ revoked_at: nowIso() })
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute();
    await recordAudit(trx, {
      actor,
      orgId,
      action: 'membership.removed',
      subjectType: 'user',
      subjectId: userId,
      summary: `${membership.email} removed from "${row.name}"`,
    });
    await enqueueOrgEvent(trx, { orgId, type: 'organization.member_removed', data: { userId } });
  });
}
