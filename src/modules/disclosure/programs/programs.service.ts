import type { Static } from 'typebox';
import { type Actor, authorize, can, type DisclosureProgramResource } from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId, nowIso } from '../../../core/db/ids.ts';
import { inTransaction } from '../../../core/db/transaction.ts';
import { conflict, notFound } from '../../../core/http/errors.ts';
import { decodeStringCursor, toPage } from '../../../core/http/pagination.ts';
import { findOrganizationRow } from '../../../core/orgs/orgs.repository.ts';
import { canonicalLanguageTags, checkOpenPgpKey } from '../../contacts/index.ts';
import {
  generatePolicyText,
  type PolicyLanguage,
  PolicyTermsError,
  policyTermsProblem,
} from './policy-text.ts';
import { presentProgram, presentProgramSummary, programTerms } from './programs.presenter.ts';
import { findProgramRow, findProgramRows, type ProgramRow } from './programs.repository.ts';
import type { CreateProgram, ProgramQuery, UpdateProgram } from './programs.schemas.ts';

export function programResource(row: Pick<ProgramRow, 'org_id' | 'status'>): DisclosureProgramResource {
  return { type: 'disclosure_program', orgId: row.org_id, isPublished: row.status === 'published' };
}

/** The program if the actor may read it; hidden means missing (404). */
export async function getReadableProgram(ctx: AppContext, actor: Actor, id: string): Promise<ProgramRow> {
  const row = await findProgramRow(ctx.db, id);
  if (!row || !can(actor, 'disclosure.program.read', programResource(row))) throw notFound('Program');
  return row;
}

function present(ctx: AppContext, actor: Actor, row: ProgramRow, lang: PolicyLanguage) {
  return presentProgram(row, {
    publicUrl: ctx.config.publicUrl,
    lang,
    canManage: can(actor, 'disclosure.program.manage', {
      type: 'organization',
      id: row.org_id,
      verificationStatus: row.org_verification_status as 'verified',
    }),
    canTriage: can(actor, 'disclosure.report.triage', programResource(row)),
  });
}

export async function getProgram(ctx: AppContext, actor: Actor, id: string, lang: PolicyLanguage = 'en') {
  return present(ctx, actor, await getReadableProgram(ctx, actor, id), lang);
}

export async function listPrograms(ctx: AppContext, actor: Actor, query: Static<typeof ProgramQuery>) {
  const limit = query.limit ?? 50;
  const rows = await findProgramRows(ctx.db, {
    ...(query.orgId ? { orgId: query.orgId } : {}),
    ...(query.status ? { status: query.status } : {}),
    memberOrgIds: actor.type === 'user' ? actor.memberships.map((m) => m.orgId) : [],
    ...(query.cursor ? { afterId: decodeStringCursor(query.cursor) } : {}),
    limit,
  });
  const readable = rows.filter((row) => can(actor, 'disclosure.program.read', programResource(row)));
  return toPage(readable, limit, (row) => row.id, presentProgramSummary);
}

/** New terms must make a policy the generator can write, before anything is stored (422 `invalid_program_terms`). */
function checkTerms(
  ctx: AppContext,
  fields: Pick<
    ProgramRow,
    | 'name'
    | 'scope_in'
    | 'scope_out'
    | 'safe_harbor'
    | 'disclosure_policy'
    | 'disclosure_days'
    | 'acknowledge_days'
    | 'triage_days'
    | 'resolve_days'
    | 'accepts_anonymous'
    | 'offers_credit'
    | 'openpgp_fingerprint'
  > & { org_name?: string; name: string; kind?: string; org_kind?: string },
) {
  const row = {
    ...fields,
    org_name: fields.org_name ?? '',
    org_kind: fields.org_kind ?? fields.kind ?? '',
  } as ProgramRow;
  try {
    generatePolicyText(programTerms(row, `${ctx.config.publicUrl}/disclose/new`), 'en');
  } catch (error) {
    if (error instanceof PolicyTermsError) throw policyTermsProblem(error);
    throw error;
  }
}

async function checkedKey(armored: string | null | undefined) {
  if (armored === undefined) return undefined;
  if (armored === null) return { openpgp_key: null, openpgp_fingerprint: null, openpgp_expires_at: null };
  const key = await checkOpenPgpKey(armored);
  return {
    openpgp_key: key.armored,
    openpgp_fingerprint: key.fingerprint,
    openpgp_expires_at: key.expiresAt,
  };
}

