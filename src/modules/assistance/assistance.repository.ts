import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { ReadScope } from '../../core/access/index.ts';
import type { Database } from '../../core/db/tables.ts';
import type {
  AssistanceAttachmentsTable,
  AssistanceMessagesTable,
  AssistanceRecipientPocsTable,
  AssistanceRecipientsTable,
  AssistanceRequestsTable,
} from './assistance.tables.ts';

type Reader = Kysely<Database>;

export type RequestRow = AssistanceRequestsTable & {
  sender_org_name: string;
  sender_poc_name: string;
  /** 1 while the sender still belongs to the sending organization, else 0. */
  sender_is_member: number;
};
export type RecipientRow = AssistanceRecipientsTable & { org_name: string };
export type RecipientPocRow = AssistanceRecipientPocsTable;
export type MessageRow = AssistanceMessagesTable & { org_name: string; author_name: string };
export type AttachmentMetaRow = Omit<AssistanceAttachmentsTable, 'data'>;

const NOTHING = sql<SqlBool>`1 = 0`;

/**
 * The requests a reader may see, on `assistance_requests AS r`: the rule of core/access/audience.ts
 * (isInRecordAudience) for the record a request is (see audience.ts in this module), written as SQL so
 * lists, exports and counts filter in the database. Named people are the sender and the POCs the request
 * was addressed or escalated to, each while a member of the organization they were named for; involved
 * organizations are the sender's and the recipients'. A token's holder is named only where the token's
 * organization is involved (ReadScope.orgScoped).
 */
export function readableCondition(scope: ReadScope): RawBuilder<SqlBool> {
  if (scope.isSystem) return sql<SqlBool>`r.tlp <> 'TLP:RED'`;
  const involvedOrg =
    scope.orgIds.length === 0
      ? NOTHING
      : sql<SqlBool>`(r.sender_org_id IN (${sql.join(scope.orgIds)}) OR EXISTS (SELECT 1 FROM assistance_recipients io WHERE io.request_id = r.id AND io.org_id IN (${sql.join(scope.orgIds)})))`;
  const namedAnywhere =
    scope.userId === undefined
      ? NOTHING
      : sql<SqlBool>`((r.sender_user_id = ${scope.userId} AND EXISTS (SELECT 1 FROM memberships sm WHERE sm.org_id = r.sender_org_id AND sm.user_id = ${scope.userId})) OR EXISTS (SELECT 1 FROM assistance_recipient_pocs np INNER JOIN memberships nm ON nm.org_id = np.org_id AND nm.user_id = np.user_id WHERE np.request_id = r.id AND np.user_id = ${scope.userId}))`;
  const named = scope.orgScoped ? sql<SqlBool>`(${namedAnywhere} AND ${involvedOrg})` : namedAnywhere;
  const involved = sql<SqlBool>`(${named} OR ${involvedOrg})`;
  // TLP:CLEAR and TLP:GREEN requests are 'community' records: the verified community, and the involved.
  const community = scope.isCommunity
    ? sql<SqlBool>`r.tlp IN ('TLP:CLEAR', 'TLP:GREEN')`
    : sql<SqlBool>`(r.tlp IN ('TLP:CLEAR', 'TLP:GREEN') AND ${involved})`;
  return sql<SqlBool>`(${community} OR (r.tlp IN ('TLP:AMBER', 'TLP:AMBER+STRICT') AND ${involved}) OR (r.tlp = 'TLP:RED' AND ${named}))`;
}

function requestQuery(db: Reader) {
  return db
    .selectFrom('assistance_requests as r')
    .innerJoin('organizations as so', 'so.id', 'r.sender_org_id')
    .innerJoin('poc_entries as sp', 'sp.id', 'r.sender_poc_id')
    .selectAll('r')
    .select(['so.name as sender_org_name', 'sp.name as sender_poc_name'])
    .select(
      sql<number>`CASE WHEN EXISTS (SELECT 1 FROM memberships sm WHERE sm.org_id = r.sender_org_id AND sm.user_id = r.sender_user_id) THEN 1 ELSE 0 END`.as(
        'sender_is_member',
      ),
    );
}

export async function findRequestRow(db: Reader, id: string): Promise<RequestRow | undefined> {
  return requestQuery(db).where('r.id', '=', id).executeTakeFirst();
}

export async function findRecipientRows(db: Reader, requestIds: readonly string[]): Promise<RecipientRow[]> {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom('assistance_recipients as x')
    .innerJoin('organizations as o', 'o.id', 'x.org_id')
    .selectAll('x')
    .select('o.name as org_name')
    .where('x.request_id', 'in', requestIds)
    .orderBy('x.request_id')
    .orderBy('o.name')
    .orderBy('x.org_id')
    .execute();
}

/**
 * The POCs a request was addressed or escalated to who still belong to the organization they were named
 * for: naming holds only while the person does, so someone who left reads and hears nothing more of it.
 */
