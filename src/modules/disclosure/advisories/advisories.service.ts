import type { Static } from 'typebox';
import { type Actor, can, type DisclosureAdvisoryResource } from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId, nowIso } from '../../../core/db/ids.ts';
import { inTransaction } from '../../../core/db/transaction.ts';
import { AppError, conflict, notFound } from '../../../core/http/errors.ts';
import { decodeStringCursor, encodeCursor } from '../../../core/http/pagination.ts';
import { getViewableCase } from '../cases/case-access.ts';
import { findCurrentEmbargoRow } from '../cases/cases.repository.ts';
import { buildCsafDocument, validateCsaf } from '../csaf/index.ts';
import {
  type AdvisoryRow,
  findAdvisoryOfCase,
  findAdvisoryRow,
  findLastTrackingNumber,
  findPublishedAdvisoryRows,
  findRevisionRows,
  findRevisionTitles,
  findUnpublishedAdvisoryRows,
  type RevisionRow,
} from './advisories.repository.ts';
import type { CreateAdvisory, ReviewAdvisory, ReviseAdvisory } from './advisories.schemas.ts';
import { buildAdvisoryInput, type PublishedVersion } from './advisory-input.ts';
import { publishAdvisory } from './publish.ts';

/** Tracking ids: <prefix>-<year>-<number>, e.g. CG-2026-0001. */
const TRACKING_PREFIX = 'CG';

/** Published at least once (its published version stays out while the next one is drafted), and its label. */
export function advisoryResource(row: Pick<AdvisoryRow, 'published_at' | 'tlp'>): DisclosureAdvisoryResource {
  return { type: 'disclosure_advisory', isPublished: row.published_at !== null, tlp: row.tlp };
}

/** The revision whose text is public: the one the latest published version was made from. */
function publishedRevision<R extends Pick<RevisionRow, 'number' | 'review_status'>>(
  row: AdvisoryRow,
  revisions: readonly R[],
): R | undefined {
  const versions = JSON.parse(row.published_versions) as PublishedVersion[];
  const number = versions[versions.length - 1]?.revision;
  return number === undefined
    ? [...revisions].reverse().find((revision) => revision.review_status === 'approved')
    : revisions.find((revision) => revision.number === number);
}

/**
 * The advisory and the reader's place: a published CLEAR advisory is public; anything else is for the case's
 * coordinators and participants (participants read drafts, coordinators edit them). Hidden means missing.
 */
async function getReadableAdvisory(ctx: AppContext, actor: Actor, id: string) {
  const row = await findAdvisoryRow(ctx.db, id);
  if (!row) throw notFound('Advisory');
  let isCoordinator = false;
  try {
    const loaded = await getViewableCase(ctx, actor, row.case_id);
    isCoordinator = loaded.viewer.isCoordinator;
  } catch (error) {
    if (!(error instanceof AppError && error.status === 404)) throw error;
    if (!can(actor, 'disclosure.advisory.read_public', advisoryResource(row))) throw notFound('Advisory');
  }
  return { row, isCoordinator };
}

async function getEditableAdvisory(ctx: AppContext, actor: Actor, id: string) {
  const readable = await getReadableAdvisory(ctx, actor, id);
  if (!readable.isCoordinator)
    throw new AppError(403, 'forbidden', "Only the case's coordinators edit its advisory.");
  return readable.row;
}

function presentRevision(row: RevisionRow) {
  return {
    number: row.number,
    title: row.title,
    summary: row.summary,
    details: row.details,
    remediation: row.remediation,
    references: JSON.parse(row.references) as { url: string; summary: string }[],
    changeNote: row.change_note,
    authorName: row.author_name,
    reviewStatus: row.review_status,
    reviewerName: row.reviewer_name,
    reviewNote: row.review_note,
    reviewedAt: row.reviewed_at,
    createdAt: row.created_at,
  };
}

/** Readers outside the coordinators see the text, not who wrote or reviewed it nor the review notes. */
function presentPublicRevision(row: RevisionRow) {
  return { ...presentRevision(row), authorName: '', reviewerName: null, reviewNote: null };
}

