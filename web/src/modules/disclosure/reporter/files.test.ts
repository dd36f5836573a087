import { describe, expect, it } from 'vitest';
import { encryptedAttachment, safeFileName, safeMediaType } from './files.ts';

describe('safeFileName', () => {
  it('replaces slashes and control characters, and keeps the extension of a long name', () => {
    expect(safeFileName('../etc/passwd')).toBe('.._etc_passwd');
    expect(safeFileName('a\\b\u0007c.txt')).toBe('a_b_c.txt');
    const long = safeFileName(`${'x'.repeat(300)}.pcap`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.pcap')).toBe(true);
    expect(safeFileName('')).toBe('attachment');
  });
});

describe('safeMediaType', () => {
  it('keeps plain media types and replaces the rest', () => {
    expect(safeMediaType('text/plain')).toBe('text/plain');
    expect(safeMediaType('application/vnd.tcpdump.pcap')).toBe('application/vnd.tcpdump.pcap');
    expect(safeMediaType('')).toBe('application/octet-stream');
    expect(safeMediaType('text/plain; charset=utf-8')).toBe('application/octet-stream');
  });
});

describe('encryptedAttachment', () => {
  it('names the file by its position only and encodes the bytes', () => {
    expect(encryptedAttachment(1, new Uint8Array([0xc1, 0x00, 0xff]))).toEqual({
      fileName: 'attachment-2.pgp',
      mediaType: 'application/pgp-encrypted',
      contentBase64: 'wQD/',
    });
  });
});
