import { SECTOR_CODES } from '../../../core/reference/sectors.ts';
import {
  ATTRIBUTION_BASES,
  ATTRIBUTOR_KINDS,
  INCIDENT_STATUSES,
  LAW_TOPICS,
  NORMS,
  RESPONSE_KINDS,
} from '../../incidents/catalog.ts';
import { tlpMarkingRef } from './markings.ts';

/**
 * Common Ground's STIX 2.1 property extension: "UN norms possibly breached".
 *
 * No STIX object or published extension says which of the UN norms of responsible State behaviour
 * (A/70/174, para. 13 (a)–(k)) an incident may have breached, nor which questions of international law
 * it raises; this extension does, on `incident` objects. It also carries what an incident record holds
 * and STIX has no property for (harm to people, responses, targeted sub-sectors, the incident's own
 * status, how long services were down), and, on `attributed-to` relationships, who attributed and when,
 * so that a Common Ground instance reading another's export gets the record back whole.
 *
 * STIX 2.1 section 7.3: a property extension defined by an extension-definition is keyed by that
 * definition's id in `extensions` (a name like `x-commonground-un-norms` is only for the deprecated
 * custom `-ext` style). The id below is the same for every Common Ground instance, so instances
 * recognise each other's content; each instance publishes the definition under its own identity, with
 * the schema served from its own public URL at UN_NORMS_EXTENSION_SCHEMA_PATH.
 */

export const UN_NORMS_EXTENSION_ID = 'extension-definition--7f34bc6d-4ac6-4971-b921-711e6b34ba26';
export const UN_NORMS_EXTENSION_VERSION = '1.0.0';
/** Where an instance serves the extension's JSON schema, under its public URL. */
export const UN_NORMS_EXTENSION_SCHEMA_PATH = `/stix/extensions/un-norms/${UN_NORMS_EXTENSION_VERSION}/schema.json`;
/** Fixed so that every export of this version of the definition is the same object version. */
const DEFINITION_CREATED = '2025-01-01T00:00:00.000Z';

const NORM_CODES = NORMS.map((norm) => norm.code);
const CALENDAR_DATE = { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' };
const COUNTRY = { type: 'string', pattern: '^[A-Z]{2}$' };
const TEXT = { type: 'string', minLength: 1 };
const COUNT = { type: 'integer', minimum: 0 };
const SOURCE = {
  type: 'object',
  additionalProperties: false,
  required: ['url', 'title'],
  properties: {
    url: TEXT,
    title: TEXT,
    publisher: TEXT,
    published_on: CALENDAR_DATE,
    archived_on: CALENDAR_DATE,
    archive_url: TEXT,
  },
};

/** JSON Schema (2020-12) of the extension's content, without `$id`, which depends on where it is served. */
const CONTENT_SCHEMA_BODY = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Common Ground: UN norms possibly breached',
  description:
    'Property extension of STIX 2.1 incident objects (and of attributed-to relationships, with `attribution` only). Lists are never empty: a property with nothing to say is left out.',
  type: 'object',
  additionalProperties: false,
  required: ['extension_type'],
  minProperties: 2,
  properties: {
    extension_type: { const: 'property-extension' },
    norms: {
      description: 'The norms of A/70/174 para. 13 the incident may have breached, each with the rationale.',
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'citation', 'rationale'],
        properties: {
          code: { enum: NORM_CODES, description: '13a … 13k' },
          citation: { ...TEXT, description: 'e.g. "A/70/174, para. 13(f)"' },
          rationale: TEXT,
        },
      },
    },
    law_questions: {
      description: 'Questions of international law the incident raises.',
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['topic'],
        properties: { topic: { enum: LAW_TOPICS }, note: TEXT },
      },
    },
    harm: {
      description: 'Harm to people, as counts (absent when not known).',
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: {
        hospital_services_disrupted: COUNT,
        patients_redirected: COUNT,
        people_data_leaked: COUNT,
        essential_services_lost: COUNT,
        notes: TEXT,
      },
    },
    responses: {
      description: 'Responses to the incident: statements, sanctions, indictments, technical measures.',
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'by'],
        properties: {
          kind: { enum: RESPONSE_KINDS },
          by: TEXT,
          by_country: COUNTRY,
          responded_on: CALENDAR_DATE,
          description: TEXT,
          sources: { type: 'array', minItems: 1, items: SOURCE },
        },
      },
    },
    targeted_sectors: {
      description: 'Targeted critical-infrastructure sectors and sub-sectors, in Common Ground codes.',
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['sector'],
        properties: { sector: { enum: SECTOR_CODES }, sub_sector: TEXT },
      },
    },
    incident_status: { enum: INCIDENT_STATUSES },
    availability_hours: { type: 'number', minimum: 0, description: 'How long services were unavailable.' },
    attribution: {
      description: 'On an attributed-to relationship: who attributed the incident, when and on what basis.',
      type: 'object',
      additionalProperties: false,
      required: ['attributed_by', 'attributed_on', 'basis'],
      properties: {
        attributed_by: {
          type: 'object',
          additionalProperties: false,
          required: ['kind', 'name'],
          properties: { kind: { enum: ATTRIBUTOR_KINDS }, name: TEXT, country: COUNTRY },
        },
        attributed_on: CALENDAR_DATE,
        basis: { enum: ATTRIBUTION_BASES },
        sponsor_country: COUNTRY,
        notes: TEXT,
        sources: {
          description:
            "The attribution's sources in full (the relationship's external references carry their URLs).",
          type: 'array',
          minItems: 1,
          items: SOURCE,
        },
      },
    },
  },
} as const;

