import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  formatSecurityTxt,
  parseSecurityTxt,
  SecurityTxtError,
  type SecurityTxtFields,
  securityTxtProblem,
  signSecurityTxt,
} from './security-txt.ts';

const NOW = new Date('2026-03-01T12:00:00Z');
const NEXT_MONTH = new Date('2026-04-01T00:00:00Z');

const fullFields: SecurityTxtFields = {
  contact: [
    'https://cg.example.org/disclosure/programs/prg_01/report',
    'mailto:security@example.org',
    'tel:+41-22-000-0000',
  ],
  expires: NEXT_MONTH,
  encryption: [
    'https://cg.example.org/.well-known/openpgp.asc',
    'openpgp4fpr:5f2de5521c63a801ab59ccb603d49de44b29100f',
  ],
  acknowledgments: 'https://cg.example.org/disclosure/programs/prg_01/thanks',
  preferredLanguages: ['en', 'fr', 'ar', 'zh-Hans'],
  canonical: ['https://example.org/.well-known/security.txt'],
  policy: ['https://cg.example.org/disclosure/programs/prg_01'],
  hiring: 'https://example.org/jobs',
};

function refusal(run: () => unknown): SecurityTxtError {
  try {
    run();
  } catch (error) {
    if (error instanceof SecurityTxtError) return error;
    throw error;
  }
  throw new Error('expected a SecurityTxtError');
}

