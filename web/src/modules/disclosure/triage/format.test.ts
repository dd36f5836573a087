import { describe, expect, it } from 'vitest';
import {
  decryptedFileName,
  groupedFingerprint,
  isEncryptedAttachment,
  parseCweList,
  parseReportContent,
} from './format.ts';

describe('CWE ids as typed', () => {
  it('splits on commas, semicolons, spaces and lines, and drops repeats and blanks', () => {
    expect(parseCweList('CWE-287, 79\nCWE-20;  CWE-287\n\n')).toEqual(['CWE-287', '79', 'CWE-20']);
    expect(parseCweList('   ')).toEqual([]);
  });
});

describe('decrypted report content', () => {
  const content = {
    title: 'Auth bypass',
    product: 'RT-1000',
    version: '2.3',
    description: 'A cookie skips the check.',
    reproduction: '',
    impact: 'Full control',
    priorVendorContact: '',
    exploitation: 'no',
    publicity: 'unknown',
    disclosurePlans: '',
  };

  it('reads the JSON the report form encrypts', () => {
    expect(parseReportContent(JSON.stringify(content))).toEqual(content);
  });

  it('fills fields a sender left out, and reads an unknown tristate as unknown', () => {
    const parsed = parseReportContent(JSON.stringify({ title: 'T', product: 'P', exploitation: 'maybe' }));
    expect(parsed).toMatchObject({ title: 'T', product: 'P', description: '', exploitation: 'unknown' });
  });

  it('refuses what is not a report: plain text, arrays, missing title, fields of the wrong type', () => {
    expect(parseReportContent('just some text')).toBeUndefined();
    expect(parseReportContent('[1,2]')).toBeUndefined();
    expect(parseReportContent(JSON.stringify({ ...content, title: ' ' }))).toBeUndefined();
    expect(parseReportContent(JSON.stringify({ ...content, impact: 42 }))).toBeUndefined();
  });
});

describe('attachment names', () => {
  it('prefers the name inside the message, without any path', () => {
    expect(decryptedFileName('attachment-1.pgp', 'poc.py')).toBe('poc.py');
    expect(decryptedFileName('attachment-1.pgp', '../../etc/passwd')).toBe('passwd');
    expect(decryptedFileName('attachment-1.pgp', 'C:\\Users\\me\\exploit.html')).toBe('exploit.html');
  });

  it('falls back to the stored name without its encryption suffix', () => {
    expect(decryptedFileName('attachment-2.pgp', undefined)).toBe('attachment-2');
    expect(decryptedFileName('trace.log.gpg', '')).toBe('trace.log');
    expect(decryptedFileName('notes.txt', undefined)).toBe('notes.txt.decrypted');
  });

  it('recognises encrypted attachments by type or suffix', () => {
    expect(
      isEncryptedAttachment({ fileName: 'attachment-1.pgp', mediaType: 'application/octet-stream' }),
    ).toBe(true);
    expect(isEncryptedAttachment({ fileName: 'a.bin', mediaType: 'application/pgp-encrypted' })).toBe(true);
    expect(isEncryptedAttachment({ fileName: 'poc.html', mediaType: 'text/html' })).toBe(false);
  });

  it('groups fingerprints by four', () => {
    expect(groupedFingerprint('ABCD1234EF')).toBe('ABCD 1234 EF');
  });
});