/** The content schema under a fixed internal `$id`, for validation. */
export const UN_NORMS_CONTENT_SCHEMA = {
  ...CONTENT_SCHEMA_BODY,
  $id: 'https://commonground.invalid/stix/extensions/un-norms/content.json',
};

function trimmedBase(publicUrl: string): string {
  return publicUrl.replace(/\/+$/, '');
}

/** The schema as an instance serves it at `publicUrl + UN_NORMS_EXTENSION_SCHEMA_PATH`. */
export function unNormsExtensionSchema(publicUrl: string): Record<string, unknown> {
  return { ...CONTENT_SCHEMA_BODY, $id: `${trimmedBase(publicUrl)}${UN_NORMS_EXTENSION_SCHEMA_PATH}` };
}

/** The extension-definition object, published by an instance under its own identity. */
export function unNormsExtensionDefinition(options: { publicUrl: string; createdByRef: string }) {
  return {
    type: 'extension-definition' as const,
    spec_version: '2.1' as const,
    id: UN_NORMS_EXTENSION_ID,
    created_by_ref: options.createdByRef,
    created: DEFINITION_CREATED,
    modified: DEFINITION_CREATED,
    name: 'UN norms possibly breached',
    description:
      'Which norms of responsible State behaviour in cyberspace (A/70/174, para. 13 (a) to (k)) an incident may have breached, with the rationale for each, and the questions of international law it raises; also harm to people, responses, targeted sub-sectors and, on attributed-to relationships, who attributed the incident, when and on what basis.',
    schema: `${trimmedBase(options.publicUrl)}${UN_NORMS_EXTENSION_SCHEMA_PATH}`,
    version: UN_NORMS_EXTENSION_VERSION,
    extension_types: ['property-extension'],
    // The definition itself is public whatever the incidents it describes.
    object_marking_refs: [tlpMarkingRef('TLP:CLEAR')],
  };
}

export interface NormClaimContent {
  code: string;
  citation: string;
  rationale: string;
}
export interface SourceContent {
  url: string;
  title: string;
  publisher?: string;
  published_on?: string;
  archived_on?: string;
  archive_url?: string;
}
export interface UnNormsExtensionContent {
  extension_type: 'property-extension';
  norms?: NormClaimContent[];
  law_questions?: Array<{ topic: string; note?: string }>;
  harm?: {
    hospital_services_disrupted?: number;
    patients_redirected?: number;
    people_data_leaked?: number;
    essential_services_lost?: number;
    notes?: string;
  };
  responses?: Array<{
    kind: string;
    by: string;
    by_country?: string;
    responded_on?: string;
    description?: string;
    sources?: SourceContent[];
  }>;
  targeted_sectors?: Array<{ sector: string; sub_sector?: string }>;
  incident_status?: string;
  availability_hours?: number;
  attribution?: {
    attributed_by: { kind: string; name: string; country?: string };
    attributed_on: string;
    basis: string;
    sponsor_country?: string;
    notes?: string;
    sources?: SourceContent[];
  };
}

type ContentFields = Omit<UnNormsExtensionContent, 'extension_type'>;

/** Drops null, undefined, empty strings, empty lists and empty objects, which STIX wants left out. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(compact).filter((item) => item !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => [key, compact(item)] as const)
      .filter(([, item]) => item !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  if (value === null || value === undefined || value === '') return undefined;
  return value;
}

/**
 * The extension content from its fields (nulls and empty lists are left out), or null when nothing is
 * left to say. Put it on an object as `extensions: { [UN_NORMS_EXTENSION_ID]: content }`.
 */
export function buildUnNormsExtension(
  fields: {
    [K in keyof ContentFields]?: unknown;
  },
): UnNormsExtensionContent | null {
  const compacted = compact(fields) as ContentFields | undefined;
  if (!compacted) return null;
  return { extension_type: 'property-extension', ...compacted };
}
