import type { Static } from 'typebox';
import {
  type Actor,
  authorize,
  can,
  type OrganizationResource,
  type PocEntryResource,
} from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId } from '../../../core/db/ids.ts';
import { inTransaction, type Trx } from '../../../core/db/transaction.ts';
import { enqueueEmail, notifyUsers } from '../../../core/delivery/outbox.ts';
import { conflict, forbidden, notFound, unprocessable } from '../../../core/http/errors.ts';
import { decodeStringCursor, toPage } from '../../../core/http/pagination.ts';
import type { VerificationStatus } from '../../../core/orgs/kinds.ts';
import { getOrganizationRow } from '../../../core/orgs/orgs.service.ts';
import { isUnLanguageCode } from '../../../core/reference/languages.ts';
import { type PocRole, pocRoleLabel } from '../codes.ts';
import { nominatedMessage } from '../freshness/messages.ts';
import { validUntilFrom } from '../freshness/validity.ts';
import { presentContact, presentContactSummary } from './entries.presenter.ts';
import {
  type EntryFilters,
  type EntryRow,
  findActiveMember,
  findEntryRow,
  findEntryRows,
  retireReconfirmLinks,
} from './entries.repository.ts';
import type { ContactQuery, Edit, Nominate } from './entries.schemas.ts';
import {
  canonicalLanguageTags,
  canonicalTimeZone,
  checkOpenPgpKey,
  normalizeWorkingHours,
} from './entry-input.ts';

export function organizationResource(row: {
  org_id: string;
  org_verification_status: string;
}): OrganizationResource {
  return {
    type: 'organization',
    id: row.org_id,
    verificationStatus: row.org_verification_status as VerificationStatus,
  };
}

export function entryResource(row: { org_id: string; user_id: string }): PocEntryResource {
  return { type: 'poc_entry', orgId: row.org_id, holderUserId: row.user_id };
}

function isEntryVisible(actor: Actor, row: EntryRow): boolean {
  return can(actor, 'contact.read', {
    type: 'poc_entry_read',
    orgId: row.org_id,
    isOrgVerified: row.org_verification_status === 'verified',
    isHolderCurrent: Number(row.holder_is_current) === 1,
  });
}

/** A current entry the actor may read; anything else is reported missing. */
export async function getVisibleEntryRow(ctx: AppContext, actor: Actor, id: string): Promise<EntryRow> {
  const row = await findEntryRow(ctx.db, id);
  if (!row || !isEntryVisible(actor, row)) throw notFound('Contact');
  return row;
}

export async function getContact(ctx: AppContext, actor: Actor, id: string) {
  return presentContact(await getVisibleEntryRow(ctx, actor, id), new Date());
}

/** The entry's armored public key, for download; 404 when it has none. */
export async function getContactKey(ctx: AppContext, actor: Actor, id: string) {
  const row = await getVisibleEntryRow(ctx, actor, id);
  if (!row.openpgp_key || !row.openpgp_fingerprint) throw notFound('OpenPGP key');
  return { armored: row.openpgp_key, fingerprint: row.openpgp_fingerprint };
}

export async function findContacts(ctx: AppContext, actor: Actor, query: Static<typeof ContactQuery>) {
  let scope: EntryFilters['scope'];
  if (can(actor, 'contact.read_all', { type: 'platform' })) {
    scope = { kind: 'all' };
  } else if (can(actor, 'contact.search', { type: 'platform' })) {
    scope = {
      kind: 'verified_or_own',
      ownOrgIds: actor.type === 'user' ? actor.memberships.map((m) => m.orgId) : [],
    };
  } else if (
    query.orgId &&
    // Asked as for the least visible entry of that organization: only its own members read those.
    can(actor, 'contact.read', {
      type: 'poc_entry_read',
      orgId: query.orgId,
      isOrgVerified: false,
      isHolderCurrent: false,
    })
  ) {
    // Members of an organization not (yet) verified still read their own organization's entries.
    scope = { kind: 'own', orgIds: [query.orgId] };
  } else {
    // 401 for the anonymous; a signed-in user outside the verified community gets 403.
    authorize(actor, 'contact.search', { type: 'platform' });
    throw forbidden();
  }
  const limit = query.limit ?? 50;
  const now = new Date();
  const after = decodeStringCursor(query.cursor);
  const rows = await findEntryRows(ctx.db, {
    scope,
    ...(query.country ? { countryCodes: query.country.map((code) => code.toUpperCase()) } : {}),
    ...(query.region ? { regionCodes: query.region } : {}),
    ...(query.role ? { roles: query.role } : {}),
    ...(query.language ? { languages: query.language.map((code) => code.toLowerCase()) } : {}),
    ...(query.service ? { services: query.service } : {}),
    ...(query.orgId ? { orgId: query.orgId } : {}),
    ...(query.freshness ? { freshness: query.freshness } : {}),
    ...(query.q ? { q: query.q } : {}),
    ...(after ? { after } : {}),
    now,
    limit,
  });
  return toPage(
    rows,
    limit,
    (row) => row.id,
    (row) => presentContactSummary(row, now),
  );
}

