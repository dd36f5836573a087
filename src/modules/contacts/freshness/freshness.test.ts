import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  headerOf,
  type SmtpCapture,
  startSmtpCapture,
  startWorker,
  type WorkerHarness,
  waitUntil,
} from '../../../../test/fixtures/delivery-support.ts';
import {
  decryptReceivedMail,
  generateRecipientKey,
  type RecipientKey,
} from '../../../../test/fixtures/openpgp.ts';
import { createTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { describeEachDialect } from '../../../../test/harness/databases.ts';
import { getInstanceKey } from '../../../core/openpgp/instance-key.ts';
import {
  createDirectoryCast,
  type DirectoryCast,
  nominateAs,
  nomination,
  setValidUntil,
} from '../test-support.ts';
import { runContactFreshness } from './freshness.service.ts';
import { addCalendarMonths } from './validity.ts';

const DAY_MS = 86_400_000;

/** The text of a captured message: the body after the headers, quoted-printable or base64 undone. */
function bodyText(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const body = raw.slice(split + 4);
  if (/^Content-Transfer-Encoding:\s*base64/im.test(raw)) {
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  const bytes: number[] = [];
  const unfolded = body.replace(/=\r?\n/g, '');
  for (let i = 0; i < unfolded.length; i++) {
    const hex = unfolded.slice(i + 1, i + 3);
    if (unfolded[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(unfolded[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

describeEachDialect('contacts: freshness reminders, reconfirm links and escalation', (dialect) => {
  let t: TestApp;
  let cast: DirectoryCast;
  let smtp: SmtpCapture;
  let harness: WorkerHarness;
  let key: RecipientKey;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    cast = await createDirectoryCast(t);
    smtp = await startSmtpCapture();
    harness = startWorker(t.database, { SMTP_URL: smtp.url, PUBLIC_URL: 'http://localhost:8080' });
    key = await generateRecipientKey('cert@fr.example.test');
  });
  afterAll(async () => {
    await harness.stop();
    await smtp.close();
    await t.close();
  });

  const mailsTo = (address: string) => smtp.mails.filter((mail) => headerOf(mail.raw, 'To') === address);
  const confirmWith = (id: string, token: string) =>
    t.app.inject({ method: 'POST', url: `/api/v1/contacts/${id}/confirmations`, payload: { token } });
  const entryRow = (id: string) =>
    t.database.db.selectFrom('poc_entries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('sends one reminder per entry, in its language, with a link that reconfirms once', async () => {
    const kenya = (
      await nominateAs(
        cast.kenya.admin,
        nomination(cast.kenya.orgId, cast.kenya.holderId, {
          email: 'desk-a@ke.example.test',
          languages: ['sw', 'fr-CA', 'en'],
        }),
      )
    ).json();
    const chile = (
      await nominateAs(
        cast.chile.admin,
        nomination(cast.chile.orgId, cast.chile.adminId, {
          email: 'desk-b@cl.example.test',
          languages: ['es'],
        }),
      )
    ).json();
    const cert = (
      await nominateAs(
        cast.cert.admin,
        nomination(cast.cert.orgId, cast.cert.memberId, {
          email: 'cert@fr.example.test',
          languages: ['fr'],
          openpgpKey: key.publicArmored,
        }),
      )
    ).json();
    const now = new Date();
    await setValidUntil(t, kenya.id, new Date(now.getTime() + 10 * DAY_MS));
    await setValidUntil(t, cert.id, new Date(now.getTime() + 13 * DAY_MS));
    // Chile's entry keeps its four months: no reminder yet.
    expect(await runContactFreshness(harness.ctx, now)).toEqual({ reminded: 2, escalated: 0 });
    expect(await runContactFreshness(harness.ctx, now)).toEqual({ reminded: 0, escalated: 0 });
    expect((await entryRow(chile.id)).reminder_sent_at).toBeNull();
    expect((await entryRow(kenya.id)).reminder_sent_at).toBe(now.toISOString());

    await waitUntil(() => mailsTo('desk-a@ke.example.test').length === 1, 'the reminder to Kenya’s desk');
    await waitUntil(() => mailsTo('cert@fr.example.test').length === 1, 'the reminder to CERT-FR');
    const text = bodyText(mailsTo('desk-a@ke.example.test')[0]!.raw);
    // Swahili is not a UN language; French is the first one that is.
    expect(text).toContain('confirmez-les en un clic');
    const link = /http:\/\/localhost:8080\/contacts\/reconfirm#id=([a-z0-9_]+)&token=([A-Za-z0-9_-]+)/.exec(
      text,
    );
    expect(link).not.toBeNull();
    expect(link![1]).toBe(kenya.id);
    const token = link![2]!;
    // Only the token's hash is kept.
    const links = await t.database.db
      .selectFrom('one_time_tokens')
      .selectAll()
      .where('purpose', '=', 'poc_reconfirm')
      .execute();
    expect(links).toHaveLength(2);
    expect(JSON.stringify(links)).not.toContain(token);
    // The holder is told in the app too.
    const notices = await t.database.db
      .selectFrom('notifications')
      .select('link')
      .where('user_id', '=', cast.kenya.holderId)
      .where('topic', '=', 'contact.reminder')
      .execute();
    expect(notices).toEqual([{ link: `/contacts/${kenya.id}` }]);

    // A contact with a key gets the link encrypted to it, signed by the instance.
    const encrypted = mailsTo('cert@fr.example.test')[0]!.raw;
    expect(encrypted).not.toContain('token=');
    const instance = await getInstanceKey(t.database.db, { publicUrl: 'http://localhost:8080' });
    const decrypted = await decryptReceivedMail(encrypted, key.privateArmored, instance.publicArmored);
    expect(decrypted.isSignatureValid).toBe(true);
    const certToken = /&token=([A-Za-z0-9_-]+)/.exec(decrypted.text)?.[1];
    expect(certToken).toBeDefined();

    // The wrong entry, an unknown token: refused.
    expect((await confirmWith(chile.id, token)).json().code).toBe('invalid_token');
    expect((await confirmWith(kenya.id, 'A'.repeat(43))).json().code).toBe('invalid_token');
    const confirmed = await confirmWith(kenya.id, token);
    expect(confirmed.statusCode).toBe(200);
    // Whoever holds the link is not signed in: the answer carries the outcome, nothing of the entry.
    expect(Object.keys(confirmed.json()).sort()).toEqual(['confirmedAt', 'id', 'validUntil']);
    expect(confirmed.json().id).toBe(kenya.id);
    const confirmedAt = new Date(confirmed.json().confirmedAt);
    expect(confirmed.json().validUntil).toBe(addCalendarMonths(confirmedAt, 4).toISOString());
    expect((await entryRow(kenya.id)).valid_until).toBe(confirmed.json().validUntil);
    const row = await entryRow(kenya.id);
    expect(row.reminder_sent_at).toBeNull();
    expect(row.expiry_escalated_at).toBeNull();
    const second = await confirmWith(kenya.id, token);
    expect(second.statusCode).toBe(410);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.json().code).toBe('token_used');
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_label'])
      .where('subject_id', '=', kenya.id)
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'contact.nominated', actor_label: expect.any(String) },
      { action: 'contact.reminder_sent', actor_label: 'system:contact freshness' },
      { action: 'contact.confirmed', actor_label: 'anonymous' },
    ]);

    // An expired link is refused, and says so.
    await t.database.db
      .updateTable('one_time_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('payload', '=', JSON.stringify({ pocId: cert.id }))
      .execute();
    const expired = await confirmWith(cert.id, certToken!);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().code).toBe('token_expired');
    expect((await entryRow(cert.id)).reminder_sent_at).not.toBeNull();
  });

  it('tells the organization’s admins once when an entry goes stale, in their language', async () => {
    const entry = (
      await nominateAs(
        cast.kenya.admin,
        nomination(cast.kenya.orgId, cast.kenya.holderId, { role: 'policy', name: 'Cyber policy unit' }),
      )
    ).json();
    // Four months and a day later, nobody having reconfirmed.
    const later = new Date(Date.parse(entry.validUntil) + DAY_MS);
    await runContactFreshness(harness.ctx, later);
    await runContactFreshness(harness.ctx, later);
    await runContactFreshness(harness.ctx, new Date(later.getTime() + 3 * DAY_MS));
    const told = await t.database.db
      .selectFrom('notifications')
      .select(['user_id', 'title'])
      .where('topic', '=', 'contact.expired')
      .where('link', '=', `/contacts/${entry.id}`)
      .execute();
    expect(told).toEqual([
      { user_id: cast.kenya.adminId, title: 'Point de contact périmé : Cyber policy unit' },
    ]);
    const admin = await t.database.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', cast.kenya.adminId)
      .executeTakeFirstOrThrow();
    await waitUntil(
      () => mailsTo(admin.email).some((mail) => bodyText(mail.raw).includes('Cyber policy unit')),
      'the escalation mail to Kenya’s admin',
    );
    const escalations = mailsTo(admin.email).filter((mail) =>
      bodyText(mail.raw).includes('Cyber policy unit'),
    );
    expect(escalations).toHaveLength(1);
    expect(bodyText(escalations[0]!.raw)).toContain(`http://localhost:8080/contacts/${entry.id}`);
    expect((await entryRow(entry.id)).expiry_escalated_at).toBe(later.toISOString());
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', entry.id)
      .where('action', '=', 'contact.expired')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('lets the holder or an admin confirm when signed in, and nobody else', async () => {
    const entry = (
      await nominateAs(
        cast.kenya.admin,
        nomination(cast.kenya.orgId, cast.kenya.holderId, {
          role: 'diplomatic',
          name: 'Mission in Geneva',
          email: 'geneva@ke.example.test',
        }),
      )
    ).json();
    await setValidUntil(t, entry.id, new Date(Date.now() - DAY_MS));
    await runContactFreshness(harness.ctx);
    expect((await entryRow(entry.id)).expiry_escalated_at).not.toBeNull();
    const stale = await cast.cert.member.request({ url: '/api/v1/contacts?freshness=stale&q=geneva' });
    expect(stale.json().items.map((item: { id: string }) => item.id)).toEqual([entry.id]);

    const url = `/api/v1/contacts/${entry.id}/confirmations`;
    expect((await t.app.inject({ method: 'POST', url, payload: {} })).statusCode).toBe(401);
    expect((await cast.outsider.request({ method: 'POST', url, payload: {} })).statusCode).toBe(404);
    expect((await cast.cert.admin.request({ method: 'POST', url, payload: {} })).statusCode).toBe(403);
    expect((await cast.kenya.member.request({ method: 'POST', url, payload: {} })).statusCode).toBe(403);
    const byHolder = await cast.kenya.holder.request({ method: 'POST', url, payload: {} });
    expect(byHolder.statusCode).toBe(200);
    expect(byHolder.json().freshness).toBe('fresh');
    const row = await entryRow(entry.id);
    expect(row.expiry_escalated_at).toBeNull();
    expect(row.reminder_sent_at).toBeNull();
    // Links sent before are retired by the confirmation.
    const open = await t.database.db
      .selectFrom('one_time_tokens')
      .select('id')
      .where('payload', '=', JSON.stringify({ pocId: entry.id }))
      .where('used_at', 'is', null)
      .execute();
    expect(open).toEqual([]);
    const byAdmin = await cast.kenya.admin.request({ method: 'POST', url, payload: {} });
    expect(byAdmin.statusCode).toBe(200);
    expect(await runContactFreshness(harness.ctx)).toEqual({ reminded: 0, escalated: 0 });

    // The reminder sent while it was stale no longer works once the entry is confirmed another way,
    // and says the entry is gone once it is removed.
    await waitUntil(() => mailsTo('geneva@ke.example.test').length === 1, 'the reminder to the mission');
    const oldToken = /&token=([A-Za-z0-9_-]+)/.exec(bodyText(mailsTo('geneva@ke.example.test')[0]!.raw))![1]!;
    expect((await confirmWith(entry.id, oldToken)).json().code).toBe('token_used');
    expect(
      (await cast.kenya.admin.request({ method: 'DELETE', url: `/api/v1/contacts/${entry.id}` })).statusCode,
    ).toBe(204);
    const afterRemoval = await confirmWith(entry.id, oldToken);
    expect([afterRemoval.statusCode, afterRemoval.json().code]).toEqual([410, 'contact_removed']);
  });

  it('sends no reminder to a holder who left, and a link no longer confirms once the holder left or the organization lost its verification', async () => {
    const db = t.database.db;
    const nominate = async (
      client: typeof cast.kenya.admin,
      orgId: string,
      userId: string,
      fields: Record<string, unknown>,
    ) => {
      const response = await nominateAs(client, nomination(orgId, userId, fields));
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { id: string };
    };
    const leaving = await nominate(cast.kenya.admin, cast.kenya.orgId, cast.kenya.memberId, {
      role: 'policy',
      name: 'Policy unit',
      email: 'policy@ke.example.test',
    });
    const leftEarlier = await nominate(cast.kenya.admin, cast.kenya.orgId, cast.kenya.memberId, {
      role: 'diplomatic',
      name: 'Second desk',
      email: 'second@ke.example.test',
    });
    const unverified = await nominate(cast.cert.admin, cast.cert.orgId, cast.cert.adminId, {
      role: 'policy',
      name: 'CERT-FR policy',
      email: 'policy@fr.example.test',
      languages: ['fr'],
    });
    const now = new Date();
    await setValidUntil(t, leaving.id, new Date(now.getTime() + 5 * DAY_MS));
    await setValidUntil(t, unverified.id, new Date(now.getTime() + 5 * DAY_MS));
    await runContactFreshness(harness.ctx, now);
    const tokenFor = async (address: string) => {
      await waitUntil(() => mailsTo(address).length === 1, `the reminder to ${address}`);
      return /&token=([A-Za-z0-9_-]+)/.exec(bodyText(mailsTo(address)[0]!.raw))![1]!;
    };
    const leavingToken = await tokenFor('policy@ke.example.test');
    const unverifiedToken = await tokenFor('policy@fr.example.test');

    // The holder leaves the organization; the entry stays until an admin replaces it.
    await db
      .deleteFrom('memberships')
      .where('org_id', '=', cast.kenya.orgId)
      .where('user_id', '=', cast.kenya.memberId)
      .execute();
    const before = await entryRow(leaving.id);
    const refused = await confirmWith(leaving.id, leavingToken);
    expect(refused.statusCode).toBe(410);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().code).toBe('holder_not_member');
    expect(refused.body).not.toContain('Policy unit');
    expect(refused.body).not.toContain('policy@ke.example.test');
    expect((await entryRow(leaving.id)).valid_until).toBe(before.valid_until);

    // An entry of the holder who left gets no reminder: it goes stale, and the admins hear of it then.
    await setValidUntil(t, leftEarlier.id, new Date(now.getTime() + 5 * DAY_MS));
    await runContactFreshness(harness.ctx, now);
    expect((await entryRow(leftEarlier.id)).reminder_sent_at).toBeNull();
    expect(mailsTo('second@ke.example.test')).toEqual([]);

    // The organization loses its verification: the link waits.
    await db
      .updateTable('organizations')
      .set({ verification_status: 'unverified' })
      .where('id', '=', cast.cert.orgId)
      .execute();
    const waiting = await confirmWith(unverified.id, unverifiedToken);
    expect(waiting.statusCode).toBe(410);
    expect(waiting.json().code).toBe('organization_no_longer_verified');
    await db
      .updateTable('organizations')
      .set({ verification_status: 'verified' })
      .where('id', '=', cast.cert.orgId)
      .execute();
    const confirmed = await confirmWith(unverified.id, unverifiedToken);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(Object.keys(confirmed.json()).sort()).toEqual(['confirmedAt', 'id', 'validUntil']);
  });
});
