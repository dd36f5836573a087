import automatable from './data/ssvc/decision_points/ssvc/automatable_2_0_0.json' with { type: 'json' };
import declineTrackCoordinate from './data/ssvc/decision_points/ssvc/decline_track_coordinate_1_0_1.json' with {
  type: 'json',
};
import exploitation from './data/ssvc/decision_points/ssvc/exploitation_1_1_0.json' with { type: 'json' };
import publicSafetyImpact from './data/ssvc/decision_points/ssvc/public_safety_impact_2_0_1.json' with {
  type: 'json',
};
import publicValueAdded from './data/ssvc/decision_points/ssvc/public_value_added_1_0_0.json' with {
  type: 'json',
};
import publishDoNotPublish from './data/ssvc/decision_points/ssvc/publish_do_not_publish_1_0_0.json' with {
  type: 'json',
};
import reportCredibility from './data/ssvc/decision_points/ssvc/report_credibility_1_0_0.json' with {
  type: 'json',
};
import reportPublic from './data/ssvc/decision_points/ssvc/report_public_1_0_0.json' with { type: 'json' };
import safetyImpact from './data/ssvc/decision_points/ssvc/safety_impact_2_0_1.json' with { type: 'json' };
import supplierCardinality from './data/ssvc/decision_points/ssvc/supplier_cardinality_1_0_0.json' with {
  type: 'json',
};
import supplierContacted from './data/ssvc/decision_points/ssvc/supplier_contacted_1_0_0.json' with {
  type: 'json',
};
import supplierEngagement from './data/ssvc/decision_points/ssvc/supplier_engagement_1_0_0.json' with {
  type: 'json',
};
import supplierInvolvement from './data/ssvc/decision_points/ssvc/supplier_involvement_1_0_0.json' with {
  type: 'json',
};
import utility from './data/ssvc/decision_points/ssvc/utility_1_0_1.json' with { type: 'json' };
import valueDensity from './data/ssvc/decision_points/ssvc/value_density_1_0_0.json' with { type: 'json' };
import publishTable from './data/ssvc/decision_tables/ssvc/coordinator_publish_decision_table_1_0_0.json' with {
  type: 'json',
};
import triageTable from './data/ssvc/decision_tables/ssvc/coordinator_triage_1_0_0.json' with {
  type: 'json',
};
import publicSafetyImpactTable from './data/ssvc/decision_tables/ssvc/public_safety_impact_1_0_0.json' with {
  type: 'json',
};
import utilityTable from './data/ssvc/decision_tables/ssvc/utility_1_0_0.json' with { type: 'json' };

export interface SsvcValue {
  key: string;
  name: string;
  definition: string;
}

export interface SsvcDecisionPoint {
  /** The short key used in rows and inputs, e.g. `RP`. */
  key: string;
  /** Namespace, key and version, e.g. `ssvc:RP:1.0.0`. */
  id: string;
  name: string;
  definition: string;
  values: readonly SsvcValue[];
}

export interface SsvcRow {
  inputs: Readonly<Record<string, string>>;
  outcome: string;
}

export interface SsvcTable {
  tableKey: string;
  tableVersion: string;
  name: string;
  definition: string;
  inputs: readonly SsvcDecisionPoint[];
  outcome: SsvcDecisionPoint;
  rows: readonly SsvcRow[];
}

/** A table that yields one input of a decision from more basic facts (Utility from Automatable and Value Density). */
export interface SsvcDerivation extends SsvcTable {
  /** The key of the decision's input this table derives. */
  derives: string;
}

// The shapes of CERT/CC's JSON files, as far as they are read here.
interface DecisionPointFile {
  namespace: string;
  key: string;
  version: string;
  name: string;
  definition: string;
  values: { key: string; name: string; definition: string }[];
}

interface DecisionTableFile {
  key: string;
  version: string;
  name: string;
  definition: string;
  decision_points: Record<string, unknown>;
  outcome: string;
  mapping: Record<string, string>[];
}

const decisionPointFiles: DecisionPointFile[] = [
  automatable,
  declineTrackCoordinate,
  exploitation,
  publicSafetyImpact,
  publicValueAdded,
  publishDoNotPublish,
  reportCredibility,
  reportPublic,
  safetyImpact,
  supplierCardinality,
  supplierContacted,
  supplierEngagement,
  supplierInvolvement,
  utility,
  valueDensity,
];

const decisionPoints = new Map<string, SsvcDecisionPoint>(
  decisionPointFiles.map((file) => {
    const id = `${file.namespace}:${file.key}:${file.version}`;
    const values = Object.freeze(file.values.map((v) => Object.freeze({ ...v })));
    return [id, Object.freeze({ key: file.key, id, name: file.name, definition: file.definition, values })];
  }),
);

function decisionPoint(id: string, tableKey: string): SsvcDecisionPoint {
  const point = decisionPoints.get(id);
  // A table naming a decision point we do not ship is a packaging mistake, caught when the module loads.
  if (!point) throw new Error(`SSVC table ${tableKey} references ${id}, which is not shipped`);
  return point;
}

function buildTable(file: DecisionTableFile): SsvcTable {
  const outcome = decisionPoint(file.outcome, file.key);
  const inputs = Object.keys(file.decision_points)
    .filter((id) => id !== file.outcome)
    .map((id) => decisionPoint(id, file.key));
  const rows = file.mapping.map((row) => {
    const rowInputs: Record<string, string> = {};
    for (const point of inputs) rowInputs[point.key] = row[point.id] as string;
    return Object.freeze({ inputs: Object.freeze(rowInputs), outcome: row[outcome.id] as string });
  });
  return Object.freeze({
    tableKey: file.key,
    tableVersion: file.version,
    name: file.name,
    definition: file.definition,
    inputs: Object.freeze(inputs),
    outcome,
    rows: Object.freeze(rows),
  });
}

/** The coordinator's triage table (Decline, Track, Coordinate). */
export const TRIAGE_TABLE: SsvcTable = buildTable(triageTable);
/** The coordinator's publication table (Publish, Do Not Publish). */
export const PUBLISH_TABLE: SsvcTable = buildTable(publishTable);
/** Utility (U) from Automatable (A) and Value Density (VD). */
export const UTILITY_DERIVATION: SsvcDerivation = Object.freeze({
  ...buildTable(utilityTable),
  derives: 'U',
});
/** Public Safety Impact (PSI) from Safety Impact (SI). */
export const PUBLIC_SAFETY_IMPACT_DERIVATION: SsvcDerivation = Object.freeze({
  ...buildTable(publicSafetyImpactTable),
  derives: 'PSI',
});