async function presentAdvisory(ctx: AppContext, actor: Actor, row: AdvisoryRow, isCoordinator: boolean) {
  const revisions = await findRevisionRows(ctx.db, row.id);
  const latest = revisions[revisions.length - 1] as RevisionRow;
  const versions = JSON.parse(row.published_versions) as PublishedVersion[];
  // Others read the text as published; a draft (shown to the case's participants) as it stands.
  const shown = isCoordinator ? latest : (publishedRevision(row, revisions) ?? latest);
  const facts = await ctx.db
    .selectFrom('disclosure_cases as c')
    .innerJoin('vulnerability_reports as r', 'r.id', 'c.report_id')
    .select([
      'c.cve_id',
      'r.cvss_v3_vector',
      'r.cvss_v3_score',
      'r.cvss_v4_vector',
      'r.cvss_v4_score',
      'r.cwe_ids',
      'r.credit',
      'r.credit_name',
    ])
    .where('c.id', '=', row.case_id)
    .executeTakeFirstOrThrow();
  const products =
    isCoordinator || row.published_at !== null
      ? await ctx.db
          .selectFrom('disclosure_case_products as p')
          .innerJoin('disclosure_case_participants as v', 'v.id', 'p.participant_id')
          .select([
            'v.name as vendor',
            'p.product',
            'p.version',
            'p.status',
            'p.justification',
            'p.remediation',
          ])
          .where('p.case_id', '=', row.case_id)
          .where('v.removed_at', 'is', null)
          .orderBy('v.name')
          .orderBy('p.product')
          .execute()
      : [];
  const statements =
    isCoordinator || row.published_at !== null
      ? await ctx.db
          .selectFrom('disclosure_case_statements as s')
          .innerJoin('disclosure_case_participants as v', 'v.id', 's.participant_id')
          .select(['v.name as vendor', 's.body'])
          .where('s.case_id', '=', row.case_id)
          .where('s.status', '=', 'approved')
          .where('v.removed_at', 'is', null)
          .orderBy('v.name')
          .execute()
      : [];
  const base = `${ctx.config.publicUrl}/api/v1/advisories/${row.id}/csaf`;
  const latestIsPending = latest.review_status === 'pending' && row.status === 'in_review';
  return {
    id: row.id,
    caseId: row.case_id,
    trackingId: row.tracking_id,
    status: row.status,
    tlp: row.tlp,
    publisherName: row.coordinator_name,
    publishOnEmbargoExit: row.publish_on_embargo_exit === 1,
    versions,
    initialReleaseDate: row.initial_release_date,
    currentReleaseDate: row.current_release_date,
    publishedAt: row.published_at,
    current: isCoordinator ? presentRevision(shown) : presentPublicRevision(shown),
    revisions: isCoordinator ? revisions.map(presentRevision) : [presentPublicRevision(shown)],
    csafUrl: row.csaf_json ? base : null,
    vexUrl: row.vex_json ? `${base}?profile=vex` : null,
    products: products.map((p) => ({ ...p, justification: p.justification, remediation: p.remediation })),
    statements,
    cveId: facts.cve_id,
    cvss: {
      v3:
        facts.cvss_v3_vector && facts.cvss_v3_score !== null
          ? { vector: facts.cvss_v3_vector, baseScore: facts.cvss_v3_score }
          : null,
      v4:
        facts.cvss_v4_vector && facts.cvss_v4_score !== null
          ? { vector: facts.cvss_v4_vector, baseScore: facts.cvss_v4_score }
          : null,
    },
    cweIds: JSON.parse(facts.cwe_ids) as string[],
    credit: facts.credit === 'name' ? facts.credit_name : facts.credit === 'anonymous' ? 'anonymous' : null,
    canEdit: isCoordinator,
    canReview:
      isCoordinator && latestIsPending && actor.type === 'user' && actor.userId !== latest.author_user_id,
  };
}

export async function getAdvisory(ctx: AppContext, actor: Actor, id: string) {
  const { row, isCoordinator } = await getReadableAdvisory(ctx, actor, id);
  return presentAdvisory(ctx, actor, row, isCoordinator);
}

