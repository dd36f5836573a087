import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../src/config.ts';
import type { AppContext } from '../src/core/context.ts';
import { openDatabase } from '../src/core/db/database.ts';
import { inTransaction } from '../src/core/db/transaction.ts';
import { createMailer } from '../src/core/delivery/email.ts';
import { enqueueEmail } from '../src/core/delivery/outbox.ts';
import { createDeliveryWorker, type DeliveryWorker } from '../src/core/delivery/worker.ts';
import { migrateToLatest } from '../src/schema.ts';

/**
 * Delivery latency: from the commit of a transaction that queues an e-mail to the end of that message's
 * DATA at an SMTP server on loopback. The instance runs as shipped (SQLite file in WAL mode, the worker
 * with its default settings); 1,000 messages are committed one by one, each in its own transaction, with
 * a turn of the event loop between commits as separate requests would have.
 *
 * By default the commits come as fast as the database takes them, faster than any SMTP client can send,
 * so the later messages queue and the figures measure throughput as much as latency. `commitsPerSecond`
 * paces them to measure the latency the path adds below saturation:
 *   node bench/delivery.ts              commits back to back
 *   node bench/delivery.ts --rate 200   200 commits per second
 */

export interface LatencyFigures {
  p50: number;
  p99: number;
  max: number;
  /** Messages per second from the first commit to the last receipt: what the path sustains. */
  messagesPerSecond: number;
  /** Commits per second from the first commit to the last: the rate the sending side has to keep up with. */
  commitsPerSecond: number;
}

function percentile(sorted: number[], fraction: number): number {
  // Nearest rank: the smallest value at or above the given fraction of all values.
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1]!;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Receiver {
  url: string;
  /** Receipt times of messages whose subject names a record id (e.g. `rfa_…`), by that id, first receipt only. */
  receiptsByRecord: Map<string, number>;
  /** Resolves with the receipt time of every message (ms on the shared wall clock) once `count` have arrived. */
  receiptsOf(count: number, timeoutMs: number): Promise<Map<string, number>>;
  stop(): void;
}

/**
 * The SMTP server runs in its own process, as a real one would: sharing the sender's event loop would
 * charge its parsing to the worker. Receipt times are on the wall clock both processes share
 * (`performance.timeOrigin + performance.now()`), to the microsecond.
 */
export function startReceiver(): Promise<Receiver> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), 'smtp-receiver'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const receipts = new Map<string, number>();
  const receiptsByRecord = new Map<string, number>();
  const lines = createInterface({ input: child.stdout! });
  return new Promise((resolveReady, rejectReady) => {
    child.once('exit', (code) => rejectReady(new Error(`the SMTP receiver exited with ${code}`)));
    lines.on('line', (line) => {
      const [kind, value, at] = line.split(' ');
      if (kind === 'listening') {
        resolveReady({
          url: `smtp://127.0.0.1:${value}`,
          receiptsByRecord,
          receiptsOf(count, timeoutMs) {
            return new Promise((resolve, reject) => {
              const timer = setTimeout(
                () =>
                  reject(
                    new Error(`only ${receipts.size} of ${count} messages arrived within ${timeoutMs} ms`),
                  ),
                timeoutMs,
              );
              const check = () => {
                if (receipts.size < count) return;
                clearTimeout(timer);
                lines.off('line', check);
                resolve(receipts);
              };
              lines.on('line', check);
              check();
            });
          },
          stop: () => child.kill('SIGTERM'),
        });
      } else if (kind === 'received' && value && at && !receipts.has(value)) {
        receipts.set(value, Number(at));
        const record = line.split(' ')[3];
        if (record && !receiptsByRecord.has(record)) receiptsByRecord.set(record, Number(at));
      }
    });
  });
}

