import { randomUUID } from 'node:crypto';
import { type Actor, authorize, can, type SharingCollectionResource } from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { nowIso } from '../../../core/db/ids.ts';
import { inTransaction } from '../../../core/db/transaction.ts';
import { badRequest, conflict, notFound, unprocessable } from '../../../core/http/errors.ts';
import type { Page } from '../../../core/http/pagination.ts';
import { collectionResource, idList } from './collection-access.ts';
import { orgIdsOf, presentCollection } from './collections.presenter.ts';
import {
  type CollectionRow,
  findActiveCollectionRows,
  findCollectionRow,
  findOrganizationNames,
  insertCollection,
  isAliasTaken,
  updateCollection as updateCollectionRow,
} from './collections.repository.ts';
import type { Collection, CreateCollection, UpdateCollection } from './collections.schemas.ts';

async function present(ctx: AppContext, actor: Actor, rows: CollectionRow[]): Promise<Collection[]> {
  const names = await findOrganizationNames(ctx.db, orgIdsOf(rows));
  return rows.map((row) => presentCollection(actor, row, names, ctx.config.publicUrl));
}

/** Organizations named as members or writers must exist; a typo would share with nobody, or the wrong one. */
async function assertOrganizationsExist(ctx: AppContext, ids: readonly string[]): Promise<void> {
  const found = await findOrganizationNames(ctx.db, ids);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw unprocessable('unknown_organizations', 'Some organizations named do not exist.', {
      organizationIds: missing,
    });
  }
}

/** A collection the actor may read (retired ones: only its managers); otherwise "not found". */
async function getReadableRow(ctx: AppContext, actor: Actor, id: string): Promise<CollectionRow> {
  const row = await findCollectionRow(ctx.db, id);
  if (!row) throw notFound('Collection');
  const resource = collectionResource(row);
  const isVisible =
    row.retired_at === null
      ? can(actor, 'sharing.collection.read', resource)
      : can(actor, 'sharing.collection.manage', resource);
  if (!isVisible) throw notFound('Collection');
  return row;
}

export async function findCollections(
  ctx: AppContext,
  actor: Actor,
  query: { cursor?: string; limit?: number },
): Promise<Page<Collection>> {
  const rows = (await findActiveCollectionRows(ctx.db)).filter((row) =>
    can(actor, 'sharing.collection.read', collectionResource(row)),
  );
  // An instance has few collections, all read at once; the cursor is the last id shown.
  let start = 0;
  if (query.cursor) {
    const position = rows.findIndex((row) => row.id === query.cursor);
    if (position < 0) throw badRequest('invalid_cursor', 'The cursor is not valid; start again without it.');
    start = position + 1;
  }
  const limit = query.limit ?? 50;
  const window = rows.slice(start, start + limit);
  const hasMore = start + limit < rows.length;
  return {
    items: await present(ctx, actor, window),
    nextCursor: hasMore && window.length > 0 ? window[window.length - 1]!.id : null,
  };
}

export async function getCollection(ctx: AppContext, actor: Actor, id: string): Promise<Collection> {
  const row = await getReadableRow(ctx, actor, id);
  return (await present(ctx, actor, [row]))[0]!;
}

export async function createCollection(
  ctx: AppContext,
  actor: Actor,
  input: CreateCollection,
): Promise<Collection> {
  const memberOrgIds = input.memberOrgIds ?? [];
  const writerOrgIds = input.writerOrgIds ?? [];
  const resource: SharingCollectionResource = {
    type: 'sharing_collection',
    ownerOrgId: input.ownerOrgId,
    visibility: input.visibility,
    memberOrgIds,
    writerOrgIds,
  };
  authorize(actor, 'sharing.collection.manage', resource);
  if (input.ownerOrgId !== null) {
    const owner = await findOrganizationNames(ctx.db, [input.ownerOrgId]);
    if (!owner.has(input.ownerOrgId)) throw notFound('Organization');
  }
  await assertOrganizationsExist(ctx, [...new Set([...memberOrgIds, ...writerOrgIds])]);
  if (input.alias && (await isAliasTaken(ctx.db, input.alias))) {
    throw conflict('alias_taken', 'Another collection has this alias.');
  }
  const now = nowIso();
  const row: CollectionRow = {
    id: randomUUID(),
    instance_key: null,
    alias: input.alias ?? null,
    title: input.title.trim(),
    description: input.description?.trim() ?? '',
    owner_org_id: input.ownerOrgId,
    visibility: input.visibility,
    member_org_ids: JSON.stringify(memberOrgIds),
    writer_org_ids: JSON.stringify(writerOrgIds),
    default_tlp: input.defaultTlp ?? 'TLP:GREEN',
    last_date_added: null,
    created_by: actor.type === 'user' ? actor.userId : null,
    created_at: now,
    updated_at: now,
    retired_at: null,
  };
  await inTransaction(ctx, async (trx) => {
    await insertCollection(trx, row);
    await recordAudit(trx, {
      actor,
      orgId: row.owner_org_id,
      action: 'sharing_collection.created',
      subjectType: 'sharing_collection',
      subjectId: row.id,
      summary: `Created ${row.visibility} collection "${row.title}" (default ${row.default_tlp})`,
    });
  });
  return getCollection(ctx, actor, row.id);
}

