import * as openpgp from 'openpgp';
import { AppError } from '../../../core/http/errors.ts';

/**
 * security.txt (RFC 9116): the file at /.well-known/security.txt that tells researchers where to report.
 *
 * Lines end in CRLF. RFC 9116 accepts CRLF or LF (its `eol` rule is `*WSP [CR] LF`); CRLF is the form an
 * OpenPGP cleartext signature is computed over (RFC 9580 §7), so the signed file we serve is byte for byte
 * the text the signature covers, and a verifier that does not canonicalize line endings still agrees.
 */

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface SecurityTxtFields {
  /** https URIs, `mailto:` or `tel:`; at least one. */
  contact: string[];
  expires: Date;
  /** Where the key is: https, `openpgp4fpr:` or `dns:` URIs, never the key itself. */
  encryption?: string[];
  acknowledgments?: string;
  /** BCP 47 language tags. */
  preferredLanguages?: string[];
  canonical?: string[];
  policy?: string[];
  hiring?: string;
  /** CSAF 2.0 (section 7.1.8): where the CSAF provider metadata is, so CSAF tools find the advisories. */
  csaf?: string[];
}

export interface FormatSecurityTxtOptions {
  /** The moment `expires` is checked against; defaults to now. */
  now?: Date;
  /** One comment line written on top, e.g. the instance's name. */
  comment?: string;
}

export type SecurityTxtErrorReason =
  | 'missing_field'
  | 'duplicate_field'
  | 'line_break'
  | 'control_character'
  | 'invalid_uri'
  | 'insecure_uri'
  | 'invalid_expires'
  | 'expires_in_past'
  | 'expires_too_far'
  | 'invalid_language_tag'
  | 'malformed_line'
  | 'malformed_signature'
  | 'unusable_signing_key';

export class SecurityTxtError extends Error {
  readonly reason: SecurityTxtErrorReason;
  /** The field at fault, as RFC 9116 names it, when there is one. */
  readonly field: string | undefined;

  constructor(reason: SecurityTxtErrorReason, message: string, field?: string) {
    super(message);
    this.name = 'SecurityTxtError';
    this.reason = reason;
    this.field = field;
  }
}

/** The 422 problem a route answers with when a security.txt is refused (code `invalid_security_txt`). */
export function securityTxtProblem(error: SecurityTxtError): AppError {
  const extra: Record<string, unknown> = { reason: error.reason };
  if (error.field !== undefined) extra.field = error.field;
  return new AppError(422, 'invalid_security_txt', error.message, { extra });
}

const CRLF = '\r\n';
const SIGNED_HEADER = '-----BEGIN PGP SIGNED MESSAGE-----';
const SIGNATURE_HEADER = '-----BEGIN PGP SIGNATURE-----';

function isLineBreak(code: number): boolean {
  return (
    code === 0x0a ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0x0d ||
    code === 0x85 ||
    code === 0x2028 ||
    code === 0x2029
  );
}

function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** Every value ends up on one line of the file: a line break inside one would start a field of its own. */
function checkSingleLine(field: string, value: string): void {
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (isLineBreak(code)) {
      throw new SecurityTxtError('line_break', `${field} must not contain a line break.`, field);
    }
    if (isControl(code)) {
      throw new SecurityTxtError('control_character', `${field} must not contain control characters.`, field);
    }
  }
}

type UriKind = 'contact' | 'encryption' | 'web';