/** The columns a confirmation sets: a fresh validity, and the reminder and escalation of the last one cleared. */
export function confirmationColumns(now: Date) {
  return {
    confirmed_at: now.toISOString(),
    valid_until: validUntilFrom(now).toISOString(),
    reminder_sent_at: null,
    expiry_escalated_at: null,
    updated_at: now.toISOString(),
  };
}

async function getHolder(ctx: AppContext, orgId: string, userId: string) {
  const member = await findActiveMember(ctx.db, orgId, userId);
  if (!member) {
    throw unprocessable(
      'not_a_member',
      'The holder must be an active member of the organization: they sign in to act for it.',
      { userId },
    );
  }
  return member;
}

/** Tells the member who now holds an entry, in the app and by e-mail in the language of their account. */
async function tellHolder(
  ctx: AppContext,
  trx: Trx,
  entry: { id: string; orgId: string; orgName: string; role: PocRole; name: string; validUntil: string },
  holder: { id: string; email: string; locale: string },
) {
  const language = isUnLanguageCode(holder.locale) ? holder.locale : 'en';
  const link = `/contacts/${entry.id}`;
  const message = nominatedMessage(
    language,
    {
      orgName: entry.orgName,
      roleLabel: pocRoleLabel(entry.role, language),
      entryName: entry.name,
      validUntil: entry.validUntil,
    },
    `${ctx.config.publicUrl}${link}`,
  );
  await notifyUsers(trx, {
    userIds: [holder.id],
    orgId: entry.orgId,
    topic: 'contact.nominated',
    title: message.title,
    body: message.text,
    link,
  });
  await enqueueEmail(
    trx,
    { to: holder.email, subject: `Common Ground: ${message.subject}`, text: message.text },
    { topic: 'contact.nominated', orgId: entry.orgId },
  );
}

export async function nominate(ctx: AppContext, actor: Actor, input: Static<typeof Nominate>) {
  const org = await getOrganizationRow(ctx, actor, input.orgId);
  authorize(actor, 'contact.manage', {
    type: 'organization',
    id: org.id,
    verificationStatus: org.verification_status as VerificationStatus,
  });
  const holder = await getHolder(ctx, org.id, input.userId);
  const languages = canonicalLanguageTags(input.languages);
  const timeZone = canonicalTimeZone(input.timeZone);
  const workingHours = normalizeWorkingHours(input.workingHours);
  const key = input.openpgpKey ? await checkOpenPgpKey(input.openpgpKey) : null;
  const id = newId('poc');
  const now = new Date();
  const confirmation = confirmationColumns(now);
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('poc_entries')
      .values({
        id,
        org_id: org.id,
        user_id: holder.id,
        role: input.role,
        name: input.name.trim(),
        email: input.email,
        phone: input.phone?.trim() || null,
        hotline: input.hotline?.trim() || null,
        messenger: input.messenger?.trim() || null,
        languages: JSON.stringify(languages),
        time_zone: timeZone,
        working_hours: workingHours ? JSON.stringify(workingHours) : null,
        openpgp_key: key?.armored ?? null,
        openpgp_fingerprint: key?.fingerprint ?? null,
        openpgp_expires_at: key?.expiresAt ?? null,
        services: JSON.stringify([...new Set(input.services)]),
        nominated_by: actor.type === 'user' ? actor.userId : holder.id,
        ...confirmation,
        created_at: now.toISOString(),
        removed_at: null,
      })
      .execute();
    await recordAudit(trx, {
      actor,
      orgId: org.id,
      action: 'contact.nominated',
      subjectType: 'poc_entry',
      subjectId: id,
      summary: `"${input.name.trim()}" nominated as ${input.role} point of contact of "${org.name}", held by ${holder.email}${key ? `, OpenPGP ${key.fingerprint}` : ''}`,
    });
    await tellHolder(
      ctx,
      trx,
      {
        id,
        orgId: org.id,
        orgName: org.name,
        role: input.role,
        name: input.name.trim(),
        validUntil: confirmation.valid_until,
      },
      holder,
    );
  });
  return getContact(ctx, actor, id);
}

/** Fields only the organization's admins (or the secretariat) change; the holder edits the rest. */
const ADMIN_ONLY_FIELDS = ['userId', 'role', 'name'] as const;

