import { randomBytes } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';
import * as base64 from 'nodemailer/lib/base64';
import * as mimeFuncs from 'nodemailer/lib/mime-funcs';
import MimeNode from 'nodemailer/lib/mime-node';
import * as qp from 'nodemailer/lib/qp';
import { PermanentDeliveryError } from './permanent-error.ts';

/**
 * Builds the RFC 5322 message of an outbox e-mail in one pass, for nodemailer's `raw` option. Composing
 * through MailComposer costs about a millisecond of CPU per message (a tree of MIME nodes and streams,
 * addresses parsed several times), which caps delivery throughput under a burst. The encoders are
 * nodemailer's own (RFC 2047 words, quoted-printable, base64), so the output is what it would compose.
 */

/** An address as the header shows it and as the SMTP envelope carries it. */
export interface MailAddress {
  header: string;
  address: string;
}

export interface MimeMessageInput {
  from: MailAddress;
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  /**
   * An ASCII-armored OpenPGP message holding the body (see buildMimeBody), encrypted and signed. When
   * given, the body is RFC 3156 PGP/MIME (multipart/encrypted) carrying it, and `text` and `html` are
   * not written in clear.
   */
  pgpEncrypted?: string | undefined;
  /** Message-ID without angle brackets, `local@domain`. */
  messageId: string;
  /** Further headers; values are encoded as nodemailer would. */
  headers?: Record<string, string>;
  date?: Date;
}

export interface MimeMessage {
  /** Addresses as objects: nodemailer takes them as they are instead of parsing a string again. */
  envelope: { from: { address: string; name: string }; to: { address: string; name: string }[] };
  raw: string;
}

// RFC 5322 dot-atom local part at an ASCII host name: goes into the header and the envelope unchanged.
const PLAIN_ADDRESS =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/;
// Visible ASCII without anything RFC 2047 would have to encode: such a value goes out as it is.
const PLAIN_HEADER_TEXT = /^[\x20-\x7e]*$/;
const LINE_BREAKS = /\r\n|\r|\n/g;
// Past this, a line in a 7bit body is rewrapped as quoted-printable, as nodemailer does (RFC 5322 allows 998).
const MAX_PLAIN_LINE = 76;
const LONG_LINE = new RegExp(`[^\\r\\n]{${MAX_PLAIN_LINE + 1}}`);

/**
 * Parses an address (with or without a display name) with nodemailer's parser; for anything beyond a
 * bare ASCII address, which is rare enough that parsing cost does not matter.
 */
export function parseMailAddress(value: string): MailAddress {
  const node = new MimeNode().setHeader('From', value);
  const address = node.getEnvelope().from;
  if (!address) throw new Error(`Not an e-mail address: ${JSON.stringify(value)}`);
  return { header: MimeNode.encodeHeaderValue('From', value), address };
}

// Control characters (CR and LF above all) have no place in an address: in a header they would start new ones.
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
const ENVELOPE_ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

/**
 * The one recipient of a message. Anything else (a line break, a list, a group, text that is no address)
 * is refused for good: retrying cannot mend it, and sending would put in the header or the envelope
 * someone the message was not for.
 */
function recipientOf(to: string): MailAddress {
  if (hasControlCharacter(to)) {
    throw new PermanentDeliveryError(
      'The recipient address contains a line break or another control character.',
    );
  }
  if (PLAIN_ADDRESS.test(to) && to.length <= 254) return { header: to, address: to };
  const parsed = addressparser(to);
  const only = parsed.length === 1 ? parsed[0] : undefined;
  const isSingle = only !== undefined && !('group' in only && only.group) && Boolean(only.address);
  // The envelope as nodemailer derives it (an IDN domain in punycode), once the text is known to be one address.
  const envelope = isSingle ? new MimeNode().setHeader('To', to).getEnvelope().to : [];
  const address = envelope.length === 1 ? envelope[0] : undefined;
  if (!address || !ENVELOPE_ADDRESS.test(address)) {
    throw new PermanentDeliveryError(
      `The recipient is not exactly one e-mail address: ${JSON.stringify(to)}`,
    );
  }
  // The header is written from the parsed address, so it names no one but the envelope's recipient.
  return { header: MimeNode.encodeHeaderValue('To', to), address };
}

function encodeHeaderText(name: string, value: string): string {
  // Plain text is what nodemailer would emit too; only a value that looks like an encoded word
  // ("=?") needs its encoder, so it cannot be misread on the way back.
  const encoded =
    PLAIN_HEADER_TEXT.test(value) && !value.includes('=?') ? value : MimeNode.encodeHeaderValue(name, value);
  return mimeFuncs.foldLines(`${name}: ${encoded}`, 76);
}

