import {
  PUBLIC_SAFETY_IMPACT_DERIVATION,
  PUBLISH_TABLE,
  type SsvcDecisionPoint,
  type SsvcDerivation,
  type SsvcRow,
  type SsvcTable,
  TRIAGE_TABLE,
  UTILITY_DERIVATION,
} from './ssvc-tables.ts';

export type { SsvcDecisionPoint, SsvcDerivation, SsvcRow, SsvcTable, SsvcValue } from './ssvc-tables.ts';

/** The two decisions a coordinator takes with SSVC: whether to coordinate a report, and whether to publish. */
export const SSVC_DECISION_KINDS = ['triage', 'publish'] as const;
export type SsvcDecisionKind = (typeof SSVC_DECISION_KINDS)[number];

export interface SsvcDecisionDescription extends SsvcTable {
  kind: SsvcDecisionKind;
  /** Inputs that may be given through their own table's inputs instead of directly. */
  derivable: readonly SsvcDerivation[];
}

export interface SsvcDerivedInput {
  key: string;
  value: string;
  tableKey: string;
  tableVersion: string;
  from: Record<string, string>;
}

export interface SsvcEvaluation {
  kind: SsvcDecisionKind;
  outcome: string;
  outcomeName: string;
  tableKey: string;
  tableVersion: string;
  /** Every decision point of the table, with canonical keys and values. */
  inputs: Record<string, string>;
  /** Inputs that were worked out from more basic facts rather than given. */
  derived: SsvcDerivedInput[];
}

export type InvalidSsvcInputReason =
  | 'unknown_decision'
  | 'missing'
  | 'unknown_point'
  | 'unknown_value'
  | 'conflict';

/** Refused input to an SSVC decision; `field` names the decision point, `allowed` what it accepts. */
export class InvalidSsvcInputError extends Error {
  readonly reason: InvalidSsvcInputReason;
  readonly field: string;
  readonly allowed: readonly string[];

  constructor(reason: InvalidSsvcInputReason, field: string, allowed: readonly string[], message: string) {
    super(message);
    this.name = 'InvalidSsvcInputError';
    this.reason = reason;
    this.field = field;
    this.allowed = allowed;
  }
}

const descriptions: Record<SsvcDecisionKind, SsvcDecisionDescription> = {
  triage: Object.freeze({
    kind: 'triage',
    ...TRIAGE_TABLE,
    derivable: Object.freeze([UTILITY_DERIVATION, PUBLIC_SAFETY_IMPACT_DERIVATION]),
  }),
  publish: Object.freeze({ kind: 'publish', ...PUBLISH_TABLE, derivable: Object.freeze([]) }),
};

/** Rows indexed by their inputs in the table's input order, so an evaluation is one map lookup. */
function indexRows(table: SsvcTable): Map<string, SsvcRow> {
  const index = new Map<string, SsvcRow>();
  for (const row of table.rows) index.set(rowKey(table, row.inputs), row);
  return index;
}

function rowKey(table: SsvcTable, inputs: Readonly<Record<string, string>>): string {
  return table.inputs.map((point) => inputs[point.key]).join('/');
}

const rowIndexes = new Map<SsvcTable, Map<string, SsvcRow>>(
  [descriptions.triage, descriptions.publish, UTILITY_DERIVATION, PUBLIC_SAFETY_IMPACT_DERIVATION].map(
    (table) => [table, indexRows(table)],
  ),
);

