import type { Static } from 'typebox';
import { type Actor, authorize } from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId } from '../../../core/db/ids.ts';
import { inTransaction } from '../../../core/db/transaction.ts';
import { enqueueEmail } from '../../../core/delivery/outbox.ts';
import { toCsv } from '../../../core/http/csv.ts';
import { AppError, forbidden, notFound, unprocessable } from '../../../core/http/errors.ts';
import { decodeStringCursor, toPage } from '../../../core/http/pagination.ts';
import { hashToken, newSecret } from '../../../core/identity/crypto.ts';
import { findPocsMatching, mailLanguageOf, type PocFilter } from '../../contacts/index.ts';
import { checkMail } from './checks.mail.ts';
import {
  presentCheckDetail,
  presentCheckSummary,
  presentResultsCsvRows,
  RESULTS_CSV_HEADER,
  secondsToAcknowledge,
} from './checks.presenter.ts';
import {
  findAcknowledgementTimes,
  findCheckRow,
  findCheckRows,
  findTargetByTokenHash,
  findTargetRows,
  insertCheck,
  insertTargets,
  markAcknowledged,
} from './checks.repository.ts';
import type { Acknowledgement, CheckFilter, CreateCheck } from './checks.schemas.ts';

const HOUR_MS = 3_600_000;
const PLATFORM = { type: 'platform' } as const;

/** Only the lists given, so the stored filter reads as what was asked. */
function normalizeFilter(filter: CheckFilter | undefined): CheckFilter {
  const normalized: CheckFilter = {};
  if (filter?.countryCodes?.length) normalized.countryCodes = filter.countryCodes;
  if (filter?.regionCodes?.length) normalized.regionCodes = filter.regionCodes;
  if (filter?.roles?.length) normalized.roles = filter.roles;
  if (filter?.languages?.length) normalized.languages = filter.languages;
  if (filter?.orgIds?.length) normalized.orgIds = filter.orgIds;
  return normalized;
}

/**
 * Pings every current POC of a verified organization that the filter matches: one target row and one
 * mail with a one-click link each, in one transaction with the check and its audit event.
 */
export async function createCheck(ctx: AppContext, actor: Actor, input: CreateCheck) {
  authorize(actor, 'exercise.manage', PLATFORM);
  // The check names the person who sent it; the system has no account to name.
  if (actor.type !== 'user') throw forbidden('A communication check is sent by a signed-in platform admin.');
  const filter = normalizeFilter(input.filter);
  const now = new Date();
  const createdAt = now.toISOString();
  const closesAt = new Date(now.getTime() + (input.respondWithinHours ?? 72) * HOUR_MS).toISOString();
  const note = input.note?.trim() || null;
  const id = newId('chk');
  const row = {
    id,
    filter: JSON.stringify(filter),
    note,
    created_by: actor.userId,
    created_at: createdAt,
    closes_at: closesAt,
    target_count: 0,
  };
  await inTransaction(ctx, async (trx) => {
    const pocs = await findPocsMatching(trx, filter as PocFilter);
    if (pocs.length === 0) {
      throw unprocessable(
        'no_matching_contacts',
        'No current point of contact of a verified organization matches the filter.',
      );
    }
    row.target_count = pocs.length;
    await insertCheck(trx, row);
    const targets = pocs.map((poc) => ({ poc, token: newSecret() }));
    await insertTargets(
      trx,
      targets.map(({ poc, token }) => ({
        check_id: id,
        poc_id: poc.id,
        org_id: poc.orgId,
        country_code: poc.countryCode,
        region_code: poc.regionCode,
        role: poc.role,
        token_hash: hashToken(token),
        sent_at: createdAt,
        acknowledged_at: null,
      })),
    );
    for (const { poc, token } of targets) {
      await enqueueEmail(
        trx,
        checkMail({
          language: mailLanguageOf(poc.languages),
          to: poc.email,
          pocName: poc.name,
          orgName: poc.orgName,
          // The token rides in the fragment, which browsers never send to a server or put in its logs.
          link: `${ctx.config.publicUrl}/checks/acknowledge#token=${token}`,
          closesAt,
          note,
        }),
        { topic: 'communication_check.ping', orgId: poc.orgId },
      );
    }
    await recordAudit(trx, {
      actor,
      action: 'communication_check.created',
      subjectType: 'communication_check',
      subjectId: id,
      summary: `Communication check to ${pocs.length} points of contact, open until ${closesAt}${note ? ` (${note})` : ''}`,
    });
  });
  return presentCheckSummary(row, [], now);
}

