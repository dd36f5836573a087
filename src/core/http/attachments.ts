import { createHash } from 'node:crypto';
import { type Static, Type } from 'typebox';
import { newId } from '../db/ids.ts';
import { AppError, badRequest } from './errors.ts';

/**
 * Files sent inside JSON bodies (base64), as requests for assistance and vulnerability reports take them:
 * the request schema, the decoding with its limits, and the headers a download is served with.
 */
export const AttachmentInput = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 200, pattern: '^[^/\\\\\\x00-\\x1f]+$' }),
    mediaType: Type.String({
      minLength: 3,
      maxLength: 100,
      pattern: '^[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]*/[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]*$',
    }),
    contentBase64: Type.String({ minLength: 1, contentEncoding: 'base64' }),
  },
  { additionalProperties: false },
);

export interface DecodedAttachment {
  id: string;
  fileName: string;
  mediaType: string;
  data: Buffer;
  size: number;
  /** Hex SHA-256 of the bytes, shown to both sides so they can compare what was sent with what arrived. */
  sha256: string;
}

/** Decodes and hashes each file; refuses bad base64 and empty files (400) and files over the limit (413). */
export function decodeAttachments(
  inputs: readonly Static<typeof AttachmentInput>[] | undefined,
  options: { uploadLimitBytes: number; idPrefix: string },
): DecodedAttachment[] {
  return (inputs ?? []).map((input) => {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.contentBase64) || input.contentBase64.length % 4 !== 0) {
      throw badRequest('invalid_base64', `The attachment ${input.fileName} is not valid base64.`);
    }
    const data = Buffer.from(input.contentBase64, 'base64');
    if (data.length === 0) throw badRequest('empty_attachment', `The attachment ${input.fileName} is empty.`);
    if (data.length > options.uploadLimitBytes) {
      throw new AppError(
        413,
        'file_too_large',
        `Attachments are limited to ${options.uploadLimitBytes} bytes each.`,
      );
    }
    return {
      id: newId(options.idPrefix),
      fileName: input.fileName,
      mediaType: input.mediaType.toLowerCase(),
      data,
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
    };
  });
}

/**
 * The headers of a download: always an attachment, never sniffed, sandboxed if a browser renders it anyway,
 * not cached, with the SHA-256 as Repr-Digest (RFC 9530).
 */
export function downloadHeaders(fileName: string, sha256: string): Record<string, string> {
  const asciiName = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return {
    'content-disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, no-store',
    'repr-digest': `sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`,
  };
}
