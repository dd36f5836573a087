import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../src/core/db/database.ts';
import { type SmtpCapture, startSmtpCapture, waitUntil } from './fixtures/delivery-support.ts';

/**
 * At-least-once delivery across a crash: a process is SIGKILLed while messages are in flight to the SMTP
 * server; a fresh process must deliver every committed message. Duplicates are allowed, loss is not.
 */

const COUNT = 50;
const CHILD = join(import.meta.dirname, 'fixtures', 'delivery-child.ts');

interface Child {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startChild(env: Record<string, string>): Child {
  const child = spawn(process.execPath, [CHILD], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

let directory: string;
let smtp: SmtpCapture;
const children: Child[] = [];

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'cg-crash-'));
  // Accepting each message takes 200 ms, so at any moment several are in flight.
  smtp = await startSmtpCapture({ acceptDelayMs: 200 });
});

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
    await child.exited;
  }
  await smtp.close();
  await rm(directory, { recursive: true, force: true });
});

it('delivers every committed message after the delivering process is killed with SIGKILL', {
  timeout: 60_000,
}, async () => {
  const env = {
    DATABASE_URL: `sqlite:${join(directory, 'crash.db')}`,
    SMTP_URL: smtp.url,
    COUNT: String(COUNT),
    LEASE_MS: '1000',
  };

  const first = startChild({ ...env, MODE: 'enqueue' });
  children.push(first);
  const failure = (what: string) => () => `${what}; child output:\n${first.output()}`;
  await waitUntil(() => first.output().includes('all committed'), failure('all messages committed'), 20_000);
  await waitUntil(() => smtp.mails.length >= 3, failure('the first messages at the SMTP server'), 20_000);
  first.process.kill('SIGKILL');
  expect(await first.exited).toBeNull();
  expect(first.process.signalCode).toBe('SIGKILL');

  const database = openDatabase(env.DATABASE_URL);
  try {
    const committed = (await database.db.selectFrom('outbox').select('id').orderBy('id').execute()).map(
      (row) => row.id,
    );
    expect(committed).toHaveLength(COUNT);
    const receivedBeforeRestart = new Set(smtp.mails.map((mail) => mail.outboxId));
    // The crash really interrupted the work: some committed messages had not reached the server.
    expect(committed.filter((id) => !receivedBeforeRestart.has(id)).length).toBeGreaterThan(0);
    const stillPending = await database.db
      .selectFrom('outbox')
      .select('id')
      .where('status', '!=', 'delivered')
      .execute();
    expect(stillPending.length).toBeGreaterThan(0);

    const second = startChild({ ...env, MODE: 'work' });
    children.push(second);
    const received = () => new Set(smtp.mails.map((mail) => mail.outboxId));
    await waitUntil(
      () => committed.every((id) => received().has(id)),
      () => `every message after the restart; child output:\n${second.output()}`,
      30_000,
    );
    await waitUntil(() => second.process.exitCode !== null, 'the worker-only process to finish', 15_000);
    expect(second.process.exitCode).toBe(0);

    // Loss is what must never happen; a message in flight at the kill may arrive twice, under the same Message-ID.
    expect([...received()].sort()).toEqual(committed);
    for (const mail of smtp.mails) expect(mail.messageIdHeader).toBe(`<${mail.outboxId}@cg.example.test>`);
    const statuses = await database.db.selectFrom('outbox').select('status').distinct().execute();
    expect(statuses).toEqual([{ status: 'delivered' }]);
  } finally {
    await database.close();
  }
});
