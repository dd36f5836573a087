import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import {
  type Actor,
  type CaseParticipantResource,
  can,
  type LinkHolderActor,
} from '../../../core/access/index.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId, nowIso } from '../../../core/db/ids.ts';
import type { Trx } from '../../../core/db/transaction.ts';
import { AppError, notFound } from '../../../core/http/errors.ts';
import { actorWithReporterLink, hashSecret } from '../reports/reporter-link.ts';
import { type CaseRow, findCaseRow, findParticipantRows, type ParticipantRow } from './cases.repository.ts';

/**
 * Who sees what in a case. The coordinators see everything. A participant sees the case, the names and roles
 * of the others, the all-participants thread and its own private thread, its own products and statements;
 * other vendors' statuses and statements only once the advisory is published. Links: an invited participant
 * without an account holds `/cases/join#case=<case id>&token=<link id>.<secret>` and sends it as `X-Participant-Token`; the
 * reporter's report link (`X-Reporter-Token`) stands for the reporter in the case.
 */
export const PARTICIPANT_TOKEN_HEADER = 'x-participant-token';
const TOKEN_PATTERN = /^(cl_[0-9a-z]{26})\.([A-Za-z0-9_-]{43})$/;

export interface LoadedCase {
  row: CaseRow;
  participants: ParticipantRow[];
}

export interface CaseViewer {
  isCoordinator: boolean;
  /** The participants (not removed) the actor acts as. */
  participations: ParticipantRow[];
}

export function participantResource(row: ParticipantRow, reportId: string): CaseParticipantResource {
  return {
    type: 'case_participant',
    participantId: row.id,
    orgId: row.org_id,
    userId: row.user_id,
    reportId: row.role === 'reporter' ? reportId : null,
  };
}

export async function loadCase(db: AppContext['db'] | Trx, id: string): Promise<LoadedCase | undefined> {
  const row = await findCaseRow(db, id);
  if (!row) return undefined;
  return { row, participants: await findParticipantRows(db, id) };
}

export function viewerOf(actor: Actor, loaded: LoadedCase): CaseViewer {
  return {
    isCoordinator: can(actor, 'disclosure.case.coordinate', {
      type: 'disclosure_case',
      coordinatorOrgId: loaded.row.coordinator_org_id,
    }),
    participations: loaded.participants.filter(
      (participant) =>
        participant.removed_at === null &&
        participant.role !== 'coordinator' &&
        can(actor, 'disclosure.case.act_as', participantResource(participant, loaded.row.report_id)),
    ),
  };
}

/** The case and the viewer's place in it; a case the actor has no place in is missing (404). */
export async function getViewableCase(ctx: AppContext, actor: Actor, id: string) {
  const loaded = await loadCase(ctx.db, id);
  if (!loaded) throw notFound('Case');
  const viewer = viewerOf(actor, loaded);
  if (!viewer.isCoordinator && viewer.participations.length === 0) throw notFound('Case');
  return { ...loaded, viewer };
}

export async function getCoordinatedCase(ctx: AppContext, actor: Actor, id: string) {
  const loaded = await getViewableCase(ctx, actor, id);
  if (!loaded.viewer.isCoordinator) {
    throw new AppError(403, 'forbidden', 'Only the coordinators of the case may do this.');
  }
  return loaded;
}

/** A new invitation link for a participant: the token is returned once; only the secret's hash is kept. */
export async function createParticipantLink(trx: Trx, participantId: string): Promise<string> {
  const id = newId('cl');
  const secret = randomBytes(32).toString('base64url');
  await trx
    .insertInto('disclosure_case_links')
    .values({
      id,
      participant_id: participantId,
      secret_hash: hashSecret(secret),
      created_at: nowIso(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return `${id}.${secret}`;
}

/** The link names the case too, so the page opens it at once; both sit in the fragment, never sent to servers. */
export function participantLinkUrl(publicUrl: string, caseId: string, token: string): string {
  return `${publicUrl}/cases/join#case=${caseId}&token=${token}`;
}

const invalidLink = () =>
  new AppError(
    401,
    'invalid_participant_token',
    'This case link is not valid or was withdrawn. Ask the coordinators for a new one.',
  );

/** The actor of a case request: a participant link, else a reporter link, else whoever is signed in. */
export async function actorForCase(ctx: AppContext, request: FastifyRequest): Promise<Actor> {
  const header = request.headers[PARTICIPANT_TOKEN_HEADER];
  if (header === undefined) return actorWithReporterLink(ctx, request);
  const match = typeof header === 'string' ? TOKEN_PATTERN.exec(header) : null;
  if (!match) throw invalidLink();
  const [, id, secret] = match as unknown as [string, string, string];
  const link = await ctx.db
    .selectFrom('disclosure_case_links')
    .select(['participant_id', 'secret_hash', 'revoked_at', 'last_used_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  const expected = Buffer.from(link?.secret_hash ?? '0'.repeat(64), 'hex');
  if (!link || !timingSafeEqual(expected, Buffer.from(hashSecret(secret), 'hex')) || link.revoked_at) {
    throw invalidLink();
  }
  const now = nowIso();
  // Marks use at most once a minute: a busy page should not write on every request.
  if (!link.last_used_at || Date.parse(now) - Date.parse(link.last_used_at) > 60_000) {
    await ctx.db
      .updateTable('disclosure_case_links')
      .set({ last_used_at: now })
      .where('id', '=', id)
      .execute();
  }
  const actor: LinkHolderActor = {
    type: 'link_holder',
    grant: { kind: 'case_participant', id: link.participant_id },
  };
  return actor;
}