const MAILTO = /^mailto:[^@\s]+@[^@\s]+$/i;
const TEL = /^tel:\+?[0-9][0-9().-]*$/i;
const OPENPGP4FPR = /^openpgp4fpr:(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;

function checkUri(field: string, value: string, kind: UriKind): void {
  if (typeof value !== 'string') throw new SecurityTxtError('invalid_uri', `${field} must be a URI.`, field);
  checkSingleLine(field, value);
  if (value.length === 0 || /\s/.test(value)) {
    throw new SecurityTxtError('invalid_uri', `${field} must be a URI without spaces.`, field);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SecurityTxtError('invalid_uri', `${field} is not a valid URI: ${value}`, field);
  }
  const scheme = url.protocol;
  if (scheme === 'https:') {
    // RFC 9116 §2.5: web URIs must begin with "https://", with a host.
    if (!/^https:\/\//i.test(value) || url.hostname === '') {
      throw new SecurityTxtError('invalid_uri', `${field} is not a valid https URI: ${value}`, field);
    }
    return;
  }
  // A development instance on this machine has no certificate; anywhere else web URIs must be https.
  if (scheme === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new SecurityTxtError('insecure_uri', `${field} must use https, not http: ${value}`, field);
  }
  if (scheme === 'http:') return;
  if (kind === 'contact' && scheme === 'mailto:') {
    if (!MAILTO.test(value))
      throw new SecurityTxtError('invalid_uri', `${field} has no valid address: ${value}`, field);
    return;
  }
  if (kind === 'contact' && scheme === 'tel:') {
    if (!TEL.test(value))
      throw new SecurityTxtError('invalid_uri', `${field} has no valid number: ${value}`, field);
    return;
  }
  if (kind === 'encryption' && scheme === 'openpgp4fpr:') {
    if (!OPENPGP4FPR.test(value)) {
      throw new SecurityTxtError('invalid_uri', `${field} has no valid fingerprint: ${value}`, field);
    }
    return;
  }
  if (kind === 'encryption' && scheme === 'dns:') return;
  const allowed = {
    contact: 'https, mailto: or tel:',
    encryption: 'https, openpgp4fpr: or dns:',
    web: 'https',
  }[kind];
  throw new SecurityTxtError('invalid_uri', `${field} must be an ${allowed} URI: ${value}`, field);
}

function checkLanguageTag(tag: string): void {
  checkSingleLine('Preferred-Languages', tag);
  let isValid = /^[A-Za-z0-9-]+$/.test(tag);
  if (isValid) {
    try {
      Intl.getCanonicalLocales(tag);
    } catch {
      isValid = false;
    }
  }
  if (!isValid) {
    throw new SecurityTxtError(
      'invalid_language_tag',
      `Preferred-Languages holds an invalid BCP 47 tag: ${tag}`,
      'Preferred-Languages',
    );
  }
}

/** RFC 3339 in UTC, to the second: `2027-01-31T12:00:00Z`. */
function formatExpires(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function oneYearAfter(date: Date): Date {
  const later = new Date(date.getTime());
  later.setUTCFullYear(later.getUTCFullYear() + 1);
  return later;
}

/**
 * The security.txt text, unsigned, lines ending in CRLF. Fields come in one fixed order: Contact, Expires,
 * Encryption, Preferred-Languages, Canonical, Policy, Acknowledgments, Hiring, CSAF. Throws SecurityTxtError on a
 * value the RFC refuses, an `expires` in the past or more than a year ahead (RFC 9116 §2.5.5 recommends less
 * than a year, so the file is kept up to date).
 */
export function formatSecurityTxt(fields: SecurityTxtFields, options: FormatSecurityTxtOptions = {}): string {
  const now = options.now ?? new Date();
  const lines: string[] = [];
  if (options.comment !== undefined) {
    checkSingleLine('comment', options.comment);
    lines.push(options.comment === '' ? '#' : `# ${options.comment}`);
  }

  if (!Array.isArray(fields.contact) || fields.contact.length === 0) {
    throw new SecurityTxtError('missing_field', 'security.txt needs at least one Contact.', 'Contact');
  }
  for (const contact of fields.contact) {
    checkUri('Contact', contact, 'contact');
    lines.push(`Contact: ${contact}`);
  }

  if (!(fields.expires instanceof Date) || Number.isNaN(fields.expires.getTime())) {
    throw new SecurityTxtError('invalid_expires', 'Expires must be a valid date.', 'Expires');
  }
  if (fields.expires.getTime() <= now.getTime()) {
    throw new SecurityTxtError('expires_in_past', 'Expires must be in the future.', 'Expires');
  }
  if (fields.expires.getTime() > oneYearAfter(now).getTime()) {
    throw new SecurityTxtError('expires_too_far', 'Expires must be at most one year ahead.', 'Expires');
  }
  lines.push(`Expires: ${formatExpires(fields.expires)}`);

  for (const encryption of fields.encryption ?? []) {
    checkUri('Encryption', encryption, 'encryption');
    lines.push(`Encryption: ${encryption}`);
  }
  if (fields.preferredLanguages !== undefined && fields.preferredLanguages.length > 0) {
    for (const tag of fields.preferredLanguages) checkLanguageTag(tag);
    lines.push(`Preferred-Languages: ${fields.preferredLanguages.join(', ')}`);
  }
  for (const canonical of fields.canonical ?? []) {
    checkUri('Canonical', canonical, 'web');
    lines.push(`Canonical: ${canonical}`);
  }
  for (const policy of fields.policy ?? []) {
    checkUri('Policy', policy, 'web');
    lines.push(`Policy: ${policy}`);
  }
  if (fields.acknowledgments !== undefined) {
    checkUri('Acknowledgments', fields.acknowledgments, 'web');
    lines.push(`Acknowledgments: ${fields.acknowledgments}`);
  }
  if (fields.hiring !== undefined) {
    checkUri('Hiring', fields.hiring, 'web');
    lines.push(`Hiring: ${fields.hiring}`);
  }
  for (const url of fields.csaf ?? []) {
    checkUri('CSAF', url, 'web');
    lines.push(`CSAF: ${url}`);
  }
  return lines.join(CRLF) + CRLF;
}

/**
 * The text wrapped in an OpenPGP cleartext signature (RFC 9116 §2.3, RFC 9580 §7), every line ending in
 * CRLF. The text is parsed first, so only a well-formed security.txt is signed.
 */
export async function signSecurityTxt(text: string, privateKey: openpgp.PrivateKey): Promise<string> {
  if (text.trimStart().startsWith(SIGNED_HEADER)) {
    throw new SecurityTxtError('malformed_signature', 'The text is already signed.');
  }
  parseSecurityTxt(text);
  let armored: string;
  try {
    const message = await openpgp.createCleartextMessage({ text });
    armored = await openpgp.sign({ message, signingKeys: privateKey, format: 'armored' });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SecurityTxtError('unusable_signing_key', `The key cannot sign: ${reason}`);
  }
  // openpgp.js writes the signed text with CRLF and its armor lines with LF: make the file one convention.
  return armored.replace(/\r?\n/g, CRLF);
}

/** RFC 3339 date-time (§5.6); the letters T and Z may be lower case. */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function parseExpires(value: string): Date {
  const match = RFC3339.exec(value);
  const invalid = () =>
    new SecurityTxtError('invalid_expires', `Expires is not an RFC 3339 date-time: ${value}`, 'Expires');
  if (!match) throw invalid();
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 31 April over into May; a real date comes back unchanged.
  if (
    local.getUTCFullYear() !== year ||
    local.getUTCMonth() !== month - 1 ||
    local.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 60
  ) {
    throw invalid();
  }
  const fraction = match[7] ? Math.floor(Number(match[7]) * 1000) : 0;
  const zone = match[8]!;
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  }
  return new Date(local.getTime() + fraction - offsetMinutes * 60_000);
}

/** The lines the signature covers, with dash escaping (RFC 9580 §7) undone; the text as is when unsigned. */
function unwrapSignature(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() !== '');
  if (start === -1 || lines[start]!.trim() !== SIGNED_HEADER) return lines;
  // Armor headers (Hash: …) run to the first empty line.
  let index = start + 1;
  while (index < lines.length && lines[index]!.trim() !== '') index++;
  const body: string[] = [];
  for (index++; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trimEnd() === SIGNATURE_HEADER) return body;
    body.push(line.startsWith('- ') ? line.slice(2) : line);
  }
  throw new SecurityTxtError('malformed_signature', 'The signed message has no signature block.');
}

