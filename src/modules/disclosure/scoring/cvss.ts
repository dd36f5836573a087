import calculator from 'ae-cvss-calculator';

const { Cvss3P1, Cvss4P0 } = calculator;

export type CvssVersion = '3.1' | '4.0';
export type CvssSeverity = 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
/** CVSS 4.0's name for which metric groups a score covers: Base, Threat, Environmental. */
export type CvssNomenclature = 'CVSS-B' | 'CVSS-BT' | 'CVSS-BE' | 'CVSS-BTE';

export interface Cvss31Score {
  version: '3.1';
  /** The vector with its metrics in the specification's order and Not Defined (X) values left out. */
  vector: string;
  baseScore: number;
  severity: CvssSeverity;
  /** Present when a temporal metric (E, RL, RC) is defined. */
  temporalScore: number | null;
  temporalSeverity: CvssSeverity | null;
  /** Present when an environmental metric (CR, IR, AR, MAV…MA) is defined. */
  environmentalScore: number | null;
  environmentalSeverity: CvssSeverity | null;
}

export interface Cvss40Score {
  version: '4.0';
  /** The vector with its metrics in the specification's order and Not Defined (X) values left out. */
  vector: string;
  /** The score of the base metrics alone (CVSS-B). */
  baseScore: number;
  severity: CvssSeverity;
  /** The score of the whole vector, threat and environmental metrics included, named by `nomenclature`. */
  score: number;
  scoreSeverity: CvssSeverity;
  nomenclature: CvssNomenclature;
}

export type CvssScore = Cvss31Score | Cvss40Score;

export type InvalidCvssVectorReason =
  | 'empty'
  | 'missing_prefix'
  | 'unsupported_version'
  | 'malformed'
  | 'unknown_metric'
  | 'invalid_value'
  | 'duplicate_metric'
  | 'missing_metric';

/** A refused CVSS vector; `reason` is stable, `metric` names the metric at fault where there is one. */
export class InvalidCvssVectorError extends Error {
  readonly reason: InvalidCvssVectorReason;
  readonly metric: string | undefined;

  constructor(reason: InvalidCvssVectorReason, message: string, metric?: string) {
    super(message);
    this.name = 'InvalidCvssVectorError';
    this.reason = reason;
    this.metric = metric;
  }
}

type MetricGroup = 'base' | 'temporal' | 'threat' | 'environmental' | 'supplemental';

interface MetricDefinition {
  key: string;
  name: string;
  group: MetricGroup;
  values: readonly string[];
}

const m = (key: string, name: string, group: MetricGroup, values: string): MetricDefinition => ({
  key,
  name,
  group,
  values: values.split(' '),
});

// The metrics and values of the CVSS v3.1 Specification's vector string, in its order.
const CVSS31_METRICS: readonly MetricDefinition[] = [
  m('AV', 'Attack Vector', 'base', 'N A L P'),
  m('AC', 'Attack Complexity', 'base', 'L H'),
  m('PR', 'Privileges Required', 'base', 'N L H'),
  m('UI', 'User Interaction', 'base', 'N R'),
  m('S', 'Scope', 'base', 'U C'),
  m('C', 'Confidentiality', 'base', 'H L N'),
  m('I', 'Integrity', 'base', 'H L N'),
  m('A', 'Availability', 'base', 'H L N'),
  m('E', 'Exploit Code Maturity', 'temporal', 'X H F P U'),
  m('RL', 'Remediation Level', 'temporal', 'X U W T O'),
  m('RC', 'Report Confidence', 'temporal', 'X C R U'),
  m('CR', 'Confidentiality Requirement', 'environmental', 'X H M L'),
  m('IR', 'Integrity Requirement', 'environmental', 'X H M L'),
  m('AR', 'Availability Requirement', 'environmental', 'X H M L'),
  m('MAV', 'Modified Attack Vector', 'environmental', 'X N A L P'),
  m('MAC', 'Modified Attack Complexity', 'environmental', 'X L H'),
  m('MPR', 'Modified Privileges Required', 'environmental', 'X N L H'),
  m('MUI', 'Modified User Interaction', 'environmental', 'X N R'),
  m('MS', 'Modified Scope', 'environmental', 'X U C'),
  m('MC', 'Modified Confidentiality', 'environmental', 'X N L H'),
  m('MI', 'Modified Integrity', 'environmental', 'X N L H'),
  m('MA', 'Modified Availability', 'environmental', 'X N L H'),
];

