import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import pg from 'pg';
import type { AppContext } from '../context.ts';
import { type Db, isPostgresUrl } from '../db/database.ts';
import { createMailer, type Mailer } from './email.ts';
import {
  claimDueMessages,
  markDead,
  markDelivered,
  type OutboxMessage,
  parsePayload,
  scheduleRetry,
} from './outbox.repository.ts';
import {
  countLocalEnqueues,
  type EmailMessage,
  OUTBOX_CHANNEL,
  OUTBOX_CHANNELS,
  type OutboxChannel,
} from './outbox.ts';
import { PermanentDeliveryError } from './permanent-error.ts';
import { createWebhookSender, type WebhookSender } from './webhooks.ts';

/** Waits before the 2nd, 3rd, … attempt; after the last, a message is dead. 5 s up to 6 h, about 11 h in all. */
export const DEFAULT_RETRY_SCHEDULE_MS = [
  5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 10_800_000, 21_600_000,
];

/** How long a sent message may wait to be recorded with others when no claim comes first. */
const DELIVERED_FLUSH_MS = 20;

export interface DeliveryWorkerOptions {
  /** Idle polling, for messages that come due later (retries) or were committed by a process we hear nothing from. */
  pollIntervalMs?: number;
  /** Deliveries in flight at once, per channel (e-mail, webhooks). */
  concurrency?: number;
  /** Most messages leased by one claim. */
  batchSize?: number;
  retrySchedule?: number[];
  /** How long a claimed message stays ours; if we die, it is due again after this. Longer than any send may take. */
  leaseMs?: number;
  workerId?: string;
  /** Pooled SMTP connections. */
  smtpConnections?: number;
  /**
   * E-mails in flight at once (default: 16 per SMTP connection). Far more than connections, so that
   * each connection has its next message queued when one ends instead of idling until the next claim;
   * with about as many as connections, a burst of 1,000 commits waited over 500 ms (p99) for its mail.
   * Bounded so that the queue drains well within the lease even from a slow server.
   */
  emailConcurrency?: number;
  webhookTimeoutMs?: number;
  webhookFailureThreshold?: number;
  /** On PostgreSQL, LISTEN for messages committed by other app processes (default: on). */
  isListening?: boolean;
}

export interface DeliveryWorker {
  /**
   * Call after every commit: claims at once what this process queued since the last claim (bursts of
   * calls fold into one claim cycle). Messages from elsewhere come with LISTEN/NOTIFY or the next poll.
   */
  wake(): void;
  start(): void;
  /** Stops claiming and resolves once the deliveries in flight have finished and been recorded. */
  stop(): Promise<void>;
  /** Resolves once the worker hears other processes' commits (PostgreSQL LISTEN); at once elsewhere. */
  whenListening(): Promise<void>;
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 1000);
}

/** A LISTEN connection that calls `onNotify` for every committed outbox message, reconnecting after errors. */
function listenForCommits(
  ctx: AppContext,
  onNotify: () => void,
): { close(): Promise<void>; listening: Promise<void> } {
  let client: pg.Client | undefined;
  let markListening: () => void = () => {};
  const listening = new Promise<void>((resolve) => {
    markListening = resolve;
  });
  let retryTimer: NodeJS.Timeout | undefined;
  let isClosed = false;
  const connect = async () => {
    const next = new pg.Client({ connectionString: ctx.config.databaseUrl });
    client = next;
    let hasFailed = false;
    // A failed connection can report both a rejected call and an 'error' event: reconnect once.
    const fail = (error: unknown) => {
      if (hasFailed) return;
      hasFailed = true;
      ctx.log.warn({ err: error }, 'outbox LISTEN connection failed; polling until it is back');
      void next.end().catch(() => {});
      if (!isClosed) retryTimer = setTimeout(() => void connect(), 5_000);
    };
    next.on('notification', onNotify);
    next.on('error', fail);
    try {
      await next.connect();
      await next.query(`LISTEN ${OUTBOX_CHANNEL}`);
      markListening();
      // Messages committed while we were not listening.
      onNotify();
    } catch (error) {
      fail(error);
    }
  };
  void connect();
  return {
    listening,
    async close() {
      isClosed = true;
      clearTimeout(retryTimer);
      await client?.end().catch(() => {});
    },
  };
}

interface Lane {
  channel: OutboxChannel;
  /** Deliveries the lane may have in flight. */
  slots: number;
  /** Free slots worth a claim while deliveries are in flight. */
  refillThreshold: number;
  inFlight: Set<Promise<void>>;
  isClaimWanted: boolean;
  /** The last claim filled its request, or found no free slot: more may be due. */
  hasBacklog: boolean;
  /** `countLocalEnqueues` when this lane last claimed. */
  seenEnqueues: number;
}

