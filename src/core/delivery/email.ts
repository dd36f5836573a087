import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import type { AppContext } from '../context.ts';
import { buildMimeMessage, type MailAddress, parseMailAddress } from './mime.ts';
import type { EmailMessage } from './outbox.ts';
import { PermanentDeliveryError } from './permanent-error.ts';

/** Sends the e-mail of one outbox message. Rejects on failure; the worker decides about retries. */
export interface Mailer {
  send(messageId: string, message: EmailMessage): Promise<void>;
  close(): void;
}

/** The host of PUBLIC_URL, which makes Message-IDs globally unique per instance. */
function messageIdDomain(publicUrl: string): string {
  try {
    return new URL(publicUrl).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

/**
 * The message as nodemailer takes it: built here and handed over as `raw`, which skips its composer. The
 * outbox id is the Message-ID, so a message sent twice (the worker died between sending and recording
 * it) is recognisably the same message to the receiver.
 */
function composeMail(from: MailAddress, domain: string, messageId: string, message: EmailMessage) {
  const messageIdHeader = `${messageId}@${domain}`;
  const { envelope, raw } = buildMimeMessage({
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: messageIdHeader,
    headers: { 'X-Common-Ground-Message-Id': messageId },
  });
  // Given again beside `raw`, whose headers nodemailer does not read: without it, it would generate one
  // (several random draws per message) for its result, though the raw message carries ours.
  return { envelope, raw, messageId: `<${messageIdHeader}>` };
}

interface SmtpFailure {
  code?: string;
  responseCode?: number;
}

function createSmtpMailer(ctx: AppContext, maxConnections: number): Mailer {
  const transport = nodemailer.createTransport({
    url: ctx.config.smtpUrl,
    pool: true,
    maxConnections,
    // Connections are reused for as long as the server keeps them; reconnecting per 100 messages costs latency.
    maxMessages: Number.POSITIVE_INFINITY,
    // Well under the worker's lease, so a stuck server fails the attempt before another worker retries it.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const smtpHost = (() => {
    try {
      const url = new URL(ctx.config.smtpUrl);
      return `${url.hostname}:${url.port || (url.protocol === 'smtps:' ? '465' : '587')}`;
    } catch {
      return 'the configured SMTP server';
    }
  })();
  const domain = messageIdDomain(ctx.config.publicUrl);
  const from = parseMailAddress(ctx.config.mailFrom);
  ctx.log.info({ smtp: smtpHost, from: ctx.config.mailFrom }, 'outgoing mail goes to SMTP');
  return {
    async send(messageId, message) {
      try {
        await transport.sendMail(composeMail(from, domain, messageId, message));
      } catch (error) {
        const failure = error as SmtpFailure;
        // The server refused the recipient for good (5xx on RCPT TO): retrying the same address cannot help.
        if (failure.code === 'EENVELOPE' && (failure.responseCode ?? 0) >= 500) {
          throw new PermanentDeliveryError((error as Error).message);
        }
        throw error;
      }
    },
    close() {
      transport.close();
    },
  };
}

/** Without SMTP_URL, each message becomes an .eml file a developer can open in any mail client. */
function createFileMailer(ctx: AppContext): Mailer {
  const directory = resolve(ctx.config.dataDir, 'mail');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const domain = messageIdDomain(ctx.config.publicUrl);
  const from = parseMailAddress(ctx.config.mailFrom);
  let ready: Promise<unknown> | undefined;
  ctx.log.info({ directory }, 'SMTP_URL is empty: outgoing mail is written to .eml files');
  return {
    async send(messageId, message) {
      ready ??= mkdir(directory, { recursive: true });
      await ready;
      const info = await transport.sendMail(composeMail(from, domain, messageId, message));
      // Named by outbox id: a repeated delivery overwrites its file instead of duplicating it. Written
      // aside and renamed, so a reader never sees half a message.
      const target = join(directory, `${messageId}.eml`);
      const partial = `${target}.partial`;
      await writeFile(partial, info.message as Buffer);
      await rename(partial, target);
    },
    close() {},
  };
}

export function createMailer(ctx: AppContext, options: { maxConnections?: number } = {}): Mailer {
  return ctx.config.smtpUrl ? createSmtpMailer(ctx, options.maxConnections ?? 8) : createFileMailer(ctx);
}
