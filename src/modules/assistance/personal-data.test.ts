import { describe, expect, it } from 'vitest';
import { detectPersonalData } from './personal-data.ts';

const kindsAndExcerpts = (text: string) =>
  detectPersonalData(text).map((finding) => [finding.kind, finding.excerpt]);

describe('detectPersonalData', () => {
  it('finds e-mail addresses, with offsets into the text', () => {
    const text = 'Contact jane.doe+cert@example.gov.ke or 王伟@例子.中国 for logs.';
    const findings = detectPersonalData(text);
    expect(findings.map((f) => f.excerpt)).toEqual(['jane.doe+cert@example.gov.ke', '王伟@例子.中国']);
    for (const finding of findings) {
      expect(finding.kind).toBe('email');
      expect(text.slice(finding.start, finding.end)).toBe(finding.excerpt);
    }
  });

  it('finds phone numbers in international and national formats', () => {
    expect(kindsAndExcerpts('Call +254 20 123 4567 now')).toEqual([['phone', '+254 20 123 4567']]);
    expect(kindsAndExcerpts('Tél. : 01 23 45 67 89')).toEqual([['phone', '01 23 45 67 89']]);
    expect(kindsAndExcerpts('Tél. 01.23.45.67.89')).toEqual([['phone', '01.23.45.67.89']]);
    expect(kindsAndExcerpts('Office (555) 123-4567.')).toEqual([['phone', '(555) 123-4567']]);
    expect(kindsAndExcerpts('Тел.: +7 495 123-45-67')).toEqual([['phone', '+7 495 123-45-67']]);
    expect(kindsAndExcerpts('电话 +86 10 6655 8899')).toEqual([['phone', '+86 10 6655 8899']]);
    expect(kindsAndExcerpts('هاتف: +971501234567')).toEqual([['phone', '+971501234567']]);
    expect(kindsAndExcerpts('móvil 0034 612 345 678')).toEqual([['phone', '0034 612 345 678']]);
    expect(kindsAndExcerpts('mobile 0612345678')).toEqual([['phone', '0612345678']]);
  });

  it('finds names in signature blocks after closings in the six UN languages', () => {
    const cases: [string, string][] = [
      ['The servers are isolated.\n\nBest regards,\nJane Smith\nCERT-XY', 'Jane Smith'],
      ['Merci.\n\nCordialement,\n\nJean-Pierre Dupont', 'Jean-Pierre Dupont'],
      ['Gracias.\nSaludos,\nMaría García López', 'María García López'],
      ['Спасибо за помощь.\nС уважением,\nИван Петров', 'Иван Петров'],
      ['شكراً\nمع التحية،\nأحمد محمد', 'أحمد محمد'],
      ['请协助分析。\n此致\n敬礼！\n张伟', '张伟'],
      ['See attached.\n-- \nJ. O’Brien', 'J. O’Brien'],
    ];
    for (const [text, name] of cases) {
      const findings = detectPersonalData(text);
      expect(findings, text).toHaveLength(1);
      expect(findings[0]).toMatchObject({ kind: 'signature_name', excerpt: name });
      expect(text.slice(findings[0]?.start, findings[0]?.end)).toBe(name);
    }
  });

  it('does not take team names or a closing without a name for a person', () => {
    expect(detectPersonalData('Regards,\nIncident Response Team')).toEqual([]);
    expect(detectPersonalData('Regards,\nCERT-KE')).toEqual([]);
    expect(detectPersonalData('С уважением,\nДежурная служба')).toEqual([]);
    expect(detectPersonalData('Regards')).toEqual([]);
    // A capitalized pair in running text is not a signature.
    expect(detectPersonalData('The Ransomware Group hit Port Authority systems.')).toEqual([]);
  });

  it('flags no technical indicator', () => {
    const indicators = [
      'C2 at 185.220.101.47 and 10.0.0.1:8080, subnet 192.168.100.0/24',
      'IPv6 2001:db8:85a3::8a2e:370:7334',
      'Exploits CVE-2021-44228 and CVE-2023-4966; GHSA-jfh8-c2jp-5v3q',
      'SHA-256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      'MD5 d41d8cd98f00b204e9800998ecf8427e and 84273498712345678901234567890123',
      'Detected 2024-01-15T10:30:00Z, again 2024-01-15 10:30:00 +0000 and 15/01/2024 08:00',
      'Unix time 1705314600, log line 20240115103000',
      'Affects versions 10.0.19041.1 through 2.17.1 and 3.14.159265',
      'About 12 345 678 records; 1,234,567 rows; ports 443 8443',
      'Ticket INC0012345678, AS13335, UUID 123e4567-e89b-12d3-a456-426614174000',
      'MAC 00:1A:2B:3C:4D:5E, serial 00112233',
    ];
    for (const text of indicators) expect(detectPersonalData(text), text).toEqual([]);
  });

  it('returns findings of every kind in text order', () => {
    const text = 'Reach me at ops@cert.example or +41 22 917 1234.\n\nKind regards,\nAnna Müller';
    expect(kindsAndExcerpts(text)).toEqual([
      ['email', 'ops@cert.example'],
      ['phone', '+41 22 917 1234'],
      ['signature_name', 'Anna Müller'],
    ]);
  });
});
