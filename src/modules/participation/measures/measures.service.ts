import type { Static } from 'typebox';
import { type Actor, authorize, can, readScope } from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Db, Dialect } from '../../../core/db/database.ts';
import { newId, nowIso } from '../../../core/db/ids.ts';
import { inTransaction, type Trx } from '../../../core/db/transaction.ts';
import { notifyUsers } from '../../../core/delivery/outbox.ts';
import { badRequest, conflict, notFound } from '../../../core/http/errors.ts';
import { decodeCursor, toPage } from '../../../core/http/pagination.ts';
import { getOrganizationRow } from '../../../core/orgs/orgs.service.ts';
import { indexDocument, indexDocuments, type SearchDocumentInput } from '../../../core/search/index.ts';
import { recordEvent } from '../follows/events.ts';
import type { MeasuresTable } from '../participation.tables.ts';
import { notifySecretariat } from '../secretariat.ts';
import { presentImplementation, presentMeasureSummary, presentProposal } from './measures.presenter.ts';
import {
  countImplementations,
  findImplementationRows,
  findMeasureRow,
  findMeasureRows,
  findNormsByMeasure,
  selectProposals,
} from './measures.repository.ts';
import type { ModerateProposal, Propose, ReportImplementation } from './measures.schemas.ts';
import { NORM_CODES, NORMS, SEED_MEASURES } from './reference.ts';

function searchDocumentOf(
  row: Pick<MeasuresTable, 'id' | 'title' | 'summary' | 'citation' | 'created_at'>,
): SearchDocumentInput {
  const titles = JSON.parse(row.title) as Record<string, string>;
  const summaries = JSON.parse(row.summary) as Record<string, string>;
  return {
    source: 'measures',
    sourceId: row.id,
    title: titles.en ?? Object.values(titles)[0] ?? '',
    // Every language in one document, so a search in any of them finds the measure.
    body: [...Object.values(summaries), ...Object.values(titles), row.citation].join('\n'),
    language: null,
    url: `/participation/measures/${row.id}`,
    visibility: 'public',
    publishedAt: row.created_at,
  };
}

/**
 * Adds the seeded measures a database does not have yet, with their norms, and indexes them.
 * Existing rows keep their id; their texts follow the shipped data.
 */
export async function seedMeasures(db: Db, dialect: Dialect): Promise<{ added: number }> {
  const existing = new Map(
    (await db.selectFrom('measures').select(['id', 'key']).execute()).map((row) => [row.key, row.id]),
  );
  const now = nowIso();
  let added = 0;
  await db.transaction().execute(async (trx) => {
    const documents: SearchDocumentInput[] = [];
    for (const measure of SEED_MEASURES) {
      const id = existing.get(measure.key) ?? newId('msr');
      const row = {
        id,
        key: measure.key,
        source: measure.source,
        number: measure.number,
        title: JSON.stringify(measure.title),
        summary: JSON.stringify(measure.summary),
        citation: measure.citation,
        adopted: measure.adopted,
        proposed_by_org: null,
        created_at: now,
        updated_at: now,
      };
      if (existing.has(measure.key)) {
        await trx
          .updateTable('measures')
          .set({ title: row.title, summary: row.summary, citation: row.citation, adopted: row.adopted })
          .where('id', '=', id)
          .execute();
        await trx.deleteFrom('measure_norms').where('measure_id', '=', id).execute();
      } else {
        await trx.insertInto('measures').values(row).execute();
        added++;
      }
      if (measure.norms.length > 0) {
        await trx
          .insertInto('measure_norms')
          .values(measure.norms.map((code) => ({ measure_id: id, norm_code: code })))
          .execute();
      }
      documents.push(searchDocumentOf(row));
    }
    await indexDocuments(trx, dialect, documents);
  });
  return { added };
}

export function findNorms() {
  return { items: [...NORMS] };
}

export async function findMeasures(ctx: AppContext, query: { source?: string; norm?: string }) {
  const rows = await findMeasureRows(ctx.db, query);
  const [norms, counts] = await Promise.all([findNormsByMeasure(ctx.db), countImplementations(ctx.db)]);
  return {
    items: rows.map((row) => presentMeasureSummary(row, norms.get(row.id) ?? [], counts.get(row.id))),
  };
}

async function getMeasureRow(ctx: AppContext, id: string) {
  const row = await findMeasureRow(ctx.db, id);
  if (!row) throw notFound('Measure');
  return row;
}

