import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import type { AppContext } from '../context.ts';
import { encryptAndSign } from '../openpgp/encrypt.ts';
import { getInstanceKey } from '../openpgp/instance-key.ts';
import { buildMimeBody, buildMimeMessage, type MailAddress, parseMailAddress } from './mime.ts';
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
function composeMail(
  from: MailAddress,
  domain: string,
  messageId: string,
  message: EmailMessage,
  pgpEncrypted?: string,
) {
  const messageIdHeader = `${messageId}@${domain}`;
  const { envelope, raw } = buildMimeMessage({
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    pgpEncrypted,
    messageId: messageIdHeader,
    headers: { 'X-Common-Ground-Message-Id': messageId },
  });
  // Given again beside `raw`, whose headers nodemailer does not read: without it, it would generate one
  // (several random draws per message) for its result, though the raw message carries ours.
  return { envelope, raw, messageId: `<${messageIdHeader}>` };
}

/**
 * Composes a message for sending: as it is, or, when it names the recipient's key (`encryptTo`), as
 * PGP/MIME (RFC 3156) whose body is encrypted to that key and signed with the instance key. Subject and
 * headers stay in clear. A key that cannot be used fails the message for good; it never goes out in clear.
 */
function createComposer(ctx: AppContext) {
  const domain = messageIdDomain(ctx.config.publicUrl);
  const from = parseMailAddress(ctx.config.mailFrom);
  return {
    clear: (messageId: string, message: EmailMessage) => composeMail(from, domain, messageId, message),
    async encrypted(messageId: string, message: EmailMessage, recipientKey: string) {
      // Not reaching the database is worth a retry, so this stays outside the try.
      const signer = await getInstanceKey(ctx.db, { publicUrl: ctx.config.publicUrl });
      let armored: string;
      try {
        armored = await encryptAndSign(buildMimeBody(message.text, message.html), recipientKey, signer);
      } catch (error) {
        throw new PermanentDeliveryError(
          `The message cannot be encrypted to the recipient's OpenPGP key: ${(error as Error).message}`,
        );
      }
      return composeMail(from, domain, messageId, message, armored);
    },
  };
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
  const compose = createComposer(ctx);
  ctx.log.info({ smtp: smtpHost, from: ctx.config.mailFrom }, 'outgoing mail goes to SMTP');
  return {
    async send(messageId, message) {
      const mail =
        message.encryptTo === undefined
          ? compose.clear(messageId, message)
          : await compose.encrypted(messageId, message, message.encryptTo);
      try {
        await transport.sendMail(mail);
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
  const compose = createComposer(ctx);
  let ready: Promise<unknown> | undefined;
  ctx.log.info({ directory }, 'SMTP_URL is empty: outgoing mail is written to .eml files');
  return {
    async send(messageId, message) {
      const mail =
        message.encryptTo === undefined
          ? compose.clear(messageId, message)
          : await compose.encrypted(messageId, message, message.encryptTo);
      ready ??= mkdir(directory, { recursive: true });
      await ready;
      const info = await transport.sendMail(mail);
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