/** 'Q' when Latin letters outnumber the rest (compact for European text), else 'B' (Arabic, Chinese, …). */
function preferredEncoding(value: string): 'Q' | 'B' {
  let latin = 0;
  let other = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0x80 || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d)) other++;
    else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latin++;
  }
  return other < latin ? 'Q' : 'B';
}

/** A text part: its transfer encoding and body, with CRLF line breaks and no line over 76 characters. */
function encodeBody(content: string): { encoding: string; body: string } {
  const normalized = content.replace(LINE_BREAKS, '\r\n');
  if (mimeFuncs.isPlainText(normalized) && !LONG_LINE.test(normalized)) {
    return { encoding: '7bit', body: normalized };
  }
  if (preferredEncoding(normalized) === 'Q') {
    return { encoding: 'quoted-printable', body: qp.wrap(qp.encode(normalized), 76) };
  }
  return { encoding: 'base64', body: base64.wrap(base64.encode(normalized), 76) };
}

function textPart(type: 'plain' | 'html', content: string): string {
  const { encoding, body } = encodeBody(content);
  return `Content-Type: text/${type}; charset=utf-8\r\nContent-Transfer-Encoding: ${encoding}\r\n\r\n${body}`;
}

/**
 * The body entity of a message, its Content-Type header included: the text part, or text and HTML as
 * multipart/alternative. What PGP/MIME encrypts, and what a clear message carries after its headers.
 */
export function buildMimeBody(text: string, html?: string | undefined): string {
  if (!html) return `${textPart('plain', text)}\r\n`;
  // Random, so no body can contain it; QP and base64 output never contain "=_" in the first place.
  const boundary = `=_cg_${randomBytes(12).toString('hex')}`;
  return (
    `Content-Type: multipart/alternative; boundary="${boundary}"\r\n\r\n` +
    `--${boundary}\r\n${textPart('plain', text)}\r\n` +
    `--${boundary}\r\n${textPart('html', html)}\r\n` +
    `--${boundary}--\r\n`
  );
}

/**
 * RFC 3156 section 4: multipart/encrypted with the "Version: 1" control part and the armored OpenPGP
 * message as application/octet-stream. Armor is 7-bit text in lines of 76 characters at most.
 */
function pgpMimeBody(armored: string): string {
  const boundary = `=_cg_${randomBytes(12).toString('hex')}`;
  const message = armored.replace(LINE_BREAKS, '\r\n').replace(/(?:\r\n)*$/, '\r\n');
  return (
    'Content-Type: multipart/encrypted;\r\n protocol="application/pgp-encrypted";\r\n' +
    ` boundary="${boundary}"\r\n\r\n` +
    'This is an OpenPGP/MIME encrypted message (RFC 3156 and RFC 9580).\r\n' +
    `--${boundary}\r\n` +
    'Content-Type: application/pgp-encrypted\r\n' +
    'Content-Description: PGP/MIME version identification\r\n\r\n' +
    'Version: 1\r\n\r\n' +
    `--${boundary}\r\n` +
    'Content-Type: application/octet-stream; name="encrypted.asc"\r\n' +
    'Content-Description: OpenPGP encrypted message\r\n' +
    'Content-Disposition: inline; filename="encrypted.asc"\r\n\r\n' +
    `${message}\r\n` +
    `--${boundary}--\r\n`
  );
}

function formatDate(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

export function buildMimeMessage(input: MimeMessageInput): MimeMessage {
  const to = recipientOf(input.to);
  const head = [
    `From: ${input.from.header}`,
    `To: ${to.header}`,
    encodeHeaderText('Subject', input.subject),
    // The id comes from our own generator; still, nothing may break out of the header line.
    `Message-ID: <${input.messageId.replace(/[^!-~]|[<>]/g, '')}>`,
  ];
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    head.push(encodeHeaderText(name, value));
  }
  head.push(`Date: ${formatDate(input.date ?? new Date())}`, 'MIME-Version: 1.0');
  const content =
    input.pgpEncrypted === undefined
      ? buildMimeBody(input.text, input.html)
      : pgpMimeBody(input.pgpEncrypted);
  return {
    envelope: {
      from: { address: input.from.address, name: '' },
      to: [{ address: to.address, name: '' }],
    },
    raw: `${head.join('\r\n')}\r\n${content}`,
  };
}
