import { type Actor, authorize } from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId } from '../../../core/db/ids.ts';
import { inTransaction } from '../../../core/db/transaction.ts';
import { enqueueEmail, notifyUsers } from '../../../core/delivery/outbox.ts';
import { AppError, badRequest, notFound, unauthenticated } from '../../../core/http/errors.ts';
import { hashToken, newSecret } from '../../../core/identity/crypto.ts';
import { isUnLanguageCode, type UnLanguageCode } from '../../../core/reference/languages.ts';
import { type PocRole, pocRoleLabel } from '../codes.ts';
import { presentContact } from '../entries/entries.presenter.ts';
import {
  type EntryRow,
  findActiveMember,
  findEntryRow,
  reconfirmPayload,
  retireReconfirmLinks,
} from '../entries/entries.repository.ts';
import { confirmationColumns, entryResource, getVisibleEntryRow } from '../entries/entries.service.ts';
import { hasUsableKey, mailLanguageOf } from '../pocs.ts';
import {
  claimEntry,
  findAdminsWithLocale,
  findEntriesDueForEscalation,
  findEntriesDueForReminder,
  findReconfirmLink,
  insertReconfirmLink,
  useReconfirmLink,
} from './freshness.repository.ts';
import { type EntryFacts, expiredMessage, reminderMessage } from './messages.ts';
import { addDays, REMINDER_BEFORE_DAYS } from './validity.ts';

const JOB: Actor = { type: 'system', label: 'contact freshness' };
/** A reconfirm link works this long, so it still works for a while after the entry went stale. */
const LINK_TTL_DAYS = 30;
const BATCH = 200;

function factsOf(row: EntryRow, language: UnLanguageCode): EntryFacts {
  return {
    orgName: row.org_name,
    roleLabel: pocRoleLabel(row.role as PocRole, language),
    entryName: row.name,
    validUntil: row.valid_until,
  };
}

/**
 * Confirms an entry as still correct: signed in as its holder, an admin of its organization or the
 * secretariat, or with the single-use token of a reminder link (no sign-in needed: the link went to the
 * entry's own address).
 */
export async function confirmContact(ctx: AppContext, actor: Actor, id: string, token: string | undefined) {
  if (token !== undefined) return confirmWithToken(ctx, id, token);
  // Without a link, signing in is what might help, whether or not the entry exists.
  if (actor.type === 'anonymous') throw unauthenticated();
  const row = await getVisibleEntryRow(ctx, actor, id);
  authorize(actor, 'contact.confirm', entryResource(row));
  const now = new Date();
  await inTransaction(ctx, async (trx) => {
    const updated = await trx
      .updateTable('poc_entries')
      .set(confirmationColumns(now))
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw notFound('Contact');
    await retireReconfirmLinks(trx, id, now.toISOString());
    await recordAudit(trx, {
      actor,
      orgId: row.org_id,
      action: 'contact.confirmed',
      subjectType: 'poc_entry',
      subjectId: id,
      summary: `"${row.name}" (${row.role}) of "${row.org_name}" confirmed as still correct`,
    });
  });
  return presentContact((await findEntryRow(ctx.db, id))!, now);
}

async function confirmWithToken(ctx: AppContext, id: string, token: string) {
  const link = await findReconfirmLink(ctx.db, hashToken(token));
  if (!link || link.payload !== reconfirmPayload(id)) {
    throw badRequest(
      'invalid_token',
      'This reconfirm link is not known. Use the latest link you received, or sign in.',
    );
  }
  // Removal retires the entry's links too; saying it was removed is the more useful answer.
  const row = await findEntryRow(ctx.db, id);
  if (!row) throw new AppError(410, 'contact_removed', 'This entry has been removed from the directory.');
  if (link.used_at) {
    throw new AppError(
      410,
      'token_used',
      'This reconfirm link was already used, or the entry was confirmed since.',
    );
  }
  const now = new Date();
  if (Date.parse(link.expires_at) <= now.getTime()) {
    throw new AppError(
      410,
      'token_expired',
      'This reconfirm link has expired. Sign in to confirm the entry.',
    );
  }
  // A link confirms that the holder still answers for the organization: not once they have left it or
  // their account was disabled, nor while the organization is not verified.
  if (!(await findActiveMember(ctx.db, row.org_id, row.user_id))) {
    throw new AppError(
      410,
      'holder_not_member',
      'The holder of this entry no longer belongs to the organization, so the link cannot confirm it. An admin of the organization can name someone else.',
    );
  }
  if (row.org_verification_status !== 'verified') {
    throw new AppError(
      410,
      'organization_no_longer_verified',
      'The organization is not verified at present, so the link cannot confirm its entry.',
    );
  }
  const confirmed = confirmationColumns(now);
  await inTransaction(ctx, async (trx) => {
    if (!(await useReconfirmLink(trx, link.id, now.toISOString()))) {
      throw new AppError(410, 'token_used', 'This reconfirm link was already used.');
    }
    const updated = await trx
      .updateTable('poc_entries')
      .set(confirmed)
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      throw new AppError(410, 'contact_removed', 'This entry has been removed from the directory.');
    }
    await retireReconfirmLinks(trx, id, now.toISOString());
    await recordAudit(trx, {
      actor: { type: 'anonymous' },
      orgId: row.org_id,
      action: 'contact.confirmed',
      subjectType: 'poc_entry',
      subjectId: id,
      summary: `"${row.name}" (${row.role}) of "${row.org_name}" confirmed through the reminder link sent to ${row.email}`,
    });
  });
  // Whoever holds a link is not signed in: the answer says that it worked and nothing of the entry itself.
  return { id, confirmedAt: confirmed.confirmed_at, validUntil: confirmed.valid_until };
}