export async function createAdvisory(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: Static<typeof CreateAdvisory>,
) {
  const loaded = await getViewableCase(ctx, actor, caseId);
  if (!loaded.viewer.isCoordinator)
    throw new AppError(403, 'forbidden', "Only the case's coordinators write its advisory.");
  if (await findAdvisoryOfCase(ctx.db, caseId))
    throw conflict('advisory_exists', 'The case already has an advisory.');
  const id = newId('adv');
  const now = nowIso();
  const prefix = `${TRACKING_PREFIX}-${now.slice(0, 4)}-`;
  // Two advisories numbered at once: the unique tracking id lets one through; the other takes the next number.
  for (let attempt = 0; ; attempt++) {
    const trackingId = `${prefix}${String((await findLastTrackingNumber(ctx.db, prefix)) + 1).padStart(4, '0')}`;
    try {
      await inTransaction(ctx, async (trx) => {
        await trx
          .insertInto('disclosure_advisories')
          .values({
            id,
            case_id: caseId,
            tracking_id: trackingId,
            status: 'draft',
            tlp: input.tlp ?? 'CLEAR',
            publish_on_embargo_exit: 0,
            published_versions: '[]',
            initial_release_date: null,
            current_release_date: null,
            csaf_json: null,
            vex_json: null,
            csaf_sha256: null,
            csaf_signature: null,
            created_by: actor.type === 'user' ? actor.userId : '',
            created_at: now,
            updated_at: now,
            published_at: null,
          })
          .execute();
        await insertRevision(trx, id, 1, { ...input, changeNote: 'First draft.' }, actor, now);
        await recordAudit(trx, {
          actor,
          orgId: loaded.row.coordinator_org_id,
          action: 'disclosure_advisory.created',
          subjectType: 'disclosure_advisory',
          subjectId: id,
          summary: `Advisory ${trackingId} drafted for case ${caseId}`,
        });
      });
      break;
    } catch (error) {
      if (
        attempt >= 3 ||
        error instanceof AppError ||
        !/unique|duplicate/i.test(String((error as Error).message))
      )
        throw error;
      if (await findAdvisoryOfCase(ctx.db, caseId))
        throw conflict('advisory_exists', 'The case already has an advisory.');
    }
  }
  return getAdvisory(ctx, actor, id);
}

async function insertRevision(
  trx: Parameters<Parameters<typeof inTransaction>[1]>[0],
  advisoryId: string,
  number: number,
  fields: {
    title: string;
    summary: string;
    details: string;
    remediation: string;
    references: unknown[];
    changeNote: string;
  },
  actor: Actor,
  now: string,
) {
  await trx
    .insertInto('disclosure_advisory_revisions')
    .values({
      id: newId('advr'),
      advisory_id: advisoryId,
      number,
      title: fields.title.trim(),
      summary: fields.summary,
      details: fields.details,
      remediation: fields.remediation,
      references: JSON.stringify(fields.references),
      change_note: fields.changeNote,
      author_user_id: actor.type === 'user' ? actor.userId : '',
      review_status: 'pending',
      reviewed_by: null,
      review_note: null,
      reviewed_at: null,
      created_at: now,
    })
    .execute();
}

/** A new revision (also after publication: it becomes the next version once reviewed and published). */
export async function reviseAdvisory(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: Static<typeof ReviseAdvisory>,
) {
  const row = await getEditableAdvisory(ctx, actor, id);
  const revisions = await findRevisionRows(ctx.db, id);
  const latest = revisions[revisions.length - 1] as RevisionRow;
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    await insertRevision(
      trx,
      id,
      latest.number + 1,
      {
        title: input.title ?? latest.title,
        summary: input.summary ?? latest.summary,
        details: input.details ?? latest.details,
        remediation: input.remediation ?? latest.remediation,
        references: input.references ?? JSON.parse(latest.references),
        changeNote: input.changeNote,
      },
      actor,
      now,
    );
    // The status is the next version's; a published advisory stays public (its documents unchanged) meanwhile.
    await trx
      .updateTable('disclosure_advisories')
      .set({ status: 'draft', publish_on_embargo_exit: 0, updated_at: now })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actor,
      orgId: row.coordinator_org_id,
      action: 'disclosure_advisory.revised',
      subjectType: 'disclosure_advisory',
      subjectId: id,
      summary: `Advisory ${row.tracking_id} revision ${latest.number + 1}: ${input.changeNote}`,
    });
  });
  return getAdvisory(ctx, actor, id);
}