export async function updateCollection(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateCollection,
): Promise<Collection> {
  const row = await getReadableRow(ctx, actor, id);
  const memberOrgIds = input.memberOrgIds ?? idList(row.member_org_ids);
  const writerOrgIds = input.writerOrgIds ?? idList(row.writer_org_ids);
  // Both the collection as it is and as it would become must be the actor's to manage.
  authorize(actor, 'sharing.collection.manage', collectionResource(row));
  authorize(actor, 'sharing.collection.manage', { ...collectionResource(row), memberOrgIds, writerOrgIds });
  if (row.retired_at !== null) throw conflict('collection_retired', 'The collection is retired.');
  // An instance collection (the published incidents, say) carries each record with that record's own audience:
  // members or writers added here would reach every organization's AMBER records or write into the platform's.
  if (
    row.instance_key !== null &&
    (input.memberOrgIds !== undefined || input.writerOrgIds !== undefined || input.defaultTlp !== undefined)
  )
    throw conflict(
      'instance_collection',
      "An instance collection's members, writers and label follow its records.",
    );
  await assertOrganizationsExist(ctx, [
    ...new Set([...(input.memberOrgIds ?? []), ...(input.writerOrgIds ?? [])]),
  ]);
  if (input.alias && (await isAliasTaken(ctx.db, input.alias, id))) {
    throw conflict('alias_taken', 'Another collection has this alias.');
  }
  const patch: Parameters<typeof updateCollectionRow>[2] = {};
  if (input.title !== undefined) patch.title = input.title.trim();
  if (input.description !== undefined) patch.description = input.description.trim();
  if (input.alias !== undefined) patch.alias = input.alias;
  if (input.memberOrgIds !== undefined) patch.member_org_ids = JSON.stringify(input.memberOrgIds);
  if (input.writerOrgIds !== undefined) patch.writer_org_ids = JSON.stringify(input.writerOrgIds);
  if (input.defaultTlp !== undefined) patch.default_tlp = input.defaultTlp;
  await inTransaction(ctx, async (trx) => {
    await updateCollectionRow(trx, id, patch);
    await recordAudit(trx, {
      actor,
      orgId: row.owner_org_id,
      action: 'sharing_collection.updated',
      subjectType: 'sharing_collection',
      subjectId: id,
      summary: `Changed ${Object.keys(input).join(', ')} of collection "${patch.title ?? row.title}"`,
    });
  });
  return getCollection(ctx, actor, id);
}

/** Takes a collection out of service: TAXII no longer lists or serves it; its objects are kept. */
export async function retireCollection(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const row = await getReadableRow(ctx, actor, id);
  authorize(actor, 'sharing.collection.manage', collectionResource(row));
  if (row.retired_at !== null) return;
  if (row.instance_key !== null)
    throw conflict(
      'instance_collection',
      'An instance collection is fed by the platform and cannot be retired.',
    );
  await inTransaction(ctx, async (trx) => {
    await updateCollectionRow(trx, id, { retired_at: nowIso() });
    await recordAudit(trx, {
      actor,
      orgId: row.owner_org_id,
      action: 'sharing_collection.retired',
      subjectType: 'sharing_collection',
      subjectId: id,
      summary: `Retired collection "${row.title}"`,
    });
  });
}