/** `node bench/delivery.ts smtp-receiver`: the receiving end, printing `received <outbox id> <time>` lines. */
async function runReceiver(): Promise<void> {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const at = performance.timeOrigin + performance.now();
        const id = /^X-Common-Ground-Message-Id:\s*(\S+)/im.exec(head)?.[1];
        // The record a message is about, when its subject names one (requests for assistance do).
        const unfolded = head.replace(/\r\n[ \t]+/g, ' ');
        const record = /^Subject:.*?\b([a-z]{3}_[0-9a-z]{26})\b/im.exec(unfolded)?.[1] ?? '';
        if (id) process.stdout.write(`received ${id} ${at.toFixed(3)} ${record}\n`.replace(' \n', '\n'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`listening ${(smtp.server.address() as AddressInfo).port}\n`);
  process.once('SIGTERM', () => smtp.close(() => process.exit(0)));
}

const wallClock = () => performance.timeOrigin + performance.now();
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * `outbox`: the shipped path, the worker picks each message up after its commit. `inline`: the baseline,
 * the same mailer called right after each commit with no worker in between (what an application without
 * an outbox does; a crash then loses mail). Under saturation the inline sends also slow the commits down,
 * which flatters its latency; compare `messagesPerSecond` there.
 */
type Mode = 'outbox' | 'inline';

async function measureOnce(
  messages: number,
  mode: Mode,
  commitsPerSecond: number | undefined,
): Promise<LatencyFigures> {
  const directory = await mkdtemp(join(tmpdir(), 'cg-bench-delivery-'));
  const receiver = await startReceiver();
  const database = openDatabase(`sqlite:${join(directory, 'bench.db')}`);
  await migrateToLatest(database);
  let worker: DeliveryWorker | undefined;
  const ctx: AppContext = {
    config: loadConfig({
      LOG_LEVEL: 'silent',
      SMTP_URL: receiver.url,
      DATA_DIR: directory,
      PUBLIC_URL: 'https://bench.example.test',
    }),
    db: database.db,
    dialect: database.dialect,
    signingKey: Buffer.alloc(32, 3),
    log: pino({ level: 'silent' }),
    delivery: { wake: () => worker?.wake() },
  };
  const inlineMailer = mode === 'inline' ? createMailer(ctx) : undefined;
  if (mode === 'outbox') {
    worker = createDeliveryWorker(ctx);
    worker.start();
  }

  const committedAt = new Map<string, number>();
  let receivedAt: Map<string, number>;
  const started = wallClock();
  try {
    for (let n = 0; n < messages; n++) {
      if (commitsPerSecond) {
        const due = started + (n * 1000) / commitsPerSecond;
        const wait = due - wallClock();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      const message = {
        to: `poc${n}@example.test`,
        subject: `Benchmark message ${n}`,
        text: `Message ${n} of ${messages}.`,
      };
      const id = await inTransaction(ctx, (trx) => enqueueEmail(trx, message, { topic: 'bench' }));
      committedAt.set(id, wallClock());
      // Not awaited: the commit loop goes on while the mail is sent, as with the worker. A failure shows
      // up as a message that never arrives, which fails the run.
      inlineMailer?.send(id, message).catch(() => {});
      await nextTurn();
    }
    receivedAt = await receiver.receiptsOf(messages, 60_000);
  } finally {
    await worker?.stop();
    inlineMailer?.close();
    receiver.stop();
    await database.close();
    await rm(directory, { recursive: true, force: true });
  }

  const latencies = [...committedAt].map(([id, at]) => receivedAt.get(id)! - at).sort((a, b) => a - b);
  const firstCommit = Math.min(...committedAt.values());
  const lastCommit = Math.max(...committedAt.values());
  const lastReceipt = Math.max(...receivedAt.values());
  return {
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies[latencies.length - 1]!,
    messagesPerSecond: (messages * 1000) / (lastReceipt - firstCommit),
    commitsPerSecond: (messages * 1000) / (lastCommit - firstCommit),
  };
}

export interface DeliveryBenchmark {
  runs: LatencyFigures[];
  median: { p50: number; p99: number };
  /** The same messages mailed inline right after each commit, measured in the same runs. */
  baseline: { runs: LatencyFigures[]; median: { p50: number; p99: number } };
  /** Median p99 of the outbox path over that of the baseline. */
  p99Ratio: number;
}

export async function benchmarkDeliveryLatency(
  options: {
    messages?: number;
    runs?: number;
    /** Paces the commits; by default they follow one another as fast as the database allows. */
    commitsPerSecond?: number;
  } = {},
): Promise<DeliveryBenchmark> {
  const messages = options.messages ?? 1000;
  const runs: LatencyFigures[] = [];
  const baselineRuns: LatencyFigures[] = [];
  // Unreported warm-up, so the first measured run does not also pay for compiling both paths.
  await measureOnce(200, 'outbox', options.commitsPerSecond);
  await measureOnce(200, 'inline', options.commitsPerSecond);
  for (let run = 0; run < (options.runs ?? 3); run++) {
    // Alternating which goes first spreads any drift of the machine's load over both.
    if (run % 2 === 0) {
      runs.push(await measureOnce(messages, 'outbox', options.commitsPerSecond));
      baselineRuns.push(await measureOnce(messages, 'inline', options.commitsPerSecond));
    } else {
      baselineRuns.push(await measureOnce(messages, 'inline', options.commitsPerSecond));
      runs.push(await measureOnce(messages, 'outbox', options.commitsPerSecond));
    }
  }
  const summary = (figures: LatencyFigures[]) => ({
    p50: median(figures.map((r) => r.p50)),
    p99: median(figures.map((r) => r.p99)),
  });
  const medianFigures = summary(runs);
  const baseline = { runs: baselineRuns, median: summary(baselineRuns) };
  return { runs, median: medianFigures, baseline, p99Ratio: medianFigures.p99 / baseline.median.p99 };
}

/** Prints the figures the way `npm run bench` and `node bench/delivery.ts` both show them. */
export function printDeliveryFigures(result: DeliveryBenchmark, commitsPerSecond?: number): void {
  const line = (run: LatencyFigures) =>
    `p50 ${run.p50.toFixed(1).padStart(6)} ms  p99 ${run.p99.toFixed(1).padStart(6)} ms  max ${run.max.toFixed(1).padStart(6)} ms  ${run.messagesPerSecond.toFixed(0).padStart(5)} msg/s  (${run.commitsPerSecond.toFixed(0).padStart(5)} commits/s)`;
  process.stdout.write(
    `\nDelivery latency, commit to SMTP receipt on loopback (1,000 messages per run, ${commitsPerSecond ? `${commitsPerSecond} commits/s` : 'commits back to back'})\n`,
  );
  result.runs.forEach((run, i) => {
    process.stdout.write(`  run ${i + 1}: outbox worker    ${line(run)}\n`);
    process.stdout.write(`         inline baseline  ${line(result.baseline.runs[i]!)}\n`);
  });
  const verdict = result.median.p99 <= 250 ? 'meets' : 'MISSES';
  process.stdout.write(
    `  median: outbox p50 ${result.median.p50.toFixed(1)} ms, p99 ${result.median.p99.toFixed(1)} ms (target p99 <= 250 ms: ${verdict}); inline baseline p99 ${result.baseline.median.p99.toFixed(1)} ms; ratio ${result.p99Ratio.toFixed(2)}\n`,
  );
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain && process.argv[2] === 'smtp-receiver') {
  await runReceiver();
} else if (isMain) {
  const rateFlag = process.argv.indexOf('--rate');
  const commitsPerSecond = rateFlag > 0 ? Number(process.argv[rateFlag + 1]) : undefined;
  const result = await benchmarkDeliveryLatency(commitsPerSecond ? { commitsPerSecond } : {});
  printDeliveryFigures(result, commitsPerSecond);
  process.exit(0);
}
