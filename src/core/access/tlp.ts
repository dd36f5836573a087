import tlpData from './tlp-2.0.json' with { type: 'json' };

/** The TLP 2.0 labels from the least to the most restrictive; the index is the label's rank. */
export const TLP_LABELS_ORDERED = [
  'TLP:CLEAR',
  'TLP:GREEN',
  'TLP:AMBER',
  'TLP:AMBER+STRICT',
  'TLP:RED',
] as const;
export type TlpLabel = (typeof TLP_LABELS_ORDERED)[number];

export interface TlpDefinition {
  label: TlpLabel;
  /** The STIX 2.1 marking-definition id of the TLP 2.0 marking. */
  stixId: string;
  /** Hex colour, meant to be shown on a black background. */
  colour: string;
  /** Who may receive the information, in FIRST's words (English; labels themselves are never translated). */
  audience: string;
  /** 0 = TLP:CLEAR … 4 = TLP:RED. */
  rank: number;
}

export function isTlpLabel(value: unknown): value is TlpLabel {
  return typeof value === 'string' && (TLP_LABELS_ORDERED as readonly string[]).includes(value);
}

function loadDefinitions(): readonly TlpDefinition[] {
  return TLP_LABELS_ORDERED.map((label, rank) => {
    const entry = tlpData.labels.find((candidate) => candidate.label === label);
    // The data file ships with the code, so a missing label is a packaging error worth failing at boot.
    if (!entry) throw new Error(`tlp-2.0.json has no entry for ${label}`);
    return Object.freeze({
      label,
      stixId: entry.stix_marking_definition_id,
      colour: entry.colour,
      audience: entry.audience,
      rank,
    });
  });
}

/** Every label with its data, ordered by rank (TLP:CLEAR first). */
export const TLP_LABELS: readonly TlpDefinition[] = Object.freeze(loadDefinitions());

const DEFINITION_BY_LABEL: ReadonlyMap<TlpLabel, TlpDefinition> = new Map(
  TLP_LABELS.map((definition) => [definition.label, definition]),
);

export function tlpDefinition(label: TlpLabel): TlpDefinition {
  const definition = DEFINITION_BY_LABEL.get(label);
  if (!definition) throw new Error(`Unknown TLP label ${label}`);
  return definition;
}

/** The STIX 2.1 extension-definition id of the TLP 2.0 marking extension. */
export const TLP_STIX_EXTENSION_ID: string = tlpData.stix_extension_definition_id;