export async function requestReview(ctx: AppContext, actor: Actor, id: string) {
  const row = await getEditableAdvisory(ctx, actor, id);
  const revisions = await findRevisionRows(ctx.db, id);
  const latest = revisions[revisions.length - 1] as RevisionRow;
  if (latest.review_status !== 'pending' || row.status === 'in_review') {
    throw conflict('invalid_transition', 'Write a new revision to ask for a review.');
  }
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('disclosure_advisories')
      .set({ status: 'in_review', updated_at: now })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actor,
      orgId: row.coordinator_org_id,
      action: 'disclosure_advisory.review_requested',
      subjectType: 'disclosure_advisory',
      subjectId: id,
      summary: `Review of advisory ${row.tracking_id} revision ${latest.number} requested`,
    });
  });
  return getAdvisory(ctx, actor, id);
}

/** A second coordinator approves the revision or asks for changes; nobody approves their own revision. */
export async function reviewAdvisory(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: Static<typeof ReviewAdvisory>,
) {
  const row = await getEditableAdvisory(ctx, actor, id);
  const revisions = await findRevisionRows(ctx.db, id);
  const latest = revisions[revisions.length - 1] as RevisionRow;
  if (row.status !== 'in_review' || latest.review_status !== 'pending') {
    throw conflict('invalid_transition', 'The advisory is not awaiting review.');
  }
  if (actor.type === 'user' && actor.userId === latest.author_user_id) {
    throw new AppError(403, 'review_by_author', 'Another coordinator must review this revision.');
  }
  const now = nowIso();
  const isApproved = input.decision === 'approve';
  const nextStatus = isApproved ? 'approved' : 'draft';
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('disclosure_advisory_revisions')
      .set({
        review_status: isApproved ? 'approved' : 'changes_requested',
        reviewed_by: actor.type === 'user' ? actor.userId : null,
        review_note: input.note?.trim() || null,
        reviewed_at: now,
      })
      .where('advisory_id', '=', id)
      .where('number', '=', latest.number)
      .execute();
    // A published advisory whose next version is approved stays published until that version goes out.
    const status = row.published_at && !isApproved ? 'published' : nextStatus;
    await trx
      .updateTable('disclosure_advisories')
      .set({ status, updated_at: now })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actor,
      orgId: row.coordinator_org_id,
      action: `disclosure_advisory.${isApproved ? 'approved' : 'changes_requested'}`,
      subjectType: 'disclosure_advisory',
      subjectId: id,
      summary: `Advisory ${row.tracking_id} revision ${latest.number} ${isApproved ? 'approved' : 'sent back'}`,
    });
  });
  return getAdvisory(ctx, actor, id);
}

/**
 * Publishes the approved revision now, or, while an embargo holds, as soon as it exits. Returns the advisory.
 */
export async function requestPublication(ctx: AppContext, actor: Actor, id: string) {
  const row = await getEditableAdvisory(ctx, actor, id);
  if (row.status !== 'approved')
    throw conflict('invalid_transition', 'Only an approved revision is published.');
  await inTransaction(ctx, async (trx) => {
    const embargo = await findCurrentEmbargoRow(trx, row.case_id);
    if (embargo && embargo.state !== 'exited') {
      await trx
        .updateTable('disclosure_advisories')
        .set({ publish_on_embargo_exit: 1, updated_at: nowIso() })
        .where('id', '=', id)
        .execute();
      await recordAudit(trx, {
        actor,
        orgId: row.coordinator_org_id,
        action: 'disclosure_advisory.scheduled',
        subjectType: 'disclosure_advisory',
        subjectId: id,
        summary: `Advisory ${row.tracking_id} will be published when the embargo exits (${embargo.ends_at})`,
      });
      return;
    }
    await publishAdvisory(ctx, trx, row, actor);
  });
  return getAdvisory(ctx, actor, id);
}

