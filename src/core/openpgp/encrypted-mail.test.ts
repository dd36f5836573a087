import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import {
  headerOf,
  type SmtpCapture,
  startSmtpCapture,
  startWorker,
  type WorkerHarness,
  waitUntil,
} from '../../../test/fixtures/delivery-support.ts';
import {
  decryptReceivedMail,
  generateRecipientKey,
  type RecipientKey,
} from '../../../test/fixtures/openpgp.ts';
import { createTestApp, type TestApp } from '../../../test/harness/app.ts';
import { describeEachDialect } from '../../../test/harness/databases.ts';
import { inTransaction } from '../db/transaction.ts';
import { enqueueEmail } from '../delivery/outbox.ts';
import { INSTANCE_KEY_PATH } from './openpgp.routes.ts';

const TEXT = 'Request REQ-7 from CERT-Example:\nplease check 203.0.113.7 — شكرا\n';
const HTML = '<p>Request <b>REQ-7</b>: please check 203.0.113.7 — شكرا</p>';

describeEachDialect('encrypted e-mail', (dialect) => {
  let recipient: RecipientKey;
  let thirdParty: RecipientKey;
  let t: TestApp;
  let smtp: SmtpCapture;
  let harness: WorkerHarness | undefined;

  beforeAll(async () => {
    recipient = await generateRecipientKey('analyst@cert.example.test');
    thirdParty = await generateRecipientKey('bystander@other.example.test');
  });

  beforeEach(async () => {
    t = await createTestApp(dialect);
    smtp = await startSmtpCapture();
  });

  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
    await smtp.close();
    await t.close();
  });

  async function publishedKey(): Promise<string> {
    const response = await t.app.inject({ method: 'GET', url: INSTANCE_KEY_PATH });
    expect(response.statusCode).toBe(200);
    return response.body;
  }

  async function outboxRow(id: string) {
    return t.database.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  it('goes out as PGP/MIME over SMTP: headers in clear, the body readable only with the recipient key and signed by the published key', async () => {
    harness = startWorker(t.database, { SMTP_URL: smtp.url });
    const ctx = harness.ctx;
    const id = await inTransaction(ctx, (trx) =>
      enqueueEmail(
        trx,
        {
          to: 'analyst@cert.example.test',
          subject: '[TLP:AMBER] Request REQ-7',
          text: TEXT,
          html: HTML,
          encryptTo: recipient.publicArmored,
        },
        { topic: 'test' },
      ),
    );
    await waitUntil(() => smtp.mails.length === 1, 'the message at the SMTP server');
    const { raw } = smtp.mails[0]!;

    expect(headerOf(raw, 'Subject')).toBe('[TLP:AMBER] Request REQ-7');
    expect(headerOf(raw, 'To')).toBe('analyst@cert.example.test');
    expect(smtp.mails[0]!.outboxId).toBe(id);
    expect(raw).toMatch(/^Content-Type: multipart\/encrypted;/m);
    expect(raw).not.toContain('REQ-7 from');
    expect(raw).not.toContain('203.0.113.7');
    expect(raw).not.toMatch(/[^\r\n -~]/);

    const mail = await decryptReceivedMail(raw, recipient.privateArmored, await publishedKey());
    expect(mail.isSignatureValid).toBe(true);
    expect(mail.text).toBe(TEXT);
    expect(mail.html).toBe(HTML);
    expect(mail.innerHeaders['content-type']).toMatch(/^multipart\/alternative; boundary=/);

    await expect(decryptReceivedMail(raw, thirdParty.privateArmored, await publishedKey())).rejects.toThrow();
    // Checked against a key other than the instance's, the signature does not hold.
    const notTheInstance = await decryptReceivedMail(raw, recipient.privateArmored, thirdParty.publicArmored);
    expect(notTheInstance.isSignatureValid).toBe(false);

    await waitUntil(async () => (await outboxRow(id)).status === 'delivered', 'the delivered status');
  });

  it('encrypts a text-only message as its text/plain part', async () => {
    harness = startWorker(t.database, { SMTP_URL: smtp.url });
    await inTransaction(harness.ctx, (trx) =>
      enqueueEmail(
        trx,
        {
          to: 'analyst@cert.example.test',
          subject: '[TLP:RED] REQ-8',
          text: TEXT,
          encryptTo: recipient.publicArmored,
        },
        { topic: 'test' },
      ),
    );
    await waitUntil(() => smtp.mails.length === 1, 'the message at the SMTP server');
    const mail = await decryptReceivedMail(
      smtp.mails[0]!.raw,
      recipient.privateArmored,
      await publishedKey(),
    );
    expect(mail).toMatchObject({ text: TEXT, html: null, isSignatureValid: true });
    expect(mail.innerHeaders['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('never sends in clear when the recipient key cannot be used: the message fails at once', async () => {
    harness = startWorker(t.database, { SMTP_URL: smtp.url });
    const expired = await generateRecipientKey('old@cert.example.test', {
      date: new Date(Date.now() - 10 * 86_400_000),
      keyExpirationTime: 86_400,
    });
    const ids = await inTransaction(harness.ctx, async (trx) => [
      await enqueueEmail(
        trx,
        { to: 'old@cert.example.test', subject: 'REQ-9', text: TEXT, encryptTo: expired.publicArmored },
        { topic: 'test' },
      ),
      await enqueueEmail(
        trx,
        { to: 'typo@cert.example.test', subject: 'REQ-10', text: TEXT, encryptTo: 'not a key' },
        { topic: 'test' },
      ),
      await enqueueEmail(
        trx,
        { to: 'plain@example.test', subject: 'Clear', text: 'Hello' },
        { topic: 'test' },
      ),
    ]);
    for (const id of ids.slice(0, 2)) {
      await waitUntil(async () => (await outboxRow(id)).status === 'dead', 'the dead status');
      const row = await outboxRow(id);
      // Dead on the first attempt: retrying cannot make the key usable.
      expect(row.attempts).toBe(1);
      expect(row.last_error).toMatch(/OpenPGP/);
    }
    await waitUntil(async () => (await outboxRow(ids[2]!)).status === 'delivered', 'the clear message');
    expect(smtp.mails.map((mail) => headerOf(mail.raw, 'Subject'))).toEqual(['Clear']);
  });

  it('encrypts the .eml files written without SMTP too', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cg-pgp-mail-'));
    try {
      harness = startWorker(t.database, { SMTP_URL: '', DATA_DIR: dataDir });
      const id = await inTransaction(harness.ctx, (trx) =>
        enqueueEmail(
          trx,
          {
            to: 'analyst@cert.example.test',
            subject: 'REQ-11',
            text: TEXT,
            encryptTo: recipient.publicArmored,
          },
          { topic: 'test' },
        ),
      );
      await waitUntil(async () => (await outboxRow(id)).status === 'delivered', 'the delivered status');
      expect(await readdir(join(dataDir, 'mail'))).toEqual([`${id}.eml`]);
      const eml = await readFile(join(dataDir, 'mail', `${id}.eml`));
      expect(eml.toString('utf8')).not.toContain('203.0.113.7');
      const mail = await decryptReceivedMail(eml, recipient.privateArmored, await publishedKey());
      expect(mail).toMatchObject({ text: TEXT, isSignatureValid: true });
    } finally {
      await harness?.stop();
      harness = undefined;
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