export async function findChecks(ctx: AppContext, actor: Actor, query: { cursor?: string; limit?: number }) {
  authorize(actor, 'exercise.manage', PLATFORM);
  const limit = query.limit ?? 20;
  const before = decodeStringCursor(query.cursor);
  const rows = await findCheckRows(ctx.db, { ...(before ? { before } : {}), limit });
  const times = await findAcknowledgementTimes(
    ctx.db,
    rows.slice(0, limit).map((row) => row.id),
  );
  const secondsByCheck = new Map<string, number[]>();
  for (const time of times) {
    const list = secondsByCheck.get(time.check_id) ?? [];
    list.push(secondsToAcknowledge(time.sent_at, time.acknowledged_at!));
    secondsByCheck.set(time.check_id, list);
  }
  const now = new Date();
  return toPage(
    rows,
    limit,
    (row) => row.id,
    (row) => presentCheckSummary(row, secondsByCheck.get(row.id) ?? [], now),
  );
}

export async function getCheck(ctx: AppContext, actor: Actor, id: string) {
  authorize(actor, 'exercise.manage', PLATFORM);
  const row = await findCheckRow(ctx.db, id);
  if (!row) throw notFound('Communication check');
  return presentCheckDetail(row, await findTargetRows(ctx.db, id));
}

export async function getResultsCsv(ctx: AppContext, actor: Actor, id: string): Promise<string> {
  const detail = await getCheck(ctx, actor, id);
  return toCsv(RESULTS_CSV_HEADER, presentResultsCsvRows(detail));
}

/**
 * The one-click answer: the link is the credential, so no sign-in is asked. The first click is recorded;
 * later ones change nothing. The answer names only the POC the link was sent to.
 */
export async function acknowledge(
  ctx: AppContext,
  actor: Actor,
  token: string,
): Promise<Static<typeof Acknowledgement>> {
  const tokenHash = hashToken(token);
  return inTransaction(ctx, async (trx) => {
    const target = await findTargetByTokenHash(trx, tokenHash);
    if (!target) throw new AppError(404, 'invalid_token', 'This link is not valid.');
    const answer = { checkId: target.check_id, pocName: target.poc_name, orgName: target.org_name };
    if (target.acknowledged_at) {
      return { ...answer, acknowledgedAt: target.acknowledged_at, alreadyAcknowledged: true };
    }
    const now = new Date().toISOString();
    if (target.closes_at <= now) {
      throw new AppError(
        410,
        'check_closed',
        'This communication check has closed; answers are no longer taken.',
      );
    }
    if (!(await markAcknowledged(trx, tokenHash, now))) {
      // Another click won meanwhile (a double click, a mail scanner); its time stands.
      const winner = await findTargetByTokenHash(trx, tokenHash);
      return { ...answer, acknowledgedAt: winner?.acknowledged_at ?? now, alreadyAcknowledged: true };
    }
    await recordAudit(trx, {
      actor,
      orgId: target.org_id,
      action: 'communication_check.acknowledged',
      subjectType: 'communication_check',
      subjectId: target.check_id,
      summary: `"${target.poc_name}" of "${target.org_name}" acknowledged the communication check`,
    });
    return { ...answer, acknowledgedAt: now, alreadyAcknowledged: false };
  });
}