describe('formatSecurityTxt', () => {
  it('writes every field in a fixed order, each line ending in CRLF, Expires in UTC with Z', () => {
    const text = formatSecurityTxt(fullFields, { now: NOW, comment: 'Common Ground at cg.example.org' });
    expect(text).toBe(
      [
        '# Common Ground at cg.example.org',
        'Contact: https://cg.example.org/disclosure/programs/prg_01/report',
        'Contact: mailto:security@example.org',
        'Contact: tel:+41-22-000-0000',
        'Expires: 2026-04-01T00:00:00Z',
        'Encryption: https://cg.example.org/.well-known/openpgp.asc',
        'Encryption: openpgp4fpr:5f2de5521c63a801ab59ccb603d49de44b29100f',
        'Preferred-Languages: en, fr, ar, zh-Hans',
        'Canonical: https://example.org/.well-known/security.txt',
        'Policy: https://cg.example.org/disclosure/programs/prg_01',
        'Acknowledgments: https://cg.example.org/disclosure/programs/prg_01/thanks',
        'Hiring: https://example.org/jobs',
        '',
      ].join('\r\n'),
    );
    // No bare LF anywhere.
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('converts a non-UTC time to UTC and drops milliseconds', () => {
    const text = formatSecurityTxt(
      { contact: ['mailto:a@example.org'], expires: new Date('2026-06-30T23:59:59.750+02:00') },
      { now: NOW },
    );
    expect(text).toContain('Expires: 2026-06-30T21:59:59Z\r\n');
  });

  it('round-trips through parseSecurityTxt', () => {
    const text = formatSecurityTxt(fullFields, { now: NOW });
    expect(parseSecurityTxt(text)).toEqual(fullFields);
  });

  it('refuses an Expires in the past, now, or more than a year ahead; accepts exactly one year', () => {
    const contact = ['mailto:a@example.org'];
    expect(
      refusal(() => formatSecurityTxt({ contact, expires: new Date('2026-02-28T00:00:00Z') }, { now: NOW }))
        .reason,
    ).toBe('expires_in_past');
    expect(refusal(() => formatSecurityTxt({ contact, expires: NOW }, { now: NOW })).reason).toBe(
      'expires_in_past',
    );
    expect(
      refusal(() => formatSecurityTxt({ contact, expires: new Date('2027-03-01T12:00:01Z') }, { now: NOW }))
        .reason,
    ).toBe('expires_too_far');
    expect(formatSecurityTxt({ contact, expires: new Date('2027-03-01T12:00:00Z') }, { now: NOW })).toContain(
      'Expires: 2027-03-01T12:00:00Z',
    );
    expect(
      refusal(() => formatSecurityTxt({ contact, expires: new Date('nonsense') }, { now: NOW })).reason,
    ).toBe('invalid_expires');
  });

  it('checks Expires against the real clock when no time is given', () => {
    const past = new Date(Date.now() - 60_000);
    expect(
      refusal(() => formatSecurityTxt({ contact: ['mailto:a@example.org'], expires: past })).reason,
    ).toBe('expires_in_past');
  });

  it('refuses values with line breaks or control characters, which would inject fields', () => {
    const injected = refusal(() =>
      formatSecurityTxt(
        { contact: ['https://example.org/report\r\nContact: https://evil.example'], expires: NEXT_MONTH },
        { now: NOW },
      ),
    );
    expect(injected.reason).toBe('line_break');
    expect(injected.field).toBe('Contact');
    expect(
      refusal(() =>
        formatSecurityTxt(
          { contact: ['mailto:a@example.org'], expires: NEXT_MONTH },
          { now: NOW, comment: 'a\nContact: x' },
        ),
      ).reason,
    ).toBe('line_break');
    expect(
      refusal(() =>
        formatSecurityTxt(
          {
            contact: ['mailto:a@example.org'],
            expires: NEXT_MONTH,
            hiring: 'https://example.org/\u2028jobs',
          },
          { now: NOW },
        ),
      ).reason,
    ).toBe('line_break');
    expect(
      refusal(() =>
        formatSecurityTxt(
          { contact: ['mailto:a@example.org'], expires: NEXT_MONTH, policy: ['https://example.org/\u0000'] },
          { now: NOW },
        ),
      ).reason,
    ).toBe('control_character');
  });

  it('refuses http web URIs, in every web field', () => {
    const base = { contact: ['mailto:a@example.org'], expires: NEXT_MONTH };
    const cases: [Partial<SecurityTxtFields>, string][] = [
      [{ contact: ['http://example.org/report'] }, 'Contact'],
      [{ encryption: ['http://example.org/key.asc'] }, 'Encryption'],
      [{ canonical: ['http://example.org/.well-known/security.txt'] }, 'Canonical'],
      [{ policy: ['http://example.org/policy'] }, 'Policy'],
      [{ acknowledgments: 'http://example.org/thanks' }, 'Acknowledgments'],
      [{ hiring: 'http://example.org/jobs' }, 'Hiring'],
    ];
    for (const [override, field] of cases) {
      const error = refusal(() => formatSecurityTxt({ ...base, ...override }, { now: NOW }));
      expect(error.reason).toBe('insecure_uri');
      expect(error.field).toBe(field);
    }
  });

  it('writes and reads the CSAF field that points CSAF tools to the provider metadata', () => {
    const text = formatSecurityTxt(
      {
        contact: ['https://example.org/report'],
        expires: NEXT_MONTH,
        csaf: ['https://example.org/.well-known/csaf/provider-metadata.json'],
      },
      { now: NOW },
    );
    expect(text).toContain('CSAF: https://example.org/.well-known/csaf/provider-metadata.json\r\n');
    expect(parseSecurityTxt(text).csaf).toEqual([
      'https://example.org/.well-known/csaf/provider-metadata.json',
    ]);
  });

  it('allows plain http only for a development instance on this machine', () => {
    const text = formatSecurityTxt(
      {
        contact: ['http://localhost:8080/disclose/vdp_1'],
        policy: ['http://127.0.0.1:8080/p'],
        expires: NEXT_MONTH,
      },
      { now: NOW },
    );
    expect(text).toContain('Contact: http://localhost:8080/disclose/vdp_1');
    expect(
      refusal(() =>
        formatSecurityTxt({ contact: ['http://localhost.example.org/x'], expires: NEXT_MONTH }, { now: NOW }),
      ).reason,
    ).toBe('insecure_uri');
  });

  it('allows mailto: and tel: for Contact only, and refuses other schemes and non-URIs', () => {
    const base = { contact: ['mailto:a@example.org'], expires: NEXT_MONTH };
    expect(
      refusal(() => formatSecurityTxt({ ...base, policy: ['mailto:a@example.org'] }, { now: NOW })).reason,
    ).toBe('invalid_uri');
    expect(
      refusal(() => formatSecurityTxt({ ...base, hiring: 'tel:+41220000000' }, { now: NOW })).reason,
    ).toBe('invalid_uri');
    for (const contact of [
      'ftp://example.org',
      'security@example.org',
      'mailto:nobody',
      'tel:call-us',
      'https://',
      '',
    ]) {
      expect(refusal(() => formatSecurityTxt({ ...base, contact: [contact] }, { now: NOW })).reason).toBe(
        'invalid_uri',
      );
    }
    expect(
      refusal(() => formatSecurityTxt({ ...base, contact: ['https://example.org/a b'] }, { now: NOW }))
        .reason,
    ).toBe('invalid_uri');
    expect(
      refusal(() => formatSecurityTxt({ ...base, encryption: ['openpgp4fpr:not-hex'] }, { now: NOW })).reason,
    ).toBe('invalid_uri');
    // The key itself is not a URI.
    expect(
      refusal(() =>
        formatSecurityTxt({ ...base, encryption: ['-----BEGIN PGP PUBLIC KEY BLOCK-----'] }, { now: NOW }),
      ).reason,
    ).toBe('invalid_uri');
    expect(
      formatSecurityTxt(
        { ...base, encryption: ['dns:5d2d37ab76d47d36._openpgpkey.example.com?type=OPENPGPKEY'] },
        { now: NOW },
      ),
    ).toContain('Encryption: dns:5d2d37ab76d47d36._openpgpkey.example.com?type=OPENPGPKEY\r\n');
  });

  it('refuses a value that is not a string instead of crashing', () => {
    const fields = { contact: [42], expires: NEXT_MONTH } as unknown as SecurityTxtFields;
    expect(refusal(() => formatSecurityTxt(fields, { now: NOW })).reason).toBe('invalid_uri');
  });

  it('needs at least one Contact and valid language tags', () => {
    expect(refusal(() => formatSecurityTxt({ contact: [], expires: NEXT_MONTH }, { now: NOW })).reason).toBe(
      'missing_field',
    );
    expect(
      refusal(() =>
        formatSecurityTxt(
          { contact: ['mailto:a@example.org'], expires: NEXT_MONTH, preferredLanguages: ['en', 'not a tag'] },
          { now: NOW },
        ),
      ).reason,
    ).toBe('invalid_language_tag');
  });

  it('becomes a 422 problem with a stable code', () => {
    const problem = securityTxtProblem(
      refusal(() =>
        formatSecurityTxt({ contact: ['http://example.org'], expires: NEXT_MONTH }, { now: NOW }),
      ),
    );
    expect(problem.status).toBe(422);
    expect(problem.code).toBe('invalid_security_txt');
    expect(problem.extra).toEqual({ reason: 'insecure_uri', field: 'Contact' });
  });
});

describe('parseSecurityTxt', () => {
  it('reads LF files, any field-name case, comments, offsets and unknown fields', () => {
    const fields = parseSecurityTxt(
      [
        '# Our security contacts',
        '',
        'CONTACT: mailto:security@example.org',
        'expires: 2026-12-31T18:37:07.000-08:00',
        'X-Custom: ignored',
        'preferred-languages: en,  es ,fr',
        '',
      ].join('\n'),
    );
    expect(fields).toEqual({
      contact: ['mailto:security@example.org'],
      expires: new Date('2027-01-01T02:37:07Z'),
      preferredLanguages: ['en', 'es', 'fr'],
    });
  });

  it('refuses files missing Contact or Expires, a repeated Expires, a bad date and a stray line', () => {
    expect(refusal(() => parseSecurityTxt('Expires: 2026-12-31T00:00:00Z\n')).reason).toBe('missing_field');
    expect(refusal(() => parseSecurityTxt('Contact: mailto:a@example.org\n')).field).toBe('Expires');
    expect(
      refusal(() =>
        parseSecurityTxt(
          'Contact: mailto:a@example.org\nExpires: 2026-12-31T00:00:00Z\nExpires: 2027-01-31T00:00:00Z\n',
        ),
      ).reason,
    ).toBe('duplicate_field');
    for (const date of [
      '2026-02-30T00:00:00Z',
      '2026-12-31',
      'Thu, 31 Dec 2026 18:37:07 -0800',
      '2026-12-31T25:00:00Z',
    ]) {
      expect(
        refusal(() => parseSecurityTxt(`Contact: mailto:a@example.org\nExpires: ${date}\n`)).reason,
      ).toBe('invalid_expires');
    }
    const stray = refusal(() =>
      parseSecurityTxt('Contact: mailto:a@example.org\nthis is not a field\nExpires: 2026-12-31T00:00:00Z\n'),
    );
    expect(stray.reason).toBe('malformed_line');
    expect(stray.message).toContain('Line 2');
  });

  it('reads a signed file and ignores what the signature does not cover', () => {
    const signed = [
      '-----BEGIN PGP SIGNED MESSAGE-----',
      'Hash: SHA512',
      '',
      'Contact: mailto:security@example.org',
      '- # a dash-escaped comment',
      'Expires: 2026-12-31T00:00:00Z',
      '-----BEGIN PGP SIGNATURE-----',
      '',
      'Contact: https://not-signed.example',
      '-----END PGP SIGNATURE-----',
      'Contact: https://after-the-signature.example',
      '',
    ].join('\r\n');
    expect(parseSecurityTxt(signed)).toEqual({
      contact: ['mailto:security@example.org'],
      expires: new Date('2026-12-31T00:00:00Z'),
    });
    expect(refusal(() => parseSecurityTxt(signed.split('-----BEGIN PGP SIGNATURE-----')[0]!)).reason).toBe(
      'malformed_signature',
    );
  });
});

describe('signSecurityTxt', () => {
  let privateKey: openpgp.PrivateKey;
  let publicKey: openpgp.PublicKey;
  let otherPublicKey: openpgp.PublicKey;

  beforeAll(async () => {
    // A v4 Ed25519 key, which deployed GnuPG versions read as well as openpgp.js.
    const generated = await openpgp.generateKey({
      type: 'ecc',
      curve: 'ed25519Legacy',
      userIDs: [{ name: 'Common Ground test', email: 'security@example.org' }],
      format: 'object',
      config: { v6Keys: false },
    });
    privateKey = generated.privateKey;
    publicKey = generated.publicKey;
    const other = await openpgp.generateKey({
      type: 'ecc',
      curve: 'ed25519Legacy',
      userIDs: [{ email: 'other@example.org' }],
      format: 'object',
      config: { v6Keys: false },
    });
    otherPublicKey = other.publicKey;
  });

  it('produces a cleartext-signed file, CRLF throughout, that verifies with the public key and parses back', async () => {
    const text = formatSecurityTxt(fullFields, { now: NOW, comment: 'Common Ground' });
    const signed = await signSecurityTxt(text, privateKey);

    expect(signed.startsWith('-----BEGIN PGP SIGNED MESSAGE-----\r\n')).toBe(true);
    expect(signed.endsWith('-----END PGP SIGNATURE-----\r\n')).toBe(true);
    expect(signed.replace(/\r\n/g, '')).not.toContain('\n');

    const message = await openpgp.readCleartextMessage({ cleartextMessage: signed });
    const { signatures, data } = await openpgp.verify({
      message,
      verificationKeys: publicKey,
      expectSigned: true,
    });
    expect(await signatures[0]!.verified).toBe(true);
    expect(data).toBe(text.replace(/\r\n/g, '\n'));
    expect(parseSecurityTxt(signed)).toEqual(fullFields);
  });

  it('does not verify with another key, nor after the text is changed', async () => {
    const text = formatSecurityTxt(fullFields, { now: NOW });
    const signed = await signSecurityTxt(text, privateKey);

    const message = await openpgp.readCleartextMessage({ cleartextMessage: signed });
    await expect(
      openpgp.verify({ message, verificationKeys: otherPublicKey, expectSigned: true }),
    ).rejects.toThrow();

    const tampered = signed.replace('mailto:security@example.org', 'mailto:attacker@example.org');
    const tamperedMessage = await openpgp.readCleartextMessage({ cleartextMessage: tampered });
    await expect(
      openpgp.verify({ message: tamperedMessage, verificationKeys: publicKey, expectSigned: true }),
    ).rejects.toThrow();
  });

  it('refuses to sign what is not a security.txt, or is signed already, or with a locked key', async () => {
    await expect(signSecurityTxt('hello\n', privateKey)).rejects.toMatchObject({ reason: 'malformed_line' });
    const signed = await signSecurityTxt(formatSecurityTxt(fullFields, { now: NOW }), privateKey);
    await expect(signSecurityTxt(signed, privateKey)).rejects.toMatchObject({
      reason: 'malformed_signature',
    });

    const locked = await openpgp.encryptKey({ privateKey, passphrase: 'correct horse' });
    await expect(signSecurityTxt(formatSecurityTxt(fullFields, { now: NOW }), locked)).rejects.toMatchObject({
      reason: 'unusable_signing_key',
    });
  });

  const hasGpg = spawnSync('gpg', ['--version']).status === 0;
  it.skipIf(!hasGpg)('verifies with GnuPG, an independent implementation', async () => {
    const signed = await signSecurityTxt(formatSecurityTxt(fullFields, { now: NOW }), privateKey);
    const home = mkdtempSync(join(tmpdir(), 'cg-securitytxt-'));
    try {
      writeFileSync(join(home, 'key.asc'), publicKey.armor());
      writeFileSync(join(home, 'security.txt'), signed);
      const gpg = (...args: string[]) =>
        spawnSync('gpg', ['--homedir', home, '--batch', '--no-autostart', ...args], { encoding: 'utf8' });
      expect(gpg('--import', join(home, 'key.asc')).status).toBe(0);
      const verified = gpg('--verify', join(home, 'security.txt'));
      expect(verified.stderr).toContain('Good signature');
      expect(verified.status).toBe(0);

      writeFileSync(
        join(home, 'tampered.txt'),
        signed.replace('Hiring: https://example.org/jobs', 'Hiring: https://example.org/job'),
      );
      expect(gpg('--verify', join(home, 'tampered.txt')).status).not.toBe(0);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