// The metrics and values of the CVSS v4.0 Specification's vector string, in its order.
const CVSS40_METRICS: readonly MetricDefinition[] = [
  m('AV', 'Attack Vector', 'base', 'N A L P'),
  m('AC', 'Attack Complexity', 'base', 'L H'),
  m('AT', 'Attack Requirements', 'base', 'N P'),
  m('PR', 'Privileges Required', 'base', 'N L H'),
  m('UI', 'User Interaction', 'base', 'N P A'),
  m('VC', 'Vulnerable System Confidentiality', 'base', 'H L N'),
  m('VI', 'Vulnerable System Integrity', 'base', 'H L N'),
  m('VA', 'Vulnerable System Availability', 'base', 'H L N'),
  m('SC', 'Subsequent System Confidentiality', 'base', 'H L N'),
  m('SI', 'Subsequent System Integrity', 'base', 'H L N'),
  m('SA', 'Subsequent System Availability', 'base', 'H L N'),
  m('E', 'Exploit Maturity', 'threat', 'X A P U'),
  m('CR', 'Confidentiality Requirement', 'environmental', 'X H M L'),
  m('IR', 'Integrity Requirement', 'environmental', 'X H M L'),
  m('AR', 'Availability Requirement', 'environmental', 'X H M L'),
  m('MAV', 'Modified Attack Vector', 'environmental', 'X N A L P'),
  m('MAC', 'Modified Attack Complexity', 'environmental', 'X L H'),
  m('MAT', 'Modified Attack Requirements', 'environmental', 'X N P'),
  m('MPR', 'Modified Privileges Required', 'environmental', 'X N L H'),
  m('MUI', 'Modified User Interaction', 'environmental', 'X N P A'),
  m('MVC', 'Modified Vulnerable System Confidentiality', 'environmental', 'X H L N'),
  m('MVI', 'Modified Vulnerable System Integrity', 'environmental', 'X H L N'),
  m('MVA', 'Modified Vulnerable System Availability', 'environmental', 'X H L N'),
  m('MSC', 'Modified Subsequent System Confidentiality', 'environmental', 'X H L N'),
  m('MSI', 'Modified Subsequent System Integrity', 'environmental', 'X S H L N'),
  m('MSA', 'Modified Subsequent System Availability', 'environmental', 'X S H L N'),
  m('S', 'Safety', 'supplemental', 'X N P'),
  m('AU', 'Automatable', 'supplemental', 'X N Y'),
  m('R', 'Recovery', 'supplemental', 'X A U I'),
  m('V', 'Value Density', 'supplemental', 'X D C'),
  m('RE', 'Vulnerability Response Effort', 'supplemental', 'X L M H'),
  m('U', 'Provider Urgency', 'supplemental', 'X Clear Green Amber Red'),
];

const METRICS: Record<CvssVersion, readonly MetricDefinition[]> = {
  '3.1': CVSS31_METRICS,
  '4.0': CVSS40_METRICS,
};

// Far longer than any valid vector (every 4.0 metric defined is under 200 characters).
const MAX_VECTOR_LENGTH = 512;

/** The qualitative severity rating scale, the same in CVSS 3.1 and 4.0. */
export function cvssSeverity(score: number): CvssSeverity {
  if (score === 0) return 'NONE';
  if (score < 4) return 'LOW';
  if (score < 7) return 'MEDIUM';
  if (score < 9) return 'HIGH';
  return 'CRITICAL';
}

function detectVersion(vector: string): CvssVersion {
  const prefix = /^CVSS:([^/]*)\//.exec(vector);
  if (!prefix) {
    throw new InvalidCvssVectorError(
      'missing_prefix',
      'A CVSS vector starts with its version, CVSS:3.1/ or CVSS:4.0/ (for example CVSS:3.1/AV:N/AC:L/…).',
    );
  }
  const version = prefix[1];
  if (version === '3.1' || version === '4.0') return version;
  if (version === '3.0') {
    throw new InvalidCvssVectorError(
      'unsupported_version',
      'CVSS 3.0 vectors are not accepted; score the vulnerability with CVSS 3.1 (the same metrics) or 4.0.',
    );
  }
  throw new InvalidCvssVectorError(
    'unsupported_version',
    `CVSS version "${version}" is not accepted; use CVSS 3.1 or 4.0.`,
  );
}

