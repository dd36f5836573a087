import { bytesToBase64 } from '../shared/openpgpBrowser.ts';
import type { AttachmentInput } from '../shared/types.ts';

/** A file chosen for a report or a message, with a key that stays stable while the list changes. */
export type ChosenFile = { key: string; file: File };

const MEDIA_TYPE = /^[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]*\/[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]*$/;
const MAX_NAME = 200;

/** The server refuses slashes and control characters in file names, and names over 200 characters. */
export function safeFileName(name: string): string {
  const cleaned = [...name]
    .map((char) => (char === '/' || char === '\\' || char.charCodeAt(0) < 32 ? '_' : char))
    .join('');
  if (cleaned.length <= MAX_NAME) return cleaned || 'attachment';
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 16 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, MAX_NAME - extension.length) + extension;
}

/** The browser's media type when the server accepts its form (no parameters), else a generic one. */
export function safeMediaType(type: string): string {
  return MEDIA_TYPE.test(type) && type.length <= 100 ? type : 'application/octet-stream';
}

/** A file as the API takes it, in clear. */
export async function plainAttachment(file: File): Promise<AttachmentInput> {
  return {
    fileName: safeFileName(file.name),
    mediaType: safeMediaType(file.type),
    contentBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())),
  };
}

/**
 * An encrypted file as the API takes it: a neutral name (the real one is inside the encrypted data, which
 * keeps it for the program), the OpenPGP media type, and the binary message in base64.
 */
export function encryptedAttachment(index: number, encrypted: Uint8Array): AttachmentInput {
  return {
    fileName: `attachment-${index + 1}.pgp`,
    mediaType: 'application/pgp-encrypted',
    contentBase64: bytesToBase64(encrypted),
  };
}

/** A file size in the viewer's language: "850 kB", "2.4 MB". */
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