/** A measure's page: its norms, the States reporting on it, and accepted implementation examples. */
export async function getMeasure(ctx: AppContext, id: string) {
  const row = await getMeasureRow(ctx, id);
  const [norms, implementations, examples, proposer] = await Promise.all([
    findNormsByMeasure(ctx.db, [id]),
    findImplementationRows(ctx.db, id),
    selectProposals(ctx.db)
      .where('measure_proposals.measure_id', '=', id)
      .where('measure_proposals.kind', '=', 'example')
      .where('measure_proposals.status', '=', 'accepted')
      .orderBy('measure_proposals.id')
      .execute(),
    row.proposed_by_org
      ? ctx.db
          .selectFrom('organizations')
          .select(['id', 'name', 'kind', 'country_code'])
          .where('id', '=', row.proposed_by_org)
          .executeTakeFirst()
      : undefined,
  ]);
  const counts = { planned: 0, in_progress: 0, implemented: 0 };
  for (const implementation of implementations) counts[implementation.status as keyof typeof counts]++;
  return {
    ...presentMeasureSummary(row, norms.get(id) ?? [], counts),
    proposedBy: proposer
      ? { id: proposer.id, name: proposer.name, kind: proposer.kind, countryCode: proposer.country_code }
      : null,
    implementations: implementations.map(presentImplementation),
    examples: examples.map(presentProposal),
  };
}

/** A State says where it stands with a measure: planned, in progress or implemented. */
export async function reportImplementation(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: Static<typeof ReportImplementation>,
) {
  const measure = await getMeasureRow(ctx, id);
  const org = await getOrganizationRow(ctx, actor, input.organizationId);
  authorize(actor, 'measure.report', { type: 'organization', id: org.id, verificationStatus: 'verified' });
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    const values = {
      measure_id: id,
      org_id: org.id,
      status: input.status,
      note: input.note?.trim() ?? '',
      updated_by: actor.type === 'user' ? actor.userId : 'system',
      updated_at: now,
    };
    await trx
      .insertInto('measure_implementations')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['measure_id', 'org_id']).doUpdateSet({
          status: values.status,
          note: values.note,
          updated_by: values.updated_by,
          updated_at: now,
        }),
      )
      .execute();
    await recordEvent(trx, {
      kind: 'implementation_reported',
      measureId: id,
      title: `${org.name} reports ${input.status.replace('_', ' ')}`,
      summary: input.note?.trim() ?? '',
      url: `/participation/measures/${id}`,
    });
    await recordAudit(trx, {
      actor,
      orgId: org.id,
      action: 'measure.implementation_reported',
      subjectType: 'measure',
      subjectId: id,
      summary: `"${org.name}" reports ${input.status.replace('_', ' ')} on ${measure.key}`,
    });
  });
  return getMeasure(ctx, id);
}

export async function propose(ctx: AppContext, actor: Actor, input: Static<typeof Propose>) {
  const org = await getOrganizationRow(ctx, actor, input.organizationId);
  authorize(actor, 'measure.propose', { type: 'organization', id: org.id, verificationStatus: 'verified' });
  if (input.kind === 'example' && !input.measureId) {
    throw badRequest('measure_required', 'Say which measure the example implements.');
  }
  if (input.kind !== 'example' && input.measureId) {
    throw badRequest('measure_only_for_examples', 'Only an implementation example refers to a measure.');
  }
  if (input.kind === 'forum' && !input.url) throw badRequest('url_required', 'Give the forum’s web address.');
  if (input.measureId) await getMeasureRow(ctx, input.measureId);
  const norms = input.kind === 'measure' ? (input.norms ?? []) : [];
  if (norms.some((code) => !NORM_CODES.has(code))) throw badRequest('unknown_norm', 'Norms are 13a to 13k.');
  const id = newId('mpr');
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('measure_proposals')
      .values({
        id,
        kind: input.kind,
        measure_id: input.measureId ?? null,
        org_id: org.id,
        submitted_by: actor.type === 'user' ? actor.userId : 'system',
        title: input.title.trim(),
        body: input.body.trim(),
        url: input.url ?? null,
        norms: JSON.stringify(norms),
        language: input.language,
        status: 'submitted',
        moderation_note: null,
        moderated_by: null,
        decided_at: null,
        created_at: nowIso(),
      })
      .execute();
    await notifySecretariat(trx, {
      topic: 'measure.proposed',
      title: `CBM proposal to review: ${input.title.trim()}`,
      body: `"${org.name}" proposes ${input.kind === 'measure' ? 'a new measure' : input.kind === 'example' ? 'an implementation example' : 'another forum that promotes CBMs'}.`,
      link: '/participation/measures/proposals',
    });
    await recordAudit(trx, {
      actor,
      orgId: org.id,
      action: 'measure.proposed',
      subjectType: 'measure_proposal',
      subjectId: id,
      summary: `"${org.name}" proposed a ${input.kind}: "${input.title.trim()}"`,
    });
  });
  return presentProposal(
    (await selectProposals(ctx.db).where('measure_proposals.id', '=', id).executeTakeFirst())!,
  );
}

