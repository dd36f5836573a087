import type { Db } from '../../../core/db/database.ts';
import type { Trx } from '../../../core/db/transaction.ts';

function selectConsultations(db: Db | Trx) {
  return db
    .selectFrom('consultations')
    .innerJoin('drafts', 'drafts.id', 'consultations.draft_id')
    .selectAll('consultations')
    .select(['drafts.title as draft_title', 'drafts.process_id', 'drafts.group_id'])
    .select((eb) => [
      eb
        .selectFrom('contributions')
        .select((sub) => sub.fn.countAll<number>().as('n'))
        .whereRef('contributions.consultation_id', '=', 'consultations.id')
        .as('contribution_count'),
      eb
        .selectFrom('contributions')
        .select((sub) => sub.fn.countAll<number>().as('n'))
        .whereRef('contributions.consultation_id', '=', 'consultations.id')
        .where('contributions.disposition', 'is not', null)
        .as('disposition_count'),
    ]);
}

export function findConsultationRow(db: Db | Trx, id: string) {
  return selectConsultations(db).where('consultations.id', '=', id).executeTakeFirst();
}

export function findConsultationRows(
  db: Db,
  filters: {
    draftId?: string;
    processId?: string;
    now: string;
    status?: string;
    after?: string;
    limit: number;
  },
) {
  let query = selectConsultations(db)
    .where('drafts.current_revision', '>', 0)
    .orderBy('consultations.id', 'desc')
    .limit(filters.limit + 1);
  if (filters.draftId) query = query.where('consultations.draft_id', '=', filters.draftId);
  if (filters.processId) query = query.where('drafts.process_id', '=', filters.processId);
  if (filters.after) query = query.where('consultations.id', '<', filters.after);
  if (filters.status === 'scheduled') query = query.where('consultations.opens_at', '>', filters.now);
  if (filters.status === 'open') {
    query = query
      .where('consultations.opens_at', '<=', filters.now)
      .where('consultations.closes_at', '>', filters.now);
  }
  if (filters.status === 'closed') query = query.where('consultations.closes_at', '<=', filters.now);
  return query.execute();
}

export function selectContributions(db: Db | Trx) {
  return db
    .selectFrom('contributions')
    .innerJoin('organizations', 'organizations.id', 'contributions.org_id')
    .innerJoin('users', 'users.id', 'contributions.author_id')
    .selectAll('contributions')
    .select([
      'organizations.name as org_name',
      'organizations.kind as org_kind',
      'organizations.country_code as org_country_code',
      'users.display_name as author_name',
    ]);
}

export function findContributionRow(db: Db | Trx, id: string) {
  return selectContributions(db).where('contributions.id', '=', id).executeTakeFirst();
}

export function findContributionRows(
  db: Db,
  filters: {
    draftId?: string;
    orgId?: string;
    consultationId?: string;
    blockKey?: string;
    kind?: string;
    after?: string;
    limit: number;
  },
) {
  let query = selectContributions(db)
    .orderBy('contributions.id')
    .limit(filters.limit + 1);
  if (filters.draftId) query = query.where('contributions.draft_id', '=', filters.draftId);
  if (filters.orgId) query = query.where('contributions.org_id', '=', filters.orgId);
  if (filters.consultationId)
    query = query.where('contributions.consultation_id', '=', filters.consultationId);
  if (filters.blockKey) query = query.where('contributions.block_key', '=', filters.blockKey);
  if (filters.kind) query = query.where('contributions.kind', '=', filters.kind);
  if (filters.after) query = query.where('contributions.id', '>', filters.after);
  return query.execute();
}

/** Every contribution to a consultation, oldest first (the service orders them by paragraph). */
export function findConsultationContributionRows(db: Db, consultationId: string) {
  return selectContributions(db)
    .where('contributions.consultation_id', '=', consultationId)
    .orderBy('contributions.id')
    .execute();
}
