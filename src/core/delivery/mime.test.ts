import { describe, expect, it } from 'vitest';
import { buildMimeBody, buildMimeMessage, parseMailAddress } from './mime.ts';
import { PermanentDeliveryError } from './permanent-error.ts';

// mailparser is not a dependency: these decoders are written from RFC 2045/2047 directly, apart from
// the encoders under test, so a round trip checks the encoding rather than repeating it.

/** Decodes the RFC 2047 encoded words of an unfolded header value (UTF-8, B or Q). */
function decodeHeaderValue(value: string): string {
  const unfolded = value.replace(/\r\n[ \t]/g, ' ');
  // Whitespace between two adjacent encoded words is not part of the text.
  const joined = unfolded.replace(/(\?=)\s+(?==\?)/g, '$1');
  return joined.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_word, kind: string, data: string) => {
    if (kind.toUpperCase() === 'B') return Buffer.from(data, 'base64').toString('utf8');
    const bytes = data
      .replace(/_/g, ' ')
      .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  });
}

function decodeBody(encoding: string, body: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

function parsePart(text: string): Part {
  const split = text.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const field of text.slice(0, split).split(/\r\n(?![ \t])/)) {
    const colon = field.indexOf(':');
    headers.set(field.slice(0, colon).toLowerCase(), field.slice(colon + 1).trim());
  }
  return { headers, body: text.slice(split + 4) };
}

/** The decoded text of a single-part message, or of each part of a multipart one. */
function decodedParts(raw: string): { type: string; text: string }[] {
  const root = parsePart(raw);
  const contentType = root.headers.get('content-type') ?? '';
  const boundary = /boundary="([^"]+)"/.exec(contentType)?.[1];
  const parts = boundary
    ? root.body
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((chunk) => parsePart(chunk.replace(/^\r\n/, '').replace(/\r\n$/, '')))
    : [root];
  return parts.map((part) => ({
    type: part.headers.get('content-type') ?? '',
    text: decodeBody(
      part.headers.get('content-transfer-encoding') ?? '7bit',
      part.body.replace(/\r\n$/, ''),
    ).replace(/\r\n/g, '\n'),
  }));
}

const from = parseMailAddress('Common Ground <no-reply@cg.example.test>');

function build(overrides: Partial<Parameters<typeof buildMimeMessage>[0]> = {}) {
  return buildMimeMessage({
    from,
    to: 'person@example.test',
    subject: 'Common Ground: reset your password',
    text: 'Open this link:\nhttps://cg.example.test/reset#token=abc',
    messageId: 'msg_01abc@cg.example.test',
    headers: { 'X-Common-Ground-Message-Id': 'msg_01abc' },
    date: new Date('2026-03-01T12:00:00Z'),
    ...overrides,
  });
}