// Echoes a caller's input in a message without letting a long one fill it.
function shown(value: unknown): string {
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function isDecisionKind(kind: unknown): kind is SsvcDecisionKind {
  return typeof kind === 'string' && (SSVC_DECISION_KINDS as readonly string[]).includes(kind);
}

function requireKind(kind: unknown): SsvcDecisionKind {
  if (isDecisionKind(kind)) return kind;
  throw new InvalidSsvcInputError(
    'unknown_decision',
    'kind',
    SSVC_DECISION_KINDS,
    `Unknown SSVC decision "${shown(kind)}"; use one of ${SSVC_DECISION_KINDS.join(', ')}.`,
  );
}

/**
 * The decision table with every decision point and value named and defined, for showing why an outcome follows.
 * `kind` is checked: anything but `triage` or `publish` throws InvalidSsvcInputError (`unknown_decision`).
 */
export function describeDecision(kind: string): SsvcDecisionDescription {
  return descriptions[requireKind(kind)];
}

function canonicalValue(point: SsvcDecisionPoint, given: unknown): string {
  const allowed = point.values.map((v) => v.key);
  const match =
    typeof given === 'string'
      ? allowed.find((key) => key.toUpperCase() === given.trim().toUpperCase())
      : undefined;
  if (match === undefined) {
    throw new InvalidSsvcInputError(
      'unknown_value',
      point.key,
      allowed,
      `${point.name} (${point.key}) cannot be "${shown(given)}"; use one of ${allowed.join(', ')}.`,
    );
  }
  return match;
}

function lookUp(table: SsvcTable, inputs: Readonly<Record<string, string>>): SsvcRow {
  const row = rowIndexes.get(table)?.get(rowKey(table, inputs));
  // Every table shipped is complete (checked by its tests), so a valid input always finds its row.
  if (!row) throw new Error(`SSVC table ${table.tableKey} has no row for ${rowKey(table, inputs)}`);
  return row;
}

/**
 * Evaluates a decision. Keys and values are matched without regard to case. For triage, Utility (U) may be
 * given as Automatable (A) and Value Density (VD), and Public Safety Impact (PSI) as Safety Impact (SI).
 */
export function evaluateDecision(kind: string, inputs: Record<string, string>): SsvcEvaluation {
  const description = describeDecision(kind);
  const given = new Map<string, unknown>();
  const accepted = new Set<string>([
    ...description.inputs.map((p) => p.key),
    ...description.derivable.flatMap((d) => d.inputs.map((p) => p.key)),
  ]);
  for (const [rawKey, value] of Object.entries(inputs ?? {})) {
    const key = [...accepted].find((k) => k.toUpperCase() === rawKey.trim().toUpperCase());
    if (key === undefined) {
      throw new InvalidSsvcInputError(
        'unknown_point',
        rawKey,
        [...accepted],
        `"${shown(rawKey)}" is not a decision point of ${description.name}; use ${[...accepted].join(', ')}.`,
      );
    }
    if (given.has(key)) {
      throw new InvalidSsvcInputError('conflict', key, [], `${key} is given more than once.`);
    }
    given.set(key, value);
  }

  const normalised: Record<string, string> = {};
  const derived: SsvcDerivedInput[] = [];
  for (const point of description.inputs) {
    const derivation = description.derivable.find((d) => d.derives === point.key);
    const fromKeys = derivation?.inputs.map((p) => p.key) ?? [];
    const givenFrom = fromKeys.filter((key) => given.has(key));
    if (given.has(point.key)) {
      normalised[point.key] = canonicalValue(point, given.get(point.key));
    }
    if (derivation && givenFrom.length > 0) {
      const missing = derivation.inputs.find((p) => !given.has(p.key));
      if (missing) {
        throw new InvalidSsvcInputError(
          'missing',
          missing.key,
          missing.values.map((v) => v.key),
          `${missing.name} (${missing.key}) is needed with ${givenFrom.join(', ')} to work out ${point.name} (${point.key}).`,
        );
      }
      const from: Record<string, string> = {};
      for (const p of derivation.inputs) from[p.key] = canonicalValue(p, given.get(p.key));
      const value = lookUp(derivation, from).outcome;
      const stated = normalised[point.key];
      if (stated !== undefined && stated !== value) {
        throw new InvalidSsvcInputError(
          'conflict',
          point.key,
          [value],
          `${point.name} (${point.key}) is given as ${stated}, but ${fromKeys.map((k) => `${k}:${from[k]}`).join(', ')} make it ${value}.`,
        );
      }
      normalised[point.key] = value;
      if (stated === undefined) {
        derived.push({
          key: point.key,
          value,
          tableKey: derivation.tableKey,
          tableVersion: derivation.tableVersion,
          from,
        });
      }
    }
    if (normalised[point.key] === undefined) {
      const alternative = derivation ? `, or give ${fromKeys.join(' and ')}` : '';
      throw new InvalidSsvcInputError(
        'missing',
        point.key,
        point.values.map((v) => v.key),
        `${point.name} (${point.key}) is missing${alternative}.`,
      );
    }
  }

  const row = lookUp(description, normalised);
  const outcomeValue = description.outcome.values.find((v) => v.key === row.outcome);
  return {
    kind: description.kind,
    outcome: row.outcome,
    outcomeName: outcomeValue?.name ?? row.outcome,
    tableKey: description.tableKey,
    tableVersion: description.tableVersion,
    inputs: normalised,
    derived,
  };
}
