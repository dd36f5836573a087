import { CONTENT_FIELDS, type ReportContent, TRISTATES, type Tristate } from './types.ts';

/** CWE ids as typed: separated by commas, semicolons, spaces or lines; the server normalises each. */
export function parseCweList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  ];
}

const isTristate = (value: unknown): value is Tristate =>
  typeof value === 'string' && (TRISTATES as readonly string[]).includes(value);

/**
 * A decrypted report's fields, when the text is the JSON of a report's content (as the report form
 * encrypts it); undefined for anything else, which the page then shows as plain text.
 */
export function parseReportContent(text: string): ReportContent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const textOf = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : undefined);
  const title = textOf('title');
  const product = textOf('product');
  if (!title?.trim() || !product?.trim()) return undefined;
  for (const field of CONTENT_FIELDS) {
    const given = record[field];
    if (given !== undefined && typeof given !== 'string') return undefined;
  }
  return {
    title,
    product,
    version: textOf('version') ?? '',
    description: textOf('description') ?? '',
    reproduction: textOf('reproduction') ?? '',
    impact: textOf('impact') ?? '',
    priorVendorContact: textOf('priorVendorContact') ?? '',
    exploitation: isTristate(record.exploitation) ? record.exploitation : 'unknown',
    publicity: isTristate(record.publicity) ? record.publicity : 'unknown',
    disclosurePlans: textOf('disclosurePlans') ?? '',
  };
}

const ENCRYPTED_SUFFIX = /\.(pgp|gpg|asc)$/i;

/**
 * The name to save a decrypted attachment under: the name inside the message when there is one, else the
 * stored name without its `.pgp`; never a path, never empty.
 */
export function decryptedFileName(storedName: string, innerName: string | undefined): string {
  const base = (name: string) => name.split(/[/\\]/).pop()?.trim() ?? '';
  const inner = innerName ? base(innerName) : '';
  if (inner) return inner;
  const stripped = base(storedName).replace(ENCRYPTED_SUFFIX, '');
  return stripped && stripped !== storedName ? stripped : `${stripped || 'attachment'}.decrypted`;
}

/** Hands bytes to the browser as a download, from memory (nothing is sent anywhere). */
export function saveBytes(data: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; release the memory soon after.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The viewer's time zone, to name beside deadlines ("Europe/Paris"). */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}

/** A file size in the reader's language: "850 bytes", "2.4 MB". */
export function formatFileSize(bytes: number, locale: string): string {
  if (bytes < 1024) {
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(bytes);
  }
  const isLarge = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: isLarge ? 'megabyte' : 'kilobyte',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(isLarge ? bytes / (1024 * 1024) : bytes / 1024);
}

/** Whether a stored attachment is an OpenPGP message (how the report form sends files of encrypted reports). */
export function isEncryptedAttachment(attachment: { fileName: string; mediaType: string }): boolean {
  return attachment.mediaType === 'application/pgp-encrypted' || ENCRYPTED_SUFFIX.test(attachment.fileName);
}

/** A fingerprint in groups of four, as people compare them. */
export function groupedFingerprint(fingerprint: string): string {
  return fingerprint.match(/.{1,4}/g)?.join(' ') ?? fingerprint;
}
