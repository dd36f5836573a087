/**
 * The OASIS Incident Core Extension suite, version 2 (cti-stix-common-objects,
 * extension-definition-specifications/incident-core): a property extension of `incident` and three new
 * SDO types, `impact`, `event` and `task`, which version 2 split out of the incident so that impacts and
 * events can be shared and related on their own.
 *
 * The extension-definition objects are reproduced as OASIS publishes them (objects/extension-definition).
 * The JSON schemas below are ours, written from the suite's property tables and enumerations, so that
 * objects of these types are checked for their own properties and not only against the common core.
 */

export const INCIDENT_CORE_EXTENSION_ID = 'extension-definition--ef765651-680c-498d-9894-99799f2fa126';
export const IMPACT_EXTENSION_ID = 'extension-definition--7cc33dd6-f6a1-489b-98ea-522d351d71b9';
export const EVENT_EXTENSION_ID = 'extension-definition--4ca6de00-5b0d-45ef-a1dc-ea7279ea910e';
export const TASK_EXTENSION_ID = 'extension-definition--2074a052-8be4-4932-849e-f5e7798e0030';

const OASIS_IMG_IDENTITY = 'identity--8ce3f695-d5a4-4dc8-9e93-a65af453a31a';

export const INCIDENT_CORE_EXTENSION_DEFINITION = Object.freeze({
  id: INCIDENT_CORE_EXTENSION_ID,
  type: 'extension-definition',
  spec_version: '2.1',
  name: 'Incident Core Extension',
  description:
    "A core extension of the Incident object to allow core details of the Incident to be shared while tracking major details tied to the incident's timeline.  Multiple Incidents can be tied together via relationships if a higher degree of fidelity is needed across phases.",
  created: '2020-10-19T20:51:00.000Z',
  modified: '2023-07-11T00:56:00.000Z',
  created_by_ref: OASIS_IMG_IDENTITY,
  schema:
    'https://github.com/oasis-open/cti-stix-common-objects/tree/main/extension-definition-specifications/incident-ef7',
  version: '2.0.0',
  extension_types: Object.freeze(['property-extension']),
});

export const IMPACT_EXTENSION_DEFINITION = Object.freeze({
  id: IMPACT_EXTENSION_ID,
  type: 'extension-definition',
  spec_version: '2.1',
  name: 'Impact Extension',
  description:
    'Impact SDOs store the impacts of incidents or activities while allowing tracking how these changed over time.',
  created: '2023-05-16T21:01:53.607242Z',
  modified: '2023-05-16T21:01:53.607242Z',
  created_by_ref: OASIS_IMG_IDENTITY,
  schema:
    'https://github.com/oasis-open/cti-stix-common-objects/tree/main/extension-definition-specifications/incident-core/impact',
  version: '1.0.0',
  extension_types: Object.freeze(['new-sdo']),
});

export const EVENT_EXTENSION_DEFINITION = Object.freeze({
  id: EVENT_EXTENSION_ID,
  type: 'extension-definition',
  spec_version: '2.1',
  name: 'Event Extension',
  description:
    'Events store high level events that are not necessarily system level (these should be captured as separate SCOs) that can become tied to incidents.  Events can cause or alter impacts, and often exist prior to incidents being declared or officially tracked.',
  created: '2023-05-16T20:47:23.388576Z',
  modified: '2023-05-16T20:47:23.388576Z',
  created_by_ref: OASIS_IMG_IDENTITY,
  schema:
    'https://github.com/oasis-open/cti-stix-common-objects/tree/main/extension-definition-specifications/incident-core/event',
  version: '1.0.0',
  extension_types: Object.freeze(['new-sdo']),
});

export const INCIDENT_DETERMINATIONS = [
  'blocked',
  'failed-attempt',
  'false-positive',
  'low-value',
  'successful-attempt',
  'suspected',
] as const;
export const RECOVERABILITY = [
  'not-applicable',
  'regular',
  'supplemented',
  'extended',
  'not-recoverable',
] as const;
export const EVENT_STATUSES = ['ongoing', 'occurred', 'not-occurred', 'pending', 'undetermined'] as const;
export const TASK_OUTCOMES = ['cancelled', 'failed', 'ongoing', 'pending', 'successful', 'unknown'] as const;
export const TIMESTAMP_FIDELITIES = ['second', 'minute', 'hour', 'day', 'month', 'year'] as const;
export const CONFIDENTIALITY_LOSS_TYPES = [
  'confirmed-loss',
  'contained',
  'exploited-loss',
  'suspected-loss',
  'none',
] as const;
export const INTEGRITY_ALTERATIONS = [
  'potential-destruction',
  'potential-modification',
  'partial-destruction',
  'partial-modification',
  'full-destruction',
  'full-modification',
  'none',
] as const;
export const PHYSICAL_IMPACT_TYPES = [
  'damaged-functional',
  'damaged-nonfunctional',
  'destruction',
  'none',
] as const;
export const TRACEABILITY_IMPACTS = [
  'accountability-lost',
  'partial-accountability',
  'provable-accountability',
] as const;
/** The impact categories the suite defines; an impact names one and carries an extension of that name. */
export const IMPACT_CATEGORIES = [
  'availability',
  'confidentiality',
  'external',
  'integrity',
  'monetary',
  'physical',
  'traceability',
] as const;