export async function createProgram(ctx: AppContext, actor: Actor, input: Static<typeof CreateProgram>) {
  const org = await findOrganizationRow(ctx.db, input.orgId);
  if (!org) throw notFound('Organization');
  authorize(actor, 'disclosure.program.manage', {
    type: 'organization',
    id: org.id,
    verificationStatus: org.verification_status as 'verified',
  });
  const languages = canonicalLanguageTags(input.languages);
  const key = await checkedKey(input.openpgpKey);
  const id = newId('vdp');
  const now = nowIso();
  checkTerms(ctx, {
    org_name: org.name,
    org_kind: org.kind,
    name: input.name.trim(),
    scope_in: JSON.stringify(input.scopeIn.map((line) => line.trim())),
    scope_out: JSON.stringify(input.scopeOut.map((line) => line.trim())),
    safe_harbor: input.safeHarbor,
    disclosure_policy: input.disclosurePolicy,
    disclosure_days: input.disclosureDays,
    acknowledge_days: input.acknowledgeDays,
    triage_days: input.triageDays,
    resolve_days: input.resolveDays,
    accepts_anonymous: input.acceptsAnonymous ? 1 : 0,
    offers_credit: input.offersCredit ? 1 : 0,
    openpgp_fingerprint: key?.openpgp_fingerprint ?? null,
  });
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('disclosure_programs')
      .values({
        id,
        org_id: org.id,
        name: input.name.trim(),
        status: input.publish ? 'published' : 'draft',
        scope_in: JSON.stringify(input.scopeIn.map((line) => line.trim())),
        scope_out: JSON.stringify(input.scopeOut.map((line) => line.trim())),
        safe_harbor: input.safeHarbor,
        disclosure_policy: input.disclosurePolicy,
        disclosure_days: input.disclosureDays,
        acknowledge_days: input.acknowledgeDays,
        triage_days: input.triageDays,
        resolve_days: input.resolveDays,
        languages: JSON.stringify(languages),
        accepts_anonymous: input.acceptsAnonymous ? 1 : 0,
        offers_credit: input.offersCredit ? 1 : 0,
        openpgp_key: key?.openpgp_key ?? null,
        openpgp_fingerprint: key?.openpgp_fingerprint ?? null,
        openpgp_expires_at: key?.openpgp_expires_at ?? null,
        created_by: actor.type === 'user' ? actor.userId : '',
        created_at: now,
        updated_at: now,
        published_at: input.publish ? now : null,
      })
      .execute();
    await recordAudit(trx, {
      actor,
      orgId: org.id,
      action: input.publish ? 'disclosure_program.published' : 'disclosure_program.created',
      subjectType: 'disclosure_program',
      subjectId: id,
      summary: `Disclosure program "${input.name.trim()}"`,
    });
  });
  return getProgram(ctx, actor, id);
}

/** Which status changes a program may make: a retired program can be published again. */
const NEXT_STATUSES: Record<string, readonly string[]> = {
  draft: ['published'],
  published: ['retired'],
  retired: ['published'],
};

export async function updateProgram(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: Static<typeof UpdateProgram>,
) {
  const row = await getReadableProgram(ctx, actor, id);
  authorize(actor, 'disclosure.program.manage', {
    type: 'organization',
    id: row.org_id,
    verificationStatus: row.org_verification_status as 'verified',
  });
  if (input.status && input.status !== row.status && !NEXT_STATUSES[row.status]?.includes(input.status)) {
    throw conflict('invalid_transition', `A ${row.status} program cannot become ${input.status}.`);
  }
  const languages = input.languages ? JSON.stringify(canonicalLanguageTags(input.languages)) : undefined;
  const key = await checkedKey(input.openpgpKey);
  const now = nowIso();
  const isPublishing = input.status === 'published' && row.status !== 'published';
  checkTerms(ctx, {
    org_name: row.org_name,
    org_kind: row.org_kind,
    name: input.name?.trim() ?? row.name,
    scope_in: input.scopeIn ? JSON.stringify(input.scopeIn.map((line) => line.trim())) : row.scope_in,
    scope_out: input.scopeOut ? JSON.stringify(input.scopeOut.map((line) => line.trim())) : row.scope_out,
    safe_harbor: input.safeHarbor ?? row.safe_harbor,
    disclosure_policy: input.disclosurePolicy ?? row.disclosure_policy,
    disclosure_days: input.disclosureDays ?? row.disclosure_days,
    acknowledge_days: input.acknowledgeDays ?? row.acknowledge_days,
    triage_days: input.triageDays ?? row.triage_days,
    resolve_days: input.resolveDays ?? row.resolve_days,
    accepts_anonymous:
      input.acceptsAnonymous === undefined ? row.accepts_anonymous : input.acceptsAnonymous ? 1 : 0,
    offers_credit: input.offersCredit === undefined ? row.offers_credit : input.offersCredit ? 1 : 0,
    openpgp_fingerprint: key ? key.openpgp_fingerprint : row.openpgp_fingerprint,
  });
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('disclosure_programs')
      .set({
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.scopeIn ? { scope_in: JSON.stringify(input.scopeIn.map((line) => line.trim())) } : {}),
        ...(input.scopeOut ? { scope_out: JSON.stringify(input.scopeOut.map((line) => line.trim())) } : {}),
        ...(input.safeHarbor ? { safe_harbor: input.safeHarbor } : {}),
        ...(input.disclosurePolicy ? { disclosure_policy: input.disclosurePolicy } : {}),
        ...(input.disclosureDays ? { disclosure_days: input.disclosureDays } : {}),
        ...(input.acknowledgeDays ? { acknowledge_days: input.acknowledgeDays } : {}),
        ...(input.triageDays ? { triage_days: input.triageDays } : {}),
        ...(input.resolveDays ? { resolve_days: input.resolveDays } : {}),
        ...(languages ? { languages } : {}),
        ...(input.acceptsAnonymous !== undefined
          ? { accepts_anonymous: input.acceptsAnonymous ? 1 : 0 }
          : {}),
        ...(input.offersCredit !== undefined ? { offers_credit: input.offersCredit ? 1 : 0 } : {}),
        ...(key ?? {}),
        ...(input.status ? { status: input.status } : {}),
        ...(isPublishing ? { published_at: now } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actor,
      orgId: row.org_id,
      action:
        input.status && input.status !== row.status
          ? `disclosure_program.${input.status}`
          : 'disclosure_program.updated',
      subjectType: 'disclosure_program',
      subjectId: id,
      summary: `Disclosure program "${input.name?.trim() ?? row.name}"`,
    });
  });
  return getProgram(ctx, actor, id);
}