export async function editContact(ctx: AppContext, actor: Actor, id: string, input: Static<typeof Edit>) {
  const row = await getVisibleEntryRow(ctx, actor, id);
  if (!can(actor, 'contact.manage', organizationResource(row))) {
    authorize(actor, 'contact.confirm', entryResource(row));
    if (ADMIN_ONLY_FIELDS.some((field) => input[field] !== undefined)) {
      throw forbidden('Only the organization’s admins change the role, the name or who holds the entry.');
    }
  }
  const holder =
    input.userId !== undefined && input.userId !== row.user_id
      ? await getHolder(ctx, row.org_id, input.userId)
      : null;
  const languages = input.languages ? canonicalLanguageTags(input.languages) : undefined;
  const timeZone = input.timeZone ? canonicalTimeZone(input.timeZone) : undefined;
  const workingHours =
    input.workingHours !== undefined ? normalizeWorkingHours(input.workingHours) : undefined;
  const key =
    input.openpgpKey === undefined || input.openpgpKey === null
      ? input.openpgpKey
      : await checkOpenPgpKey(input.openpgpKey);
  const changes = {
    ...(holder ? { user_id: holder.id } : {}),
    ...(input.role !== undefined ? { role: input.role } : {}),
    ...(input.name !== undefined ? { name: input.name.trim() } : {}),
    ...(input.email !== undefined ? { email: input.email } : {}),
    ...(input.phone !== undefined ? { phone: input.phone?.trim() || null } : {}),
    ...(input.hotline !== undefined ? { hotline: input.hotline?.trim() || null } : {}),
    ...(input.messenger !== undefined ? { messenger: input.messenger?.trim() || null } : {}),
    ...(languages ? { languages: JSON.stringify(languages) } : {}),
    ...(timeZone ? { time_zone: timeZone } : {}),
    ...(workingHours !== undefined
      ? { working_hours: workingHours ? JSON.stringify(workingHours) : null }
      : {}),
    ...(key === null
      ? { openpgp_key: null, openpgp_fingerprint: null, openpgp_expires_at: null }
      : key
        ? {
            openpgp_key: key.armored,
            openpgp_fingerprint: key.fingerprint,
            openpgp_expires_at: key.expiresAt,
          }
        : {}),
    ...(input.services ? { services: JSON.stringify([...new Set(input.services)]) } : {}),
  };
  const changed = Object.keys(changes).filter(
    (column) => (changes as Record<string, unknown>)[column] !== (row as Record<string, unknown>)[column],
  );
  const now = new Date();
  const confirmation = confirmationColumns(now);
  await inTransaction(ctx, async (trx) => {
    const updated = await trx
      .updateTable('poc_entries')
      .set({ ...changes, ...confirmation })
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw notFound('Contact');
    await retireReconfirmLinks(trx, id, now.toISOString());
    await recordAudit(trx, {
      actor,
      orgId: row.org_id,
      action: 'contact.updated',
      subjectType: 'poc_entry',
      subjectId: id,
      summary: `"${changes.name ?? row.name}" (${changes.role ?? row.role}) of "${row.org_name}" ${
        changed.length > 0 ? `changed (${changed.join(', ')}) and ` : ''
      }confirmed until ${confirmation.valid_until}`,
    });
    if (holder) {
      await tellHolder(
        ctx,
        trx,
        {
          id,
          orgId: row.org_id,
          orgName: row.org_name,
          role: (changes.role ?? row.role) as PocRole,
          name: changes.name ?? row.name,
          validUntil: confirmation.valid_until,
        },
        holder,
      );
    }
  });
  return getContact(ctx, actor, id);
}

export async function removeContact(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const row = await getVisibleEntryRow(ctx, actor, id);
  authorize(actor, 'contact.manage', organizationResource(row));
  const now = new Date().toISOString();
  await inTransaction(ctx, async (trx) => {
    const removed = await trx
      .updateTable('poc_entries')
      .set({ removed_at: now, updated_at: now })
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (Number(removed.numUpdatedRows) !== 1)
      throw conflict('already_removed', 'This entry was removed meanwhile.');
    await retireReconfirmLinks(trx, id, now);
    await recordAudit(trx, {
      actor,
      orgId: row.org_id,
      action: 'contact.removed',
      subjectType: 'poc_entry',
      subjectId: id,
      summary: `"${row.name}" (${row.role}) removed from the points of contact of "${row.org_name}"`,
    });
    await notifyUsers(trx, {
      userIds: [row.user_id],
      orgId: row.org_id,
      topic: 'contact.removed',
      title: `No longer a point of contact: ${row.name}`,
      body: `The entry "${row.name}" (${row.role}) of ${row.org_name} was removed from the directory.`,
      link: null,
    });
  });
}