/** Accepted proposals are public; pending and rejected ones stay with their organization and the moderators. */
export async function findProposals(
  ctx: AppContext,
  actor: Actor,
  query: { status?: string; kind?: string; cursor?: string; limit?: number },
) {
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor);
  const isModerator = can(actor, 'measure.moderate', { type: 'platform' });
  // Pending and rejected proposals belong to their organization, as a 'participants' record would.
  const own = readScope(actor).orgIds;
  let q = selectProposals(ctx.db)
    .orderBy('measure_proposals.id')
    .limit(limit + 1);
  if (query.status) q = q.where('measure_proposals.status', '=', query.status);
  if (query.kind) q = q.where('measure_proposals.kind', '=', query.kind);
  if (typeof after === 'string') q = q.where('measure_proposals.id', '>', after);
  if (!isModerator) {
    q = q.where((eb) =>
      eb.or([
        eb('measure_proposals.status', '=', 'accepted'),
        ...(own.length > 0 ? [eb('measure_proposals.org_id', 'in', own)] : []),
      ]),
    );
  }
  const rows = await q.execute();
  return toPage(rows, limit, (row) => row.id, presentProposal);
}

async function acceptAsMeasure(
  ctx: AppContext,
  trx: Trx,
  proposal: { id: string; org_id: string; title: string; body: string; language: string; norms: string },
) {
  const id = newId('msr');
  const now = nowIso();
  const row = {
    id,
    key: `community-${proposal.id.slice(-10)}`,
    source: 'community',
    number: null,
    title: JSON.stringify({ [proposal.language]: proposal.title }),
    summary: JSON.stringify({ [proposal.language]: proposal.body }),
    citation: `Proposed on Common Ground (${proposal.id})`,
    adopted: null,
    proposed_by_org: proposal.org_id,
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('measures').values(row).execute();
  const norms = JSON.parse(proposal.norms) as string[];
  if (norms.length > 0) {
    await trx
      .insertInto('measure_norms')
      .values(norms.map((code) => ({ measure_id: id, norm_code: code })))
      .execute();
  }
  await indexDocument(trx, ctx.dialect, searchDocumentOf(row));
  return id;
}

export async function moderateProposal(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: Static<typeof ModerateProposal>,
) {
  authorize(actor, 'measure.moderate', { type: 'platform' });
  const proposal = await selectProposals(ctx.db).where('measure_proposals.id', '=', id).executeTakeFirst();
  if (!proposal) throw notFound('Proposal');
  if (proposal.status !== 'submitted')
    throw conflict('already_moderated', 'This proposal has already been moderated.');
  if (input.decision === 'reject' && !input.note)
    throw badRequest('note_required', 'Say why it is not accepted.');
  const status = input.decision === 'accept' ? 'accepted' : 'rejected';
  await inTransaction(ctx, async (trx) => {
    const updated = await trx
      .updateTable('measure_proposals')
      .set({
        status,
        moderation_note: input.note ?? null,
        moderated_by: actor.type === 'user' ? actor.userId : null,
        decided_at: nowIso(),
      })
      .where('id', '=', id)
      .where('status', '=', 'submitted')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw conflict('already_moderated', 'It was moderated meanwhile.');
    if (status === 'accepted' && proposal.kind === 'measure') await acceptAsMeasure(ctx, trx, proposal);
    if (status === 'accepted' && proposal.kind === 'example') {
      await recordEvent(trx, {
        kind: 'example_accepted',
        measureId: proposal.measure_id,
        title: `Implementation example from ${proposal.org_name}: ${proposal.title}`,
        summary: proposal.body.slice(0, 280),
        url: `/participation/measures/${proposal.measure_id}`,
      });
    }
    await notifyUsers(trx, {
      userIds: [proposal.submitted_by],
      orgId: proposal.org_id,
      topic: 'measure.proposal_moderated',
      title: `${status === 'accepted' ? 'Accepted' : 'Not accepted'}: ${proposal.title}`,
      body: input.note ?? '',
      link: proposal.measure_id
        ? `/participation/measures/${proposal.measure_id}`
        : '/participation/measures',
    });
    await recordAudit(trx, {
      actor,
      orgId: proposal.org_id,
      action: `measure.proposal_${status}`,
      subjectType: 'measure_proposal',
      subjectId: id,
      summary: `${proposal.kind} "${proposal.title}" by "${proposal.org_name}" ${status}${input.note ? `: ${input.note}` : ''}`,
    });
  });
  return presentProposal(
    (await selectProposals(ctx.db).where('measure_proposals.id', '=', id).executeTakeFirst())!,
  );
}
