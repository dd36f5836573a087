import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  headerOf,
  type SmtpCapture,
  startSmtpCapture,
  startWorker,
  type WorkerHarness,
  waitUntil,
} from '../../../test/fixtures/delivery-support.ts';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../../../test/harness/databases.ts';
import { loadConfig } from '../../config.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../db/transaction.ts';
import { enqueueEmail } from './outbox.ts';

function email(n: number) {
  return {
    to: `person${n}@example.test`,
    subject: `Message ${n}`,
    text: `Body of message ${n}: https://x/#token=secret${n}`,
  };
}

async function outboxRow(database: TestDatabase, id: string) {
  return database.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describeEachDialect('delivery worker, e-mail', (dialect) => {
  let database: TestDatabase;
  let smtp: SmtpCapture;
  let harness: WorkerHarness | undefined;

  beforeEach(async () => {
    database = await openTestDatabase(dialect, { seedReference: false });
    smtp = await startSmtpCapture();
  });

  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
    await smtp.close();
    await database.destroy();
  });

  it('sends a committed message over SMTP with its outbox id as Message-ID, then records it delivered', async () => {
    harness = startWorker(database, {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Common Ground <no-reply@cg.example.test>',
    });
    const id = await inTransaction(harness.ctx, (trx) => enqueueEmail(trx, email(1), { topic: 'test' }));
    await waitUntil(() => smtp.mails.length === 1, 'the message at the SMTP server');

    const mail = smtp.mails[0]!;
    expect(mail.messageIdHeader).toBe(`<${id}@cg.example.test>`);
    expect(headerOf(mail.raw, 'X-Common-Ground-Message-Id')).toBe(id);
    expect(mail.raw).toMatch(/^To: person1@example\.test$/m);
    expect(mail.raw).toMatch(/^Subject: Message 1$/m);
    expect(mail.raw).toMatch(/^From: Common Ground <no-reply@cg\.example\.test>$/m);

    await waitUntil(
      async () => (await outboxRow(database, id)).status === 'delivered',
      'the delivered status',
    );
    const row = await outboxRow(database, id);
    expect(row).toMatchObject({ attempts: 1, lease_owner: null, lease_until: null, last_error: null });
    // The body held a single-use link; the outbox keeps only who and what.
    expect(JSON.parse(row.payload)).toEqual({
      to: 'person1@example.test',
      subject: 'Message 1',
      isRedacted: true,
    });
  });

  it('sends nothing for a transaction that rolled back', async () => {
    harness = startWorker(database, { SMTP_URL: smtp.url });
    const ctx = harness.ctx;
    await expect(
      inTransaction(ctx, async (trx) => {
        await enqueueEmail(trx, email(1), { topic: 'test' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const committedId = await inTransaction(ctx, (trx) => enqueueEmail(trx, email(2), { topic: 'test' }));
    await waitUntil(() => smtp.mails.length >= 1, 'the committed message');
    // Give a stray message from the rolled-back transaction every chance to show up.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mails.map((mail) => mail.outboxId)).toEqual([committedId]);
    expect(await database.db.selectFrom('outbox').select('id').execute()).toEqual([{ id: committedId }]);
  });

  it('retries a refused message on the schedule and delivers it, keeping the attempts', async () => {
    harness = startWorker(database, { SMTP_URL: smtp.url }, { retrySchedule: [50, 100, 100] });
    smtp.rejectNext(2);
    const id = await inTransaction(harness.ctx, (trx) => enqueueEmail(trx, email(1), { topic: 'test' }));
    await waitUntil(
      async () => (await outboxRow(database, id)).status === 'delivered',
      'delivery after retries',
    );
    expect(await outboxRow(database, id)).toMatchObject({ attempts: 3, last_error: null });
    expect(smtp.mails.map((mail) => mail.outboxId)).toEqual([id]);
  });

  it('marks a message dead after its last attempt, with the last error', async () => {
    harness = startWorker(database, { SMTP_URL: smtp.url }, { retrySchedule: [30, 30] });
    smtp.rejectAll(true);
    const id = await inTransaction(harness.ctx, (trx) => enqueueEmail(trx, email(1), { topic: 'test' }));
    await waitUntil(async () => (await outboxRow(database, id)).status === 'dead', 'the dead status');
    const row = await outboxRow(database, id);
    expect(row.attempts).toBe(3);
    expect(row.last_error).toMatch(/451/);
    expect(smtp.mails).toHaveLength(0);
  });

  it('schedules the next attempt by the backoff schedule', async () => {
    harness = startWorker(database, { SMTP_URL: smtp.url }, { retrySchedule: [60_000] });
    smtp.rejectAll(true);
    const before = Date.now();
    const id = await inTransaction(harness.ctx, (trx) => enqueueEmail(trx, email(1), { topic: 'test' }));
    await waitUntil(async () => (await outboxRow(database, id)).last_error !== null, 'the first failure');
    const row = await outboxRow(database, id);
    expect(row.status).toBe('pending');
    expect(row.attempts).toBe(1);
    const wait = Date.parse(row.next_attempt_at) - before;
    expect(wait).toBeGreaterThanOrEqual(60_000);
    expect(wait).toBeLessThan(65_000);
  });

  it('sends again a message whose lease ran out (its worker died), and leaves a live lease alone', async () => {
    const past = new Date(Date.now() - 60_000).toISOString();
    const future = new Date(Date.now() + 600_000).toISOString();
    const base = {
      channel: 'email',
      topic: 'test',
      org_id: null,
      status: 'pending',
      next_attempt_at: past,
      created_at: past,
      delivered_at: null,
      last_error: null,
    };
    await database.db
      .insertInto('outbox')
      .values([
        {
          ...base,
          id: 'msg_orphaned',
          payload: JSON.stringify(email(1)),
          attempts: 1,
          lease_owner: 'dead-worker',
          lease_until: past,
        },
        {
          ...base,
          id: 'msg_held',
          payload: JSON.stringify(email(2)),
          attempts: 1,
          lease_owner: 'live-worker',
          lease_until: future,
        },
      ])
      .execute();
    harness = startWorker(database, { SMTP_URL: smtp.url });
    await waitUntil(() => smtp.mails.length === 1, 'the orphaned message');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mails.map((mail) => mail.outboxId)).toEqual(['msg_orphaned']);
    expect(await outboxRow(database, 'msg_orphaned')).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(await outboxRow(database, 'msg_held')).toMatchObject({
      status: 'pending',
      lease_owner: 'live-worker',
    });
  });

  it('lets several workers share the outbox without sending any message twice', async () => {
    const ctx: AppContext = {
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      db: database.db,
      dialect: database.dialect,
      signingKey: Buffer.alloc(32),
      log: pino({ level: 'silent' }),
      delivery: { wake() {} },
    };
    const ids: string[] = [];
    for (let n = 0; n < 150; n++)
      ids.push(await inTransaction(ctx, (trx) => enqueueEmail(trx, email(n), { topic: 'test' })));
    const workers = [0, 1, 2].map((n) =>
      startWorker(
        database,
        { SMTP_URL: smtp.url },
        { workerId: `worker-${n}`, batchSize: 7, concurrency: 5 },
      ),
    );
    try {
      await waitUntil(() => smtp.mails.length >= ids.length, 'all 150 messages', 20_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
    expect(smtp.mails.map((mail) => mail.outboxId).sort()).toEqual([...ids].sort());
    const statuses = await database.db
      .selectFrom('outbox')
      .select(['status', 'attempts'])
      .distinct()
      .execute();
    expect(statuses).toEqual([{ status: 'delivered', attempts: 1 }]);
  });

  it('stops only after the deliveries in flight are recorded', async () => {
    const slowSmtp = await startSmtpCapture({ acceptDelayMs: 300 });
    try {
      harness = startWorker(database, { SMTP_URL: slowSmtp.url });
      const id = await inTransaction(harness.ctx, (trx) => enqueueEmail(trx, email(1), { topic: 'test' }));
      // The server has the message but has not accepted it yet: the delivery is in flight.
      await waitUntil(() => slowSmtp.mails.length === 1, 'the message at the SMTP server');
      expect((await outboxRow(database, id)).status).toBe('pending');
      await harness.stop();
      harness = undefined;
      expect((await outboxRow(database, id)).status).toBe('delivered');
    } finally {
      await slowSmtp.close();
    }
  });

  it.runIf(dialect === 'postgres')(
    'wakes on a commit made by another process, through LISTEN/NOTIFY',
    async () => {
      // Polls only once a minute and is never woken locally: only the NOTIFY can bring the message in time.
      harness = startWorker(
        database,
        { SMTP_URL: smtp.url, DATABASE_URL: database.url },
        { pollIntervalMs: 60_000 },
      );
      const otherProcess: AppContext = { ...harness.ctx, delivery: { wake() {} } };
      await harness.worker.whenListening();
      const id = await inTransaction(otherProcess, (trx) => enqueueEmail(trx, email(1), { topic: 'test' }));
      await waitUntil(() => smtp.mails.length === 1, 'the notified message', 3_000);
      expect(smtp.mails[0]!.outboxId).toBe(id);
    },
  );
});

describeEachDialect('delivery worker, file sink', (dialect) => {
  let database: TestDatabase;
  let dataDir: string;

  beforeEach(async () => {
    database = await openTestDatabase(dialect, { seedReference: false });
    dataDir = await mkdtemp(join(tmpdir(), 'cg-mail-'));
  });

  afterEach(async () => {
    await database.destroy();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes each message as an .eml file in DATA_DIR/mail when SMTP_URL is empty', async () => {
    const harness = startWorker(database, { SMTP_URL: '', DATA_DIR: dataDir });
    try {
      const id = await inTransaction(harness.ctx, (trx) => enqueueEmail(trx, email(7), { topic: 'test' }));
      await waitUntil(
        async () => (await outboxRow(database, id)).status === 'delivered',
        'the delivered status',
      );
      expect(await readdir(join(dataDir, 'mail'))).toEqual([`${id}.eml`]);
      const eml = await readFile(join(dataDir, 'mail', `${id}.eml`), 'utf8');
      expect(eml).toMatch(new RegExp(`^Message-ID: <${id}@cg\\.example\\.test>$`, 'm'));
      expect(eml).toMatch(/^Subject: Message 7$/m);
      expect(eml).toMatch(/^To: person7@example\.test$/m);
      expect(eml).toContain('Body of message 7');
    } finally {
      await harness.stop();
    }
  });
});
