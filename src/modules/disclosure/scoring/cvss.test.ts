import { describe, expect, it } from 'vitest';
import { cvssSeverity, InvalidCvssVectorError, scoreCvss } from './cvss.ts';

function refusal(vector: unknown): InvalidCvssVectorError {
  try {
    scoreCvss(vector as string);
  } catch (error) {
    if (error instanceof InvalidCvssVectorError) return error;
    throw error;
  }
  throw new Error(`expected ${String(vector)} to be refused`);
}

// Published base scores from FIRST, "Common Vulnerability Scoring System v3.1: Examples",
// https://www.first.org/cvss/v3.1/examples (one section per CVE, e.g. #OpenSSL-Heartbleed-Vulnerability-CVE-2014-0160).
// Each vector and score was checked against two public test suites that cite those sections; examples on which
// they disagreed (such as CVE-2012-0384, rescored for 3.1) are left out.
const CVSS31_EXAMPLES: [string, string, number][] = [
  ['CVE-2013-0375 MySQL stored SQL injection', 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N', 6.4],
  ['CVE-2014-3566 SSLv3 POODLE', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N', 3.1],
  ['CVE-2015-1098 Apple iWork denial of service', 'CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 7.8],
  ['CVE-2014-0160 OpenSSL Heartbleed', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 7.5],
  ['CVE-2008-1447 DNS Kaminsky bug', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N', 6.8],
  ['CVE-2014-2005 Sophos login screen bypass', 'CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 6.8],
  ['CVE-2010-0467 Joomla directory traversal', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N', 5.8],
  ['CVE-2012-1342 Cisco access control bypass', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:L/A:N', 5.8],
  [
    'CVE-2011-1265 Windows Bluetooth remote code execution',
    'CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    8.8,
  ],
  ['CVE-2014-2019 Apple iOS security control bypass', 'CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N', 4.6],
  [
    'CVE-2015-0970 SearchBlox cross-site request forgery',
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H',
    8.8,
  ],
  ['CVE-2014-0224 SSL/TLS man-in-the-middle', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N', 7.4],
  ['CVE-2012-5376 Google Chrome sandbox bypass', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H', 9.6],
];

// Published scores from FIRST, "Common Vulnerability Scoring System v4.0: Examples",
// https://www.first.org/cvss/v4.0/examples, checked the same way. The score is that of the whole vector
// (CVSS-B, or CVSS-BT where a threat metric is given).
const CVSS40_EXAMPLES: [string, string, number][] = [
  ['CVE-2022-41741 NGINX mp4 module', 'CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 7.3],
  [
    'CVE-2020-3549 Cisco FMC sftunnel',
    'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
    7.7,
  ],
  [
    'CVE-2020-3549 with exploit maturity Unreported',
    'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U',
    5.2,
  ],
  ['CVE-2023-3089 OpenShift FIPS', 'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:L/SC:N/SI:N/SA:N', 8.3],
  [
    'CVE-2021-44714 Adobe Acrobat Reader',
    'CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N',
    4.6,
  ],
  [
    'CVE-2022-24682 Zimbra calendar XSS',
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N',
    5.1,
  ],
  ['CVE-2022-22186 Juniper EX4650', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N', 6.9],
  [
    'CVE-2023-21989 Oracle VirtualBox',
    'CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:N/VC:N/VI:N/VA:N/SC:H/SI:N/SA:N',
    5.9,
  ],
  [
    'CVE-2020-3947 VMware Workstation',
    'CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H',
    9.4,
  ],
  ['CVE-2013-6014 Juniper proxy ARP', 'CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/VA:N/SC:H/SI:N/SA:H', 6.4],
  [
    'CVE-2014-0160 Heartbleed, attacked',
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N/E:A',
    8.7,
  ],
  [
    'CVE-2021-44228 Log4Shell, attacked',
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A',
    9.3,
  ],
];

describe('scoreCvss against FIRST published examples', () => {
  it.each(CVSS31_EXAMPLES)('3.1 %s', (_name, vector, published) => {
    expect(scoreCvss(vector)).toEqual({
      version: '3.1',
      vector,
      baseScore: published,
      severity: cvssSeverity(published),
      temporalScore: null,
      temporalSeverity: null,
      environmentalScore: null,
      environmentalSeverity: null,
    });
  });

  it.each(CVSS40_EXAMPLES)('4.0 %s', (_name, vector, published) => {
    const result = scoreCvss(vector);
    expect(result).toMatchObject({ version: '4.0', vector, score: published });
    expect(result.version === '4.0' && result.scoreSeverity).toBe(cvssSeverity(published));
  });

  it('keeps the base score apart from the score with threat metrics (CVE-2020-3549)', () => {
    expect(scoreCvss('CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U')).toEqual({
      version: '4.0',
      vector: 'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U',
      baseScore: 7.7,
      severity: 'HIGH',
      score: 5.2,
      scoreSeverity: 'MEDIUM',
      nomenclature: 'CVSS-BT',
    });
  });
});

describe('scoreCvss, CVSS 3.1 temporal and environmental scores', () => {
  it('gives the temporal score when temporal metrics are defined', () => {
    // 9.8 x E:F 0.97 x RL:O 0.95 x RC:C 1 = 9.0307, rounded up to 9.1.
    const result = scoreCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:F/RL:O/RC:C');
    expect(result).toMatchObject({ baseScore: 9.8, severity: 'CRITICAL', temporalScore: 9.1 });
    expect(result).toMatchObject({ temporalSeverity: 'CRITICAL', environmentalScore: null });
  });

  it('gives the environmental score when environmental metrics are defined', () => {
    // Base 5.3. With CR:H the modified impact sub-score is min(1 - (1 - 1.5 x 0.22), 0.915) = 0.33,
    // so 6.42 x 0.33 = 2.1186, plus exploitability 8.22 x 0.85 x 0.77 x 0.85 x 0.85 = 3.887: 6.0056, rounded up to 6.1.
    const result = scoreCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N/CR:H');
    expect(result).toMatchObject({ baseScore: 5.3, temporalScore: null, environmentalScore: 6.1 });
    expect(result).toMatchObject({ severity: 'MEDIUM', environmentalSeverity: 'MEDIUM' });
  });
});

describe('scoreCvss normalises', () => {
  it('the order of metrics, Not Defined values and surrounding spaces', () => {
    const result = scoreCvss('  CVSS:3.1/C:H/I:N/A:N/AV:N/AC:L/PR:N/UI:N/S:U/E:X/CR:X  ');
    expect(result.vector).toBe('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N');
    expect(result).toMatchObject({ baseScore: 7.5, temporalScore: null, environmentalScore: null });
  });

  it('CVSS 4.0 vectors the same way, and names what the score covers', () => {
    const result = scoreCvss(
      'CVSS:4.0/U:Clear/S:P/SA:N/SI:N/SC:N/VA:H/VI:H/VC:H/UI:N/PR:N/AT:N/AC:L/AV:N/E:X',
    );
    expect(result).toMatchObject({
      vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:P/U:Clear',
      nomenclature: 'CVSS-B',
      baseScore: 9.3,
      score: 9.3,
    });
    const environmental = scoreCvss('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/CR:H');
    expect(environmental).toMatchObject({ nomenclature: 'CVSS-BE' });
    const both = scoreCvss('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P/MAV:L');
    expect(both).toMatchObject({ nomenclature: 'CVSS-BTE' });
  });
});

describe('scoreCvss refuses', () => {
  const base31 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
  const base40 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    [undefined, 'empty'],
    [42, 'empty'],
    ['AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'missing_prefix'],
    ['CVSS:3.1', 'missing_prefix'],
    ['cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'missing_prefix'],
    ['CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P', 'unsupported_version'],
    [`${base31}/`, 'malformed'],
    ['CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'malformed'],
    ['CVSS:3.1/AV=N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'malformed'],
  ])('%j (%s)', (vector, reason) => {
    expect(refusal(vector).reason).toBe(reason);
  });

  it('a vector longer than any valid one', () => {
    const error = refusal(`${base31}${'/E:F'.repeat(130)}`);
    expect(error.reason).toBe('malformed');
    expect(error.message).toContain('at most 512 characters');
  });

  it('CVSS 3.0, saying which versions are accepted', () => {
    const error = refusal('CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H');
    expect(error.reason).toBe('unsupported_version');
    expect(error.message).toContain('3.1');
    expect(error.message).toContain('4.0');
  });

  it('an unknown metric, naming it', () => {
    expect(refusal(`${base31}/XX:Y`)).toMatchObject({ reason: 'unknown_metric', metric: 'XX' });
    expect(refusal(`${base40}/RL:O`)).toMatchObject({ reason: 'unknown_metric', metric: 'RL' });
    const lowercase = refusal('CVSS:3.1/av:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H');
    expect(lowercase).toMatchObject({ reason: 'unknown_metric', metric: 'av' });
    expect(lowercase.message).toContain('case-sensitive: AV');
  });

  it('a value the metric does not take, listing those it does', () => {
    const error = refusal('CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H');
    expect(error).toMatchObject({ reason: 'invalid_value', metric: 'AV' });
    expect(error.message).toBe('Attack Vector (AV) cannot be "Q" in CVSS 3.1; use one of N, A, L, P.');
    // Base metrics have no Not Defined value.
    expect(refusal('CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toMatchObject({
      reason: 'invalid_value',
    });
    // Safety (S) is a value of the modified subsequent integrity and availability metrics only.
    expect(refusal(base40.replace('SC:N', 'SC:S'))).toMatchObject({ reason: 'invalid_value', metric: 'SC' });
    expect(scoreCvss(`${base40}/MSI:S`).vector).toBe(`${base40}/MSI:S`);
    // 4.0's S is Safety, not 3.1's Scope.
    expect(refusal(`${base40}/S:U`)).toMatchObject({ reason: 'invalid_value', metric: 'S' });
    expect(refusal(`${base40}/U:clear`)).toMatchObject({ reason: 'invalid_value', metric: 'U' });
  });

  it('a metric given twice', () => {
    expect(refusal(`${base31}/AV:L`)).toMatchObject({ reason: 'duplicate_metric', metric: 'AV' });
    expect(refusal(`${base40}/E:A/E:A`)).toMatchObject({ reason: 'duplicate_metric', metric: 'E' });
  });

  it('a missing base metric, listing every one missing', () => {
    const error = refusal('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H');
    expect(error).toMatchObject({ reason: 'missing_metric', metric: 'I' });
    expect(error.message).toContain('Integrity (I), Availability (A)');
    expect(refusal('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SA:N')).toMatchObject({
      reason: 'missing_metric',
      metric: 'SC',
    });
  });
});

describe('cvssSeverity', () => {
  it.each([
    [0, 'NONE'],
    [0.1, 'LOW'],
    [3.9, 'LOW'],
    [4, 'MEDIUM'],
    [6.9, 'MEDIUM'],
    [7, 'HIGH'],
    [8.9, 'HIGH'],
    [9, 'CRITICAL'],
    [10, 'CRITICAL'],
  ])('%d is %s', (score, severity) => {
    expect(cvssSeverity(score)).toBe(severity);
  });
});