function parseMetrics(version: CvssVersion, body: string): Map<string, string> {
  const definitions = METRICS[version];
  const values = new Map<string, string>();
  for (const part of body.split('/')) {
    const pair = /^([A-Za-z]+):([A-Za-z]+)$/.exec(part);
    if (!pair) {
      throw new InvalidCvssVectorError(
        'malformed',
        part === ''
          ? 'The vector has an empty part (two slashes together, or a slash at the end).'
          : `"${part}" is not a metric:value pair.`,
      );
    }
    const [, key = '', value = ''] = pair;
    const definition = definitions.find((d) => d.key === key);
    if (!definition) {
      const sameLetters = definitions.find((d) => d.key.toUpperCase() === key.toUpperCase());
      const hint = sameLetters ? ` (metric names are case-sensitive: ${sameLetters.key})` : '';
      throw new InvalidCvssVectorError(
        'unknown_metric',
        `CVSS ${version} has no metric "${key}"${hint}.`,
        key,
      );
    }
    if (values.has(key)) {
      throw new InvalidCvssVectorError('duplicate_metric', `${definition.name} (${key}) appears twice.`, key);
    }
    if (!definition.values.includes(value)) {
      throw new InvalidCvssVectorError(
        'invalid_value',
        `${definition.name} (${key}) cannot be "${value}" in CVSS ${version}; use one of ${definition.values.join(', ')}.`,
        key,
      );
    }
    values.set(key, value);
  }
  const missing = definitions.filter((d) => d.group === 'base' && !values.has(d.key));
  const [first] = missing;
  if (first) {
    throw new InvalidCvssVectorError(
      'missing_metric',
      `Every base metric is required; missing: ${missing.map((d) => `${d.name} (${d.key})`).join(', ')}.`,
      first.key,
    );
  }
  return values;
}

function canonicalVector(version: CvssVersion, values: Map<string, string>): string {
  const parts = METRICS[version]
    .filter((d) => values.has(d.key) && values.get(d.key) !== 'X')
    .map((d) => `${d.key}:${values.get(d.key)}`);
  return `CVSS:${version}/${parts.join('/')}`;
}

function isGroupDefined(version: CvssVersion, values: Map<string, string>, group: MetricGroup): boolean {
  return METRICS[version].some((d) => d.group === group && (values.get(d.key) ?? 'X') !== 'X');
}

function scoreOf(score: number | undefined, what: string, vector: string): number {
  // The vector was validated first, so the calculator always yields the scores asked of it.
  if (score === undefined || !Number.isFinite(score)) throw new Error(`No ${what} score for ${vector}`);
  return score;
}

/**
 * Validates and scores a CVSS 3.1 or 4.0 vector. Metrics may come in any order; the returned vector lists
 * them in the specification's order. Throws InvalidCvssVectorError for anything else.
 */
export function scoreCvss(vector: string): CvssScore {
  if (typeof vector !== 'string' || vector.trim() === '') {
    throw new InvalidCvssVectorError('empty', 'A CVSS vector is required.');
  }
  const trimmed = vector.trim();
  if (trimmed.length > MAX_VECTOR_LENGTH) {
    throw new InvalidCvssVectorError(
      'malformed',
      `A CVSS vector is at most ${MAX_VECTOR_LENGTH} characters.`,
    );
  }
  const version = detectVersion(trimmed);
  const values = parseMetrics(version, trimmed.slice(`CVSS:${version}/`.length));
  const normalised = canonicalVector(version, values);

  if (version === '3.1') {
    const scores = new Cvss3P1(normalised).calculateScores();
    const baseScore = scoreOf(scores.base, 'base', normalised);
    const temporalScore = isGroupDefined(version, values, 'temporal')
      ? scoreOf(scores.temporal, 'temporal', normalised)
      : null;
    const environmentalScore = isGroupDefined(version, values, 'environmental')
      ? scoreOf(scores.environmental, 'environmental', normalised)
      : null;
    return {
      version,
      vector: normalised,
      baseScore,
      severity: cvssSeverity(baseScore),
      temporalScore,
      temporalSeverity: temporalScore === null ? null : cvssSeverity(temporalScore),
      environmentalScore,
      environmentalSeverity: environmentalScore === null ? null : cvssSeverity(environmentalScore),
    };
  }

  const scores = new Cvss4P0(normalised).calculateScores();
  const baseScore = scoreOf(scores.baseMetricsOnly, 'base', normalised);
  const score = scoreOf(scores.base, 'overall', normalised);
  const threat = isGroupDefined(version, values, 'threat') ? 'T' : '';
  const environmental = isGroupDefined(version, values, 'environmental') ? 'E' : '';
  return {
    version,
    vector: normalised,
    baseScore,
    severity: cvssSeverity(baseScore),
    score,
    scoreSeverity: cvssSeverity(score),
    nomenclature: `CVSS-B${threat}${environmental}` as CvssNomenclature,
  };
}