const FIELD_LINE = /^([A-Za-z0-9-]+):[ \t]*(.*?)[ \t]*$/;

/**
 * The fields of a security.txt, signed or not. Field names are matched without regard to case, unknown
 * fields are ignored (RFC 9116 §2.4, extensibility), comments and blank lines skipped. Acknowledgments and Hiring keep
 * their first value. Throws SecurityTxtError on a line that is not a field, a missing Contact or Expires,
 * a repeated Expires or Preferred-Languages, or an Expires that is not an RFC 3339 date-time. It does not
 * judge whether the file has expired: callers compare `expires` with the time that matters to them.
 */
export function parseSecurityTxt(text: string): SecurityTxtFields {
  const contact: string[] = [];
  const encryption: string[] = [];
  const canonical: string[] = [];
  const policy: string[] = [];
  let expires: Date | undefined;
  let preferredLanguages: string[] | undefined;
  let acknowledgments: string | undefined;
  let hiring: string | undefined;
  const csaf: string[] = [];

  const lines = unwrapSignature(text);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = FIELD_LINE.exec(line);
    if (!match) {
      throw new SecurityTxtError('malformed_line', `Line ${index + 1} is neither a field nor a comment.`);
    }
    const name = match[1]!.toLowerCase();
    const value = match[2]!;
    switch (name) {
      case 'contact':
        contact.push(value);
        break;
      case 'expires':
        if (expires !== undefined) {
          throw new SecurityTxtError('duplicate_field', 'Expires must appear only once.', 'Expires');
        }
        expires = parseExpires(value);
        break;
      case 'encryption':
        encryption.push(value);
        break;
      case 'preferred-languages':
        if (preferredLanguages !== undefined) {
          throw new SecurityTxtError(
            'duplicate_field',
            'Preferred-Languages must appear only once.',
            'Preferred-Languages',
          );
        }
        preferredLanguages = value
          .split(',')
          .map((tag) => tag.trim())
          .filter((tag) => tag !== '');
        break;
      case 'canonical':
        canonical.push(value);
        break;
      case 'policy':
        policy.push(value);
        break;
      case 'acknowledgments':
        acknowledgments ??= value;
        break;
      case 'hiring':
        hiring ??= value;
        break;
      case 'csaf':
        csaf.push(value);
        break;
    }
  });

  if (contact.length === 0) {
    throw new SecurityTxtError('missing_field', 'security.txt has no Contact field.', 'Contact');
  }
  if (expires === undefined) {
    throw new SecurityTxtError('missing_field', 'security.txt has no Expires field.', 'Expires');
  }
  const fields: SecurityTxtFields = { contact, expires };
  if (encryption.length > 0) fields.encryption = encryption;
  if (acknowledgments !== undefined) fields.acknowledgments = acknowledgments;
  if (preferredLanguages !== undefined) fields.preferredLanguages = preferredLanguages;
  if (canonical.length > 0) fields.canonical = canonical;
  if (policy.length > 0) fields.policy = policy;
  if (hiring !== undefined) fields.hiring = hiring;
  if (csaf.length > 0) fields.csaf = csaf;
  return fields;
}