const SCHEMA_BASE = 'https://commonground.invalid/stix/incident-core/';
const OASIS_BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';
const IDENTIFIER = { $ref: `${OASIS_BASE}common/identifier.json` };
const TIMESTAMP = { $ref: `${OASIS_BASE}common/timestamp.json` };
const refTo = (type: string) => ({ allOf: [IDENTIFIER, { pattern: `^${type}--` }] });
const score = { type: 'integer', minimum: 0, maximum: 100 };
const count = { type: 'integer', minimum: 0 };
const nonEmptyStrings = { type: 'array', minItems: 1, items: { type: 'string' } };
const entityCounts = {
  type: 'object',
  propertyNames: { pattern: '^[a-z][a-z0-9-]*$' },
  additionalProperties: count,
};
const sequenceStep = (refName: string, type: string) => ({
  type: 'object',
  additionalProperties: false,
  required: ['condition_type', refName, 'transition_type'],
  properties: {
    condition_type: { enum: ['optional', 'required', 'unknown'] },
    [refName]: refTo(type),
    transition_type: { enum: ['completion', 'failure', 'success', 'unknown'] },
  },
});
const sequenceEntry = (refName: string, type: string) => ({
  type: 'object',
  additionalProperties: false,
  required: [refName],
  properties: {
    [refName]: refTo(type),
    sequence_start: { type: 'boolean' },
    next_steps: { type: 'array', minItems: 1, items: sequenceStep(refName, type) },
  },
});
const stateChange = {
  type: 'object',
  required: ['state_change_type'],
  anyOf: [{ required: ['initial_ref'] }, { required: ['result_ref'] }],
  properties: { state_change_type: { type: 'string' }, initial_ref: IDENTIFIER, result_ref: IDENTIFIER },
};
const timeWindow = {
  start_time: TIMESTAMP,
  start_time_fidelity: { enum: TIMESTAMP_FIDELITIES },
  end_time: TIMESTAMP,
  end_time_fidelity: { enum: TIMESTAMP_FIDELITIES },
};

/** The content of the incident core property extension (the `extensions` entry on an incident). */
export const INCIDENT_CORE_CONTENT_SCHEMA = {
  $id: `${SCHEMA_BASE}incident-core-content.json`,
  type: 'object',
  additionalProperties: false,
  required: ['extension_type', 'determination', 'investigation_status'],
  properties: {
    extension_type: { const: 'property-extension' },
    determination: { enum: INCIDENT_DETERMINATIONS },
    investigation_status: { type: 'string', minLength: 1 },
    criticality: score,
    detection_methods: nonEmptyStrings,
    incident_types: nonEmptyStrings,
    impact_refs: { type: 'array', minItems: 1, items: refTo('impact') },
    impacted_entity_counts: entityCounts,
    recoverability: { enum: RECOVERABILITY },
    scores: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name', 'value'],
        properties: { name: { type: 'string' }, value: { type: 'number' }, description: { type: 'string' } },
      },
    },
    events: { type: 'array', minItems: 1, items: sequenceEntry('event_ref', 'event') },
    tasks: { type: 'array', minItems: 1, items: sequenceEntry('task_ref', 'task') },
  },
} as const;