function summaryOf(row: AdvisoryRow, title: string) {
  return {
    id: row.id,
    trackingId: row.tracking_id,
    title,
    status: row.status,
    tlp: row.tlp,
    publisherName: row.coordinator_name,
    publishedAt: row.published_at,
    currentReleaseDate: row.current_release_date,
  };
}

/** Titles for a list in one query: the published revision's for the public list, the latest for the coordinators'. */
async function titlesOf(ctx: AppContext, rows: readonly AdvisoryRow[], isPublicList: boolean) {
  const revisions = await findRevisionTitles(
    ctx.db,
    rows.map((row) => row.id),
  );
  const byAdvisory = new Map<string, typeof revisions>();
  for (const revision of revisions) {
    byAdvisory.set(revision.advisory_id, [...(byAdvisory.get(revision.advisory_id) ?? []), revision]);
  }
  return rows.map((row) => {
    const list = byAdvisory.get(row.id) ?? [];
    const shown = isPublicList ? publishedRevision(row, list) : list[list.length - 1];
    return summaryOf(row, shown?.title ?? row.case_title);
  });
}

/** Published CLEAR advisories for everyone, newest first; the coordinators' own unpublished ones beside them. */
export async function listAdvisories(
  ctx: AppContext,
  actor: Actor,
  query: { cursor?: string; limit?: number },
) {
  const limit = query.limit ?? 50;
  const before = decodeStringCursor(query.cursor);
  const rows = await findPublishedAdvisoryRows(ctx.db, {
    tlp: 'CLEAR',
    ...(before ? { beforePublishedAt: before } : {}),
    limit: limit + 1,
  });
  // The SQL filter, and the policy as its second opinion on every row.
  const page = rows
    .slice(0, limit)
    .filter((row) => can(actor, 'disclosure.advisory.read_public', advisoryResource(row)));
  const coordinatorOrgIds =
    actor.type === 'user' ? actor.memberships.filter((m) => m.isOrgVerified).map((m) => m.orgId) : [];
  const unpublished = await findUnpublishedAdvisoryRows(ctx.db, coordinatorOrgIds);
  const last = page[page.length - 1];
  return {
    items: await titlesOf(ctx, page, true),
    unpublished: await titlesOf(ctx, unpublished, false),
    nextCursor: rows.length > limit && last?.published_at ? encodeCursor(last.published_at) : null,
  };
}

/**
 * The CSAF document: as published (the exact bytes, hashed and signed), or for the coordinators before
 * publication a draft built from the latest revision as things stand.
 */
export async function getCsaf(
  ctx: AppContext,
  actor: Actor,
  id: string,
  profile: 'security_advisory' | 'vex',
) {
  const { row, isCoordinator } = await getReadableAdvisory(ctx, actor, id);
  if (row.csaf_json) {
    const stored = profile === 'vex' ? row.vex_json : row.csaf_json;
    if (!stored) throw notFound('VEX document');
    return { body: stored, isDraft: false };
  }
  if (!isCoordinator) throw notFound('CSAF document');
  return { body: `${JSON.stringify(await buildDraft(ctx, row, profile), null, 2)}\n`, isDraft: true };
}

async function buildDraft(ctx: AppContext, row: AdvisoryRow, profile: 'security_advisory' | 'vex') {
  const revisions = await findRevisionRows(ctx.db, row.id);
  const input = await buildAdvisoryInput(ctx.db, {
    advisory: row,
    revision: revisions[revisions.length - 1] as RevisionRow,
    publicUrl: ctx.config.publicUrl,
    status: 'draft',
    releaseDate: nowIso(),
    versions: JSON.parse(row.published_versions) as PublishedVersion[],
  });
  return buildCsafDocument(input, profile);
}

/** The validator's verdict on the document as it would be published now (coordinators). */
export async function validateDraft(
  ctx: AppContext,
  actor: Actor,
  id: string,
  profile: 'security_advisory' | 'vex',
) {
  const row = await getEditableAdvisory(ctx, actor, id);
  const result = await validateCsaf(await buildDraft(ctx, row, profile));
  return { isValid: result.isValid, errors: result.errors, warnings: result.warnings };
}