/**
 * The directory's freshness job. (a) An entry within 14 days of the end of its validity gets one reminder,
 * to its own address in its language, with a single-use one-click reconfirm link, and a notice to its
 * holder in the app. (b) An entry past its validity is reported once to its organization's admins. Each
 * entry is claimed in its own transaction with its audit event and messages, so a run repeated, or run by
 * several processes at once, sends nothing twice.
 */
export async function runContactFreshness(
  ctx: AppContext,
  now = new Date(),
): Promise<{ reminded: number; escalated: number }> {
  let reminded = 0;
  let escalated = 0;
  const due = await findEntriesDueForReminder(
    ctx.db,
    addDays(now, REMINDER_BEFORE_DAYS).toISOString(),
    BATCH,
  );
  for (const { id } of due) if (await sendReminder(ctx, id, now)) reminded++;
  const stale = await findEntriesDueForEscalation(ctx.db, now.toISOString(), BATCH);
  for (const { id } of stale) if (await escalate(ctx, id, now)) escalated++;
  return { reminded, escalated };
}

async function sendReminder(ctx: AppContext, id: string, now: Date): Promise<boolean> {
  return inTransaction(ctx, async (trx) => {
    if (!(await claimEntry(trx, id, 'reminder_sent_at', now.toISOString()))) return false;
    const row = (await findEntryRow(trx, id))!;
    const token = newSecret();
    await insertReconfirmLink(trx, {
      id: newId('otl'),
      tokenHash: hashToken(token),
      pocId: id,
      userId: row.user_id,
      email: row.email,
      createdAt: now.toISOString(),
      expiresAt: addDays(now, LINK_TTL_DAYS).toISOString(),
    });
    // The token travels in the fragment, which browsers never send to a server; the page posts it to
    // /contacts/{id}/confirmations, so the (not secret) entry id rides along.
    const link = `${ctx.config.publicUrl}/contacts/reconfirm#id=${id}&token=${token}`;
    const language = mailLanguageOf(JSON.parse(row.languages) as string[]);
    const message = reminderMessage(language, factsOf(row, language), link);
    const key = { openpgpKey: row.openpgp_key, openpgpExpiresAt: row.openpgp_expires_at };
    await enqueueEmail(
      trx,
      {
        to: row.email,
        subject: `Common Ground: ${message.subject}`,
        text: message.text,
        // The link confirms the entry without a sign-in, so it goes encrypted where the contact has a key.
        ...(hasUsableKey(key, now) && row.openpgp_key ? { encryptTo: row.openpgp_key } : {}),
      },
      { topic: 'contact.reminder', orgId: row.org_id },
    );
    const holderLanguage = await localeOf(trx, row.user_id);
    const notice = reminderMessage(holderLanguage, factsOf(row, holderLanguage), '');
    await notifyUsers(trx, {
      userIds: [row.user_id],
      orgId: row.org_id,
      topic: 'contact.reminder',
      title: notice.title,
      body: notice.title,
      link: `/contacts/${id}`,
    });
    await recordAudit(trx, {
      actor: JOB,
      orgId: row.org_id,
      action: 'contact.reminder_sent',
      subjectType: 'poc_entry',
      subjectId: id,
      summary: `Reconfirm reminder for "${row.name}" (${row.role}) of "${row.org_name}" sent to ${row.email}; valid until ${row.valid_until}`,
    });
    return true;
  });
}

async function localeOf(db: Parameters<typeof findEntryRow>[0], userId: string): Promise<UnLanguageCode> {
  const user = await db.selectFrom('users').select('locale').where('id', '=', userId).executeTakeFirst();
  return isUnLanguageCode(user?.locale) ? user.locale : 'en';
}

async function escalate(ctx: AppContext, id: string, now: Date): Promise<boolean> {
  return inTransaction(ctx, async (trx) => {
    if (!(await claimEntry(trx, id, 'expiry_escalated_at', now.toISOString()))) return false;
    const row = (await findEntryRow(trx, id))!;
    const admins = await findAdminsWithLocale(trx, row.org_id);
    const path = `/contacts/${id}`;
    for (const admin of admins) {
      const language = isUnLanguageCode(admin.locale) ? admin.locale : 'en';
      const message = expiredMessage(language, factsOf(row, language), `${ctx.config.publicUrl}${path}`);
      await notifyUsers(trx, {
        userIds: [admin.id],
        orgId: row.org_id,
        topic: 'contact.expired',
        title: message.title,
        body: message.text,
        link: path,
      });
      await enqueueEmail(
        trx,
        { to: admin.email, subject: `Common Ground: ${message.subject}`, text: message.text },
        { topic: 'contact.expired', orgId: row.org_id },
      );
    }
    await recordAudit(trx, {
      actor: JOB,
      orgId: row.org_id,
      action: 'contact.expired',
      subjectType: 'poc_entry',
      subjectId: id,
      summary: `"${row.name}" (${row.role}) of "${row.org_name}" not reconfirmed by ${row.valid_until}; ${admins.length} admin(s) told`,
    });
    return true;
  });
}