describe('buildMimeMessage', () => {
  it('writes the headers a receiver needs, and the envelope', () => {
    const { raw, envelope } = build();
    const head = parsePart(raw).headers;
    expect(head.get('from')).toBe('Common Ground <no-reply@cg.example.test>');
    expect(head.get('to')).toBe('person@example.test');
    expect(head.get('subject')).toBe('Common Ground: reset your password');
    expect(head.get('message-id')).toBe('<msg_01abc@cg.example.test>');
    expect(head.get('x-common-ground-message-id')).toBe('msg_01abc');
    expect(head.get('date')).toBe('Sun, 01 Mar 2026 12:00:00 +0000');
    expect(head.get('mime-version')).toBe('1.0');
    expect(head.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(head.get('content-transfer-encoding')).toBe('7bit');
    expect(envelope).toEqual({
      from: { address: 'no-reply@cg.example.test', name: '' },
      to: [{ address: 'person@example.test', name: '' }],
    });
    expect(decodedParts(raw)).toEqual([
      { type: 'text/plain; charset=utf-8', text: 'Open this link:\nhttps://cg.example.test/reset#token=abc' },
    ]);
  });

  it('encodes an Arabic subject and body so that they decode back to the input', () => {
    const subject = 'Common Ground: دعوة للانضمام إلى الفريق الوطني للاستجابة لحوادث الحاسوب';
    const text = 'مرحبا،\nتمت دعوتك للانضمام إلى المنظمة.\n';
    const { raw } = build({ subject, text });
    const head = parsePart(raw).headers;
    expect(head.get('subject')).toMatch(/^=\?UTF-8\?[BQ]\?/);
    expect(decodeHeaderValue(head.get('subject')!)).toBe(subject);
    expect(head.get('content-transfer-encoding')).toBe('base64');
    expect(decodedParts(raw)[0]!.text).toBe(text);
  });

  it('encodes Chinese and accented Latin text, and long lines, within the line limits', () => {
    const subject = '网络安全合作：会议通知 — réunion à Genève';
    const text = `Réunion à Genève.\n${'https://cg.example.test/very/long/link/'.repeat(5)}\n会议通知`;
    const { raw } = build({ subject, text });
    const head = parsePart(raw).headers;
    expect(decodeHeaderValue(head.get('subject')!)).toBe(subject);
    expect(head.get('content-transfer-encoding')).toBe('quoted-printable');
    expect(decodedParts(raw)[0]!.text).toBe(text);
    for (const line of raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    // Only CRLF line breaks and 7-bit bytes on the wire.
    expect(raw).not.toMatch(/[^\r]\n|\r[^\n]/);
    expect(raw).not.toMatch(/[^\r\n -~]/);
  });

  it('keeps line breaks in a subject from starting another header', () => {
    const subject = 'Invoice 42 \r\nBcc: someone@example.test';
    const { raw } = build({ subject });
    expect(raw).not.toMatch(/^Bcc:/m);
    expect(decodeHeaderValue(parsePart(raw).headers.get('subject')!)).toBe(
      'Invoice 42  Bcc: someone@example.test',
    );
  });

  it('adds the HTML version as a multipart/alternative after the text', () => {
    const { raw } = build({ html: '<p>Open <a href="https://cg.example.test/">the link</a> — ok</p>' });
    expect(parsePart(raw).headers.get('content-type')).toMatch(/^multipart\/alternative; boundary="[^"]+"$/);
    expect(decodedParts(raw)).toEqual([
      { type: 'text/plain; charset=utf-8', text: 'Open this link:\nhttps://cg.example.test/reset#token=abc' },
      {
        type: 'text/html; charset=utf-8',
        text: '<p>Open <a href="https://cg.example.test/">the link</a> — ok</p>',
      },
    ]);
  });

  it('parses a recipient with a display name or a non-ASCII domain with nodemailer', () => {
    const { raw, envelope } = build({ to: 'Zoë Example <zoe@jõgeva.ee>' });
    expect(envelope.to).toEqual([{ address: 'zoe@xn--jgeva-dua.ee', name: '' }]);
    expect(decodeHeaderValue(parsePart(raw).headers.get('to')!)).toBe('Zoë Example <zoe@xn--jgeva-dua.ee>');
  });

  it('refuses for good a recipient with a line break, several recipients, a group or no address', () => {
    for (const to of [
      'a@b.example\r\nBcc: evil@example.test',
      '"x\r\nBcc: e@x.example" <a@b.example>',
      'a@b.example\nX-Injected: 1',
      'a@b.example, c@d.example',
      'friends: a@b.example, c@d.example;',
      'not an address',
      '',
    ]) {
      expect(() => build({ to }), JSON.stringify(to)).toThrow(PermanentDeliveryError);
    }
    // One address, written any valid way, still goes out, and the header names only that address.
    const { raw, envelope } = build({ to: '"Duty desk, CERT" <desk@cert.example.test>' });
    expect(envelope.to).toEqual([{ address: 'desk@cert.example.test', name: '' }]);
    expect(parsePart(raw).headers.get('to')).toBe('"Duty desk, CERT" <desk@cert.example.test>');
  });

  it('writes a clear message body exactly as buildMimeBody makes it, after the headers', () => {
    const plain = build();
    expect(
      plain.raw.endsWith(
        `MIME-Version: 1.0\r\n${buildMimeBody('Open this link:\nhttps://cg.example.test/reset#token=abc')}`,
      ),
    ).toBe(true);
    const body = buildMimeBody('text', '<p>html</p>');
    expect(body).toMatch(/^Content-Type: multipart\/alternative; boundary="=_cg_[0-9a-f]{24}"\r\n\r\n/);
    expect(body.endsWith('--\r\n')).toBe(true);
  });

  it('writes an encrypted body as RFC 3156 multipart/encrypted, keeping the headers in clear', () => {
    const armored =
      '-----BEGIN PGP MESSAGE-----\n\nwV4DAAAAAAAAAAASAQdAexample\n=abcd\n-----END PGP MESSAGE-----\n';
    const { raw } = build({ subject: '[TLP:AMBER] Request REQ-7', pgpEncrypted: armored });
    expect(raw).not.toContain('Open this link');
    const root = parsePart(raw);
    expect(root.headers.get('subject')).toBe('[TLP:AMBER] Request REQ-7');
    expect(root.headers.get('x-common-ground-message-id')).toBe('msg_01abc');
    const contentType = root.headers.get('content-type')!.replace(/\r\n[ \t]+/g, ' ');
    expect(contentType).toMatch(
      /^multipart\/encrypted; protocol="application\/pgp-encrypted"; boundary="(=_cg_[0-9a-f]{24})"$/,
    );
    const boundary = /boundary="([^"]+)"/.exec(contentType)![1]!;
    const chunks = root.body.split(`--${boundary}`);
    // Preamble, the two parts, and what follows the closing delimiter.
    expect(chunks).toHaveLength(4);
    expect(chunks[3]).toBe('--\r\n');
    const control = parsePart(chunks[1]!.replace(/^\r\n/, ''));
    expect(control.headers.get('content-type')).toBe('application/pgp-encrypted');
    expect(control.body).toBe('Version: 1\r\n\r\n');
    const payload = parsePart(chunks[2]!.replace(/^\r\n/, ''));
    expect(payload.headers.get('content-type')).toBe('application/octet-stream; name="encrypted.asc"');
    expect(payload.body).toBe(`${armored.replace(/\n/g, '\r\n')}\r\n`);
    expect(raw).not.toMatch(/[^\r]\n|\r[^\n]/);
    for (const line of raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  });

  it('parses the sender once, display name included', () => {
    expect(parseMailAddress('"Ground, Common" <no-reply@cg.example.test>')).toEqual({
      header: '"Ground, Common" <no-reply@cg.example.test>',
      address: 'no-reply@cg.example.test',
    });
    expect(() => parseMailAddress('nobody')).toThrow();
  });
});