/** The details of each impact category, the extension named after the category on an `impact`. */
export const IMPACT_CATEGORY_SCHEMAS: Readonly<Record<(typeof IMPACT_CATEGORIES)[number], object>> = {
  availability: {
    type: 'object',
    additionalProperties: false,
    required: ['availability_impact'],
    properties: { availability_impact: score },
  },
  confidentiality: {
    type: 'object',
    additionalProperties: false,
    required: ['loss_type'],
    // information_type may be left out only when nothing was lost.
    if: { not: { properties: { loss_type: { const: 'none' } } } },
    // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword, not a promise
    then: { required: ['information_type'] },
    properties: {
      information_type: { type: 'string' },
      loss_type: { enum: CONFIDENTIALITY_LOSS_TYPES },
      record_count: count,
      record_size: count,
    },
  },
  external: {
    type: 'object',
    additionalProperties: false,
    required: ['impact_type'],
    properties: { impact_type: { type: 'string', minLength: 1 } },
  },
  integrity: {
    type: 'object',
    additionalProperties: false,
    required: ['alteration'],
    if: { not: { properties: { alteration: { const: 'none' } } } },
    // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword, not a promise
    then: { required: ['information_type'] },
    properties: {
      information_type: { type: 'string' },
      alteration: { enum: INTEGRITY_ALTERATIONS },
      record_count: count,
      record_size: count,
    },
  },
  monetary: {
    type: 'object',
    additionalProperties: false,
    required: ['variety'],
    // Amounts come as a pair with their currency; a conversion needs the actual currency and its time.
    dependentRequired: {
      min_amount: ['max_amount', 'currency'],
      max_amount: ['min_amount', 'currency'],
      currency_actual: ['currency'],
      conversion_rate: ['currency_actual', 'conversion_time'],
    },
    properties: {
      variety: { type: 'string', minLength: 1 },
      currency: { type: 'string', minLength: 1 },
      currency_actual: { type: 'string', minLength: 1 },
      conversion_rate: { type: 'number', exclusiveMinimum: 0 },
      conversion_time: TIMESTAMP,
      min_amount: { type: 'number', minimum: 0 },
      max_amount: { type: 'number', minimum: 0 },
    },
  },
  physical: {
    type: 'object',
    additionalProperties: false,
    required: ['impact_type'],
    if: { not: { properties: { impact_type: { const: 'none' } } } },
    // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword, not a promise
    then: { required: ['asset_type'] },
    properties: { asset_type: { type: 'string' }, impact_type: { enum: PHYSICAL_IMPACT_TYPES } },
  },
  traceability: {
    type: 'object',
    additionalProperties: false,
    required: ['traceability_impact'],
    properties: { traceability_impact: { enum: TRACEABILITY_IMPACTS } },
  },
};

const newSdoMarker = (extensionId: string) => ({
  type: 'object',
  required: [extensionId],
  properties: {
    [extensionId]: {
      type: 'object',
      additionalProperties: false,
      required: ['extension_type'],
      properties: { extension_type: { const: 'new-sdo' } },
    },
  },
});

/**
 * What an `impact` must hold beyond the common core: its category, the new-sdo marker and the
 * category's own extension (validated on its own with IMPACT_CATEGORY_SCHEMAS).
 */
export const IMPACT_SCHEMA = {
  $id: `${SCHEMA_BASE}impact.json`,
  type: 'object',
  required: ['impact_category', 'extensions'],
  properties: {
    impact_category: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    criticality: score,
    description: { type: 'string' },
    impacted_entity_counts: entityCounts,
    impacted_refs: { type: 'array', minItems: 1, items: IDENTIFIER },
    recoverability: { enum: RECOVERABILITY },
    superseded_by_ref: refTo('impact'),
    ...timeWindow,
    extensions: newSdoMarker(IMPACT_EXTENSION_ID),
  },
  // A superseded impact says until when it held.
  dependentRequired: { superseded_by_ref: ['end_time'] },
} as const;

export const EVENT_SCHEMA = {
  $id: `${SCHEMA_BASE}event.json`,
  type: 'object',
  required: ['status', 'extensions'],
  properties: {
    status: { enum: EVENT_STATUSES },
    name: { type: 'string' },
    description: { type: 'string' },
    goal: { type: 'string' },
    event_types: nonEmptyStrings,
    sighting_refs: { type: 'array', minItems: 1, items: refTo('sighting') },
    changed_objects: { type: 'array', minItems: 1, items: stateChange },
    subevents: { type: 'array', minItems: 1, items: sequenceEntry('event_ref', 'event') },
    ...timeWindow,
    extensions: newSdoMarker(EVENT_EXTENSION_ID),
  },
} as const;

export const TASK_SCHEMA = {
  $id: `${SCHEMA_BASE}task.json`,
  type: 'object',
  required: ['outcome', 'extensions'],
  properties: {
    outcome: { enum: TASK_OUTCOMES },
    name: { type: 'string' },
    description: { type: 'string' },
    error: { type: 'string' },
    priority: score,
    task_types: nonEmptyStrings,
    impacted_entity_counts: entityCounts,
    changed_objects: { type: 'array', minItems: 1, items: stateChange },
    subtasks: { type: 'array', minItems: 1, items: sequenceEntry('task_ref', 'task') },
    ...timeWindow,
    extensions: newSdoMarker(TASK_EXTENSION_ID),
  },
} as const;