export async function findRecipientPocRows(
  db: Reader,
  requestIds: string | readonly string[],
): Promise<RecipientPocRow[]> {
  const ids = typeof requestIds === 'string' ? [requestIds] : [...requestIds];
  if (ids.length === 0) return [];
  return db
    .selectFrom('assistance_recipient_pocs as x')
    .innerJoin('memberships as m', (join) =>
      join.onRef('m.org_id', '=', 'x.org_id').onRef('m.user_id', '=', 'x.user_id'),
    )
    .selectAll('x')
    .where('x.request_id', 'in', ids)
    .orderBy('x.request_id')
    .orderBy('x.added_at_level')
    .orderBy('x.poc_id')
    .execute();
}

export async function findMessageRows(db: Reader, requestId: string): Promise<MessageRow[]> {
  return db
    .selectFrom('assistance_messages as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .selectAll('m')
    .select(['o.name as org_name', 'u.display_name as author_name'])
    .where('m.request_id', '=', requestId)
    .orderBy('m.id')
    .execute();
}

/** Who wrote a thread message and to whom: what decides who sees it and its attachments. */
export function findMessageAddress(db: Reader, requestId: string, messageId: string) {
  return db
    .selectFrom('assistance_messages')
    .select(['org_id', 'to_org_id'])
    .where('request_id', '=', requestId)
    .where('id', '=', messageId)
    .executeTakeFirst();
}

export async function findAttachmentMetaRows(db: Reader, requestId: string): Promise<AttachmentMetaRow[]> {
  return db
    .selectFrom('assistance_attachments')
    .select(['id', 'request_id', 'message_id', 'file_name', 'media_type', 'size', 'sha256', 'created_at'])
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute();
}

export async function findAttachmentRow(db: Reader, requestId: string, attachmentId: string) {
  return db
    .selectFrom('assistance_attachments')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}

export interface RequestListFilter {
  box: 'inbox' | 'outbox';
  /** The reader's organizations: recipients of the inbox, senders of the outbox. */
  orgIds: readonly string[];
  scope: ReadScope;
  status?: string;
  type?: string;
  q?: string;
  /** Ids below this one (newest first). */
  before?: string;
  limit: number;
}

/** Escapes LIKE wildcards so the user's text matches literally. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function findRequestRows(db: Reader, filter: RequestListFilter): Promise<RequestRow[]> {
  if (filter.orgIds.length === 0) return [];
  const orgIds = [...filter.orgIds];
  let query = requestQuery(db).where(readableCondition(filter.scope));
  if (filter.box === 'outbox') {
    query = query.where('r.sender_org_id', 'in', orgIds);
    if (filter.status) {
      const status = filter.status;
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('assistance_recipients as s')
            .select('s.org_id')
            .whereRef('s.request_id', '=', 'r.id')
            .where('s.status', '=', status),
        ),
      );
    }
  } else {
    const status = filter.status;
    query = query.where(({ exists, selectFrom }) => {
      let mine = selectFrom('assistance_recipients as s')
        .select('s.org_id')
        .whereRef('s.request_id', '=', 'r.id')
        .where('s.org_id', 'in', orgIds);
      if (status) mine = mine.where('s.status', '=', status);
      return exists(mine);
    });
  }
  if (filter.type) query = query.where('r.type', '=', filter.type);
  if (filter.q) {
    const pattern = likePattern(filter.q);
    query = query.where(
      sql<SqlBool>`(lower(r.title) LIKE ${pattern} ESCAPE '\\' OR lower(r.description) LIKE ${pattern} ESCAPE '\\')`,
    );
  }
  if (filter.before) query = query.where('r.id', '<', filter.before);
  return query.orderBy('r.id', 'desc').limit(filter.limit).execute();
}

/** The organizations among `ids` that exist and are verified. */
export async function findVerifiedOrgIds(db: Reader, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('organizations')
    .select('id')
    .where('id', 'in', ids)
    .where('verification_status', '=', 'verified')
    .execute();
  return new Set(rows.map((row) => row.id));
}

/** Each user's memberships with their organizations' verification, for canReceive. */
export async function findMembershipsOf(
  db: Reader,
  userIds: readonly string[],
): Promise<Map<string, { orgId: string; isOrgVerified: boolean }[]>> {
  const byUser = new Map<string, { orgId: string; isOrgVerified: boolean }[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'm.org_id', 'o.verification_status'])
    .where('m.user_id', 'in', userIds)
    .where('u.disabled_at', 'is', null)
    .execute();
  for (const row of rows) {
    const list = byUser.get(row.user_id) ?? [];
    list.push({ orgId: row.org_id, isOrgVerified: row.verification_status === 'verified' });
    byUser.set(row.user_id, list);
  }
  return byUser;
}

/** Users' interface languages, for in-app notifications. */
export async function findUserLocales(db: Reader, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'locale']).where('id', 'in', userIds).execute();
  return new Map(rows.map((row) => [row.id, row.locale]));
}

/** Recipients still waiting for acknowledgement whose next escalation is due. */
export async function findDueEscalations(db: Reader, now: string, limit: number) {
  return db
    .selectFrom('assistance_recipients')
    .select(['request_id', 'org_id', 'escalation_level', 'next_escalation_at'])
    .where('status', '=', 'sent')
    .where('next_escalation_at', 'is not', null)
    .where('next_escalation_at', '<=', now)
    .orderBy('next_escalation_at')
    .limit(limit)
    .execute();
}
