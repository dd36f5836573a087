import { TLP_LABELS, TLP_STIX_EXTENSION_ID, type TlpLabel, tlpDefinition } from '../../../core/access/tlp.ts';

/**
 * TLP markings in STIX 2.1.
 *
 * TLP 2.0 is carried by the OASIS/FIRST marking extension (extension-definition--60a3c5c5-…): each label
 * is a marking-definition with a fixed id, created 2022-10-01, whose `extensions` entry names the level in
 * `tlp_2_0`. The objects below are the ones OASIS publishes in cti-stix-common-objects
 * (objects/marking-definition and extension-definition-specifications/tlp-2.0), reproduced as they are:
 * no created_by_ref, no markings of their own, so that every producer's copy is identical.
 *
 * TLP 1.0 markings (the STIX 2.1 specification's section 7.2.1.4 objects) are still common in feeds; we
 * read them, mapping WHITE to CLEAR, and never write them.
 */

export interface TlpMarkingDefinition {
  type: 'marking-definition';
  spec_version: '2.1';
  id: string;
  created: string;
  name: TlpLabel;
  extensions: Record<string, { extension_type: 'property-extension'; tlp_2_0: string }>;
}

const TLP_2_0_CREATED = '2022-10-01T00:00:00.000Z';

/** The `tlp_2_0` value of each label, as the OASIS extension spells it. */
const TLP_2_0_LEVEL: Readonly<Record<TlpLabel, string>> = {
  'TLP:CLEAR': 'clear',
  'TLP:GREEN': 'green',
  'TLP:AMBER': 'amber',
  'TLP:AMBER+STRICT': 'amber+strict',
  'TLP:RED': 'red',
};

/** The TLP 2.0 extension-definition object, as OASIS publishes it (objects/extension-definition). */
export const TLP_2_0_EXTENSION_DEFINITION = Object.freeze({
  id: TLP_STIX_EXTENSION_ID,
  type: 'extension-definition',
  spec_version: '2.1',
  name: 'TLP 2.0',
  description: 'This defines TLP 2.0 as a STIX extension',
  created: TLP_2_0_CREATED,
  modified: TLP_2_0_CREATED,
  created_by_ref: 'identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01',
  schema:
    'https://github.com/oasis-open/cti-stix-common-objects/tree/master/extension-definition-specifications/tlp-2.0',
  version: '1.0.0',
  extension_types: Object.freeze(['property-extension']),
});

/** The TLP 2.0 marking-definition object of a label. */
export function tlpMarkingDefinition(label: TlpLabel): TlpMarkingDefinition {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: tlpDefinition(label).stixId,
    created: TLP_2_0_CREATED,
    name: label,
    extensions: {
      [TLP_STIX_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: TLP_2_0_LEVEL[label] },
    },
  };
}

/** The marking-definition id to put in `object_marking_refs` for a label. */
export function tlpMarkingRef(label: TlpLabel): string {
  return tlpDefinition(label).stixId;
}

/** The TLP 1.0 marking-definition ids fixed by the STIX 2.1 specification, with the TLP 2.0 label each maps to. */
export const TLP_1_0_MARKING_IDS: Readonly<Record<string, TlpLabel>> = Object.freeze({
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'TLP:CLEAR',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'TLP:GREEN',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'TLP:AMBER',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'TLP:RED',
});

const LABEL_BY_MARKING_ID: ReadonlyMap<string, TlpLabel> = new Map<string, TlpLabel>([
  ...TLP_LABELS.map((definition) => [definition.stixId, definition.label] as const),
  ...Object.entries(TLP_1_0_MARKING_IDS),
]);

/** Is this one of the TLP marking-definition ids (2.0 or 1.0)? */
export function isTlpMarkingRef(ref: string): boolean {
  return LABEL_BY_MARKING_ID.has(ref);
}

/**
 * The most restrictive TLP label among marking refs (2.0 ids, and 1.0 ids mapped to CLEAR, GREEN, AMBER,
 * RED); null when none of them is a TLP marking. Other markings (statements, ACS, …) are ignored here.
 */
export function tlpLabelOfMarkingRefs(refs: readonly string[]): TlpLabel | null {
  let found: TlpLabel | null = null;
  for (const ref of refs) {
    const label = LABEL_BY_MARKING_ID.get(ref);
    if (label && (found === null || tlpDefinition(label).rank > tlpDefinition(found).rank)) found = label;
  }
  return found;
}