/**
 * The outbox worker. It leases due messages in batches (portably on SQLite and PostgreSQL, so any number
 * of app processes can run one), sends them concurrently and records the outcome: delivered, retried later
 * with exponential backoff, or dead after the last attempt. Delivery is at least once: a message whose
 * worker died is sent again once its lease runs out, under the same id (e-mail Message-ID, `webhook-id`),
 * so receivers can drop the duplicate.
 */
export function createDeliveryWorker(ctx: AppContext, options: DeliveryWorkerOptions = {}): DeliveryWorker {
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const concurrency = options.concurrency ?? 16;
  const batchSize = options.batchSize ?? 50;
  const retrySchedule = options.retrySchedule ?? DEFAULT_RETRY_SCHEDULE_MS;
  const leaseMs = options.leaseMs ?? 120_000;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const log = ctx.log.child({ component: 'delivery', workerId });

  // One lane per channel, each with its own slots, so a webhook endpoint that hangs until its timeout
  // cannot hold up e-mail (and the reverse).
  const smtpConnections = options.smtpConnections ?? Math.min(concurrency, 16);
  const emailConcurrency = options.emailConcurrency ?? Math.max(concurrency, smtpConnections * 16);
  const lanes: Lane[] = OUTBOX_CHANNELS.map((channel) => {
    const slots = channel === 'email' ? emailConcurrency : concurrency;
    return {
      channel,
      slots,
      // While deliveries are in flight, a lane refills in chunks rather than one slot at a time: a claim
      // is a database write, and the SMTP pool or HTTP agent still has queued messages to work on meanwhile.
      refillThreshold: Math.max(1, Math.floor(slots / 4)),
      inFlight: new Set(),
      isClaimWanted: false,
      hasBacklog: false,
      seenEnqueues: -1,
    };
  });
  let mailer: Mailer | undefined;
  let webhooks: WebhookSender | undefined;
  let listener: ReturnType<typeof listenForCommits> | undefined;
  let pollTimer: NodeJS.Timeout | undefined;
  let isRunning = false;
  let activeCycle: Promise<void> | undefined;

  async function send(message: OutboxMessage): Promise<void> {
    switch (message.channel) {
      case 'email':
        mailer ??= createMailer(ctx, { maxConnections: smtpConnections });
        return mailer.send(message.id, parsePayload<EmailMessage>(message));
      case 'webhook':
        webhooks ??= createWebhookSender(ctx, {
          // As many connections as the lane has slots: a request waiting for a socket would eat into its timeout.
          maxConnectionsPerHost: concurrency,
          ...(options.webhookTimeoutMs !== undefined ? { timeoutMs: options.webhookTimeoutMs } : {}),
          ...(options.webhookFailureThreshold !== undefined
            ? { failureThreshold: options.webhookFailureThreshold }
            : {}),
        });
        return webhooks.deliver(message);
      default:
        throw new PermanentDeliveryError(`No sender for channel "${message.channel}".`);
    }
  }

  // Sent messages wait here to be recorded as delivered, in one UPDATE for many: by the next claim (in the
  // same SQLite transaction) or after DELIVERED_FLUSH_MS. A crash before that sends them again, which
  // at-least-once delivery allows; their slot is free at once either way.
  let sentIds: string[] = [];
  let flushTimer: NodeJS.Timeout | undefined;
  let activeFlush: Promise<void> | undefined;

  function noteDelivered(id: string): void {
    sentIds.push(id);
    flushTimer ??= setTimeout(() => void flushDelivered(ctx.db), DELIVERED_FLUSH_MS);
  }

  async function flushDelivered(db: Db): Promise<void> {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    if (sentIds.length === 0) return;
    const ids = sentIds;
    sentIds = [];
    const flush = markDelivered(db, ctx.dialect, ids, workerId).catch((error: unknown) => {
      // Not recorded: once their lease runs out they are sent again, so recording is not retried here.
      log.error({ err: error, count: ids.length }, 'could not record delivered messages');
    });
    activeFlush = flush;
    await flush;
    if (activeFlush === flush) activeFlush = undefined;
  }

  async function deliver(message: OutboxMessage): Promise<void> {
    try {
      await send(message);
    } catch (error) {
      const reason = describeError(error);
      const isLastAttempt = message.attempts > retrySchedule.length;
      if (error instanceof PermanentDeliveryError || isLastAttempt) {
        log.warn(
          { messageId: message.id, topic: message.topic, attempts: message.attempts, reason },
          'message is dead',
        );
        await markDead(ctx.db, ctx.dialect, message, workerId, reason);
      } else {
        const delay = retrySchedule[message.attempts - 1] ?? retrySchedule[retrySchedule.length - 1] ?? 0;
        log.info(
          { messageId: message.id, attempts: message.attempts, delayMs: delay, reason },
          'delivery failed, will retry',
        );
        await scheduleRetry(ctx.db, message, workerId, reason, new Date(Date.now() + delay));
        // A retry due before the next poll would otherwise wait for it.
        if (delay < pollIntervalMs) setTimeout(() => requestClaims('all'), delay).unref();
      }
      return;
    }
    noteDelivered(message.id);
  }

  function dispatch(lane: Lane, message: OutboxMessage): void {
    const delivery = deliver(message)
      // A failure to record the outcome leaves the lease to run out: the message is then sent again.
      .catch((error: unknown) =>
        log.error({ err: error, messageId: message.id }, 'could not record delivery'),
      )
      .finally(() => {
        lane.inFlight.delete(delivery);
        if (lane.hasBacklog) requestClaims([lane]);
      });
    lane.inFlight.add(delivery);
  }

  async function claimFor(lane: Lane): Promise<void> {
    const capacity = lane.slots - lane.inFlight.size;
    if (capacity < (lane.inFlight.size === 0 ? 1 : lane.refillThreshold)) {
      // A finishing delivery asks again.
      lane.hasBacklog = true;
      return;
    }
    const limit = Math.min(batchSize, capacity);
    // Read before the claim: a message queued while the claim runs asks for another one.
    lane.seenEnqueues = countLocalEnqueues(lane.channel);
    const request = { owner: workerId, channel: lane.channel, limit, leaseMs };
    // On SQLite, recording the sent messages and claiming the next ones share one transaction: a write
    // transaction costs far more there than a statement. PostgreSQL would pay two more round trips for it.
    const claimed =
      ctx.dialect === 'sqlite'
        ? await ctx.db.transaction().execute(async (trx) => {
            await flushDelivered(trx);
            return claimDueMessages(trx, ctx.dialect, request);
          })
        : await claimDueMessages(ctx.db, ctx.dialect, request);
    lane.hasBacklog = claimed.length === limit;
    for (const message of claimed) dispatch(lane, message);
    // A full batch: more may be due, so claim again at once.
    if (lane.hasBacklog) lane.isClaimWanted = true;
  }

  async function runCycles(): Promise<void> {
    try {
      for (;;) {
        const wanted = lanes.filter((lane) => lane.isClaimWanted);
        if (!isRunning || wanted.length === 0) break;
        for (const lane of wanted) {
          lane.isClaimWanted = false;
          await claimFor(lane);
        }
      }
    } catch (error) {
      log.error({ err: error }, 'could not claim outbox messages; retrying at the next poll');
    } finally {
      activeCycle = undefined;
    }
  }

  /**
   * `all`: every lane claims (polls, notifications from other processes, retries coming due).
   * `committed`: only lanes this process queued messages for since their last claim, and lanes with a
   * backlog; a commit that queued nothing costs no query.
   */
  function requestClaims(which: 'all' | 'committed' | Lane[]): void {
    if (!isRunning) return;
    for (const lane of lanes) {
      const isWanted =
        which === 'all' ||
        (which === 'committed'
          ? lane.hasBacklog || countLocalEnqueues(lane.channel) !== lane.seenEnqueues
          : which.includes(lane));
      if (isWanted) lane.isClaimWanted = true;
    }
    // One cycle at a time; a cycle that is running picks the requests up before it ends.
    if (activeCycle || !lanes.some((lane) => lane.isClaimWanted)) return;
    // setImmediate folds the wakes of commits made in the same turn of the event loop into one claim.
    activeCycle = new Promise((resolve) => setImmediate(resolve)).then(runCycles);
  }

  return {
    wake: () => requestClaims('committed'),
    whenListening: () => listener?.listening ?? Promise.resolve(),
    start() {
      if (isRunning) return;
      isRunning = true;
      // Created here so where mail goes is logged once, at start.
      mailer ??= createMailer(ctx, { maxConnections: smtpConnections });
      pollTimer = setInterval(() => requestClaims('all'), pollIntervalMs);
      if (
        ctx.dialect === 'postgres' &&
        options.isListening !== false &&
        isPostgresUrl(ctx.config.databaseUrl)
      ) {
        listener = listenForCommits(ctx, () => requestClaims('all'));
      }
      requestClaims('all');
    },
    async stop() {
      isRunning = false;
      clearInterval(pollTimer);
      await listener?.close();
      listener = undefined;
      await activeCycle;
      for (;;) {
        const inFlight = lanes.flatMap((lane) => [...lane.inFlight]);
        if (inFlight.length === 0) break;
        await Promise.allSettled(inFlight);
      }
      await activeFlush;
      await flushDelivered(ctx.db);
      mailer?.close();
      mailer = undefined;
      webhooks?.close();
      webhooks = undefined;
    },
  };
}
