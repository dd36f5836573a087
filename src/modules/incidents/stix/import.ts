import type { TlpLabel } from '../../../core/access/tlp.ts';
import { TLP_STIX_EXTENSION_ID, tlpDefinition } from '../../../core/access/tlp.ts';
import { SECTOR_CODES } from '../../../core/reference/sectors.ts';
import {
  EVENT_EXTENSION_ID,
  IMPACT_EXTENSION_ID,
  INCIDENT_CORE_EXTENSION_ID,
  isTlpMarkingRef,
  TASK_EXTENSION_ID,
  tlpLabelOfMarkingRefs,
  UN_NORMS_EXTENSION_ID,
  type UnNormsExtensionContent,
  validateStixObject,
} from '../../sharing/index.ts';
import {
  ATTRIBUTION_BASES,
  ATTRIBUTOR_KINDS,
  INCIDENT_STATUSES,
  isSubSectorOf,
  LAW_TOPICS,
  NORM_CODES,
  RESPONSE_KINDS,
} from '../catalog.ts';
import type { AttributionInput, CreateIncident } from '../incidents.schemas.ts';
import {
  ANONYMISED_VICTIM_NAME,
  ARCHIVE_SOURCE_NAME,
  DEFAULT_SOURCE_NAME,
  RECORD_SOURCE_NAME,
  UNKNOWN_PUBLICATION_LABEL,
  UNNAMED_VICTIM_NAME,
} from './export.ts';
import {
  attributorKindOf,
  confidenceLevelOf,
  incidentTypesOf,
  ownCodeAmong,
  sectorCodesOf,
  victimKindOf,
} from './vocab.ts';

/**
 * STIX 2.1 to incident records: maps what it understands and keeps the rest.
 *
 * Every object is validated first (validateStixObject); invalid ones are reported in `problems` and
 * not used. Each `incident` becomes the input of a new record (our `CreateIncident` without the
 * organization, which the importer chooses) with its attributions. Understood: the incident's name and
 * description, the Incident Core Extension (incident types, impacts, its time line event), our UN norms
 * extension, `targets` relationships to locations (countries), identities (victims, or targeted sectors
 * for identity classes) and `attributed-to` relationships to threat actors and intrusion sets (with their
 * sponsor States), reports on the incident and its own external references (sources), and TLP marking
 * refs (2.0, or 1.0 read as 2.0). Our own exports come back whole; other producers' data as far as it
 * says the same things (docs/stix.md).
 *
 * `kept` holds, unchanged, every valid object that was not turned into a field, and every object that
 * was but also carries properties or extensions we do not read, so nothing a producer sent is lost.
 */

export type IncidentImportInput = Omit<CreateIncident, 'orgId'>;

export interface ImportedIncident {
  input: IncidentImportInput;
  attributions: AttributionInput[];
  stixId: string;
}

export interface StixImportResult {
  incidents: ImportedIncident[];
  kept: object[];
  problems: Array<{ id: string | null; message: string }>;
}

type StixObject = Record<string, unknown> & { type: string; id: string };

const COMMON_PROPERTIES = [
  'type',
  'spec_version',
  'id',
  'created',
  'modified',
  'created_by_ref',
  'object_marking_refs',
  'revoked',
  'lang',
  'confidence',
] as const;

/** The properties each mapping reads, beyond the common ones; anything else makes the object kept too. */
const READ_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  incident: ['name', 'description', 'external_references', 'extensions'],
  identity: ['name', 'identity_class', 'sectors', 'roles'],
  location: ['name', 'country'],
  'threat-actor': ['name', 'aliases'],
  'intrusion-set': ['name', 'aliases'],
  relationship: [
    'relationship_type',
    'source_ref',
    'target_ref',
    'description',
    'external_references',
    'extensions',
  ],
  report: ['name', 'published', 'report_types', 'object_refs', 'external_references', 'labels'],
  impact: [
    'impact_category',
    'description',
    'start_time',
    'start_time_fidelity',
    'end_time',
    'impacted_entity_counts',
    'extensions',
  ],
  event: [
    'name',
    'status',
    'start_time',
    'start_time_fidelity',
    'end_time',
    'end_time_fidelity',
    'extensions',
  ],
  'marking-definition': ['name', 'extensions', 'definition_type', 'definition'],
  'extension-definition': ['name', 'description', 'schema', 'version', 'extension_types'],
};
/** Extension entries each mapping reads. */
const READ_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  incident: [INCIDENT_CORE_EXTENSION_ID, UN_NORMS_EXTENSION_ID],
  relationship: [UN_NORMS_EXTENSION_ID],
  impact: [IMPACT_EXTENSION_ID, 'availability', 'confidentiality', 'integrity', 'physical', 'monetary'],
  event: [EVENT_EXTENSION_ID],
  'marking-definition': [TLP_STIX_EXTENSION_ID],
};
/** The incident core extension properties we read; others (scores, tasks, …) make the incident kept. */
const READ_CORE_PROPERTIES = new Set([
  'extension_type',
  'determination',
  'investigation_status',
  'criticality',
  'incident_types',
  'impact_refs',
  'events',
]);
/** Extension definitions we understand: reading them adds nothing to a record. */
const KNOWN_EXTENSION_DEFINITIONS = new Set([
  TLP_STIX_EXTENSION_ID,
  INCIDENT_CORE_EXTENSION_ID,
  IMPACT_EXTENSION_ID,
  EVENT_EXTENSION_ID,
  TASK_EXTENSION_ID,
  UN_NORMS_EXTENSION_ID,
]);

const CALENDAR_DATE = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;
const COUNTRY = /^[A-Z]{2}$/;
const HTTP_URL = /^https?:\/\/\S+$/i;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const stringOf = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;
const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
const countOf = (value: unknown): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
/** The calendar date of a STIX timestamp (or of a date already), when it has one. */
const dateOf = (value: unknown): string | null => {
  const text = stringOf(value)?.slice(0, 10) ?? null;
  return text !== null && CALENDAR_DATE.test(text) ? text : null;
};
const countryOf = (value: unknown): string | null => {
  const text = stringOf(value)?.toUpperCase() ?? null;
  return text !== null && COUNTRY.test(text) ? text : null;
};
const oneOf = <T extends string>(value: unknown, allowed: readonly T[]): T | null =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : null;
/** Text clipped to the record's limits; STIX has none. */
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function hasOnlyReadProperties(object: StixObject): boolean {
  const read = READ_PROPERTIES[object.type] ?? [];
  for (const key of Object.keys(object)) {
    if (!(COMMON_PROPERTIES as readonly string[]).includes(key) && !read.includes(key)) return false;
  }
  if (isRecord(object.extensions)) {
    const readExtensions = READ_EXTENSIONS[object.type] ?? [];
    for (const key of Object.keys(object.extensions)) if (!readExtensions.includes(key)) return false;
    const core = object.extensions[INCIDENT_CORE_EXTENSION_ID];
    if (isRecord(core) && Object.keys(core).some((key) => !READ_CORE_PROPERTIES.has(key))) return false;
  }
  return true;
}

interface Index {
  byId: Map<string, StixObject>;
  relationshipsFrom: Map<string, StixObject[]>;
  reportsOn: Map<string, StixObject[]>;
  notesOn: Map<string, StixObject[]>;
  sightingsOf: Map<string, StixObject[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function indexObjects(objects: readonly StixObject[]): Index {
  const index: Index = {
    byId: new Map(),
    relationshipsFrom: new Map(),
    reportsOn: new Map(),
    notesOn: new Map(),
    sightingsOf: new Map(),
  };
  for (const object of objects) {
    const current = index.byId.get(object.id);
    // Several versions of one object: the latest modified wins, as STIX versioning says.
    if (!current || String(object.modified ?? '') >= String(current.modified ?? ''))
      index.byId.set(object.id, object);
  }
  for (const object of index.byId.values()) {
    if (object.type === 'relationship' && typeof object.source_ref === 'string') {
      push(index.relationshipsFrom, object.source_ref, object);
    } else if (object.type === 'report' || object.type === 'note') {
      for (const ref of stringsOf(object.object_refs))
        push(object.type === 'report' ? index.reportsOn : index.notesOn, ref, object);
    } else if (object.type === 'sighting' && typeof object.sighting_of_ref === 'string') {
      push(index.sightingsOf, object.sighting_of_ref, object);
    }
  }
  return index;
}

type Source = NonNullable<IncidentImportInput['sources']>[number];

/** Sources from external references: each reference with a URL, followed by its archive reference. */
function sourcesOfReferences(references: unknown, fallbackTitle: string | null): Source[] {
  const sources: Source[] = [];
  for (const reference of Array.isArray(references) ? references : []) {
    if (!isRecord(reference)) continue;
    const sourceName = stringOf(reference.source_name);
    const url = stringOf(reference.url);
    const description = stringOf(reference.description);
    const previous = sources.at(-1);
    if (sourceName === ARCHIVE_SOURCE_NAME) {
      if (previous) {
        if (url && HTTP_URL.test(url)) previous.archiveUrl = url;
        previous.archivedOn = dateOf(description?.replace(/^\D*/, '') ?? null) ?? previous.archivedOn ?? null;
      }
      continue;
    }
    if (sourceName === RECORD_SOURCE_NAME || !url || !HTTP_URL.test(url)) continue;
    sources.push({
      url: clip(url, 2000),
      title: clip(description ?? fallbackTitle ?? sourceName ?? url, 500),
      publisher: sourceName && sourceName !== DEFAULT_SOURCE_NAME ? clip(sourceName, 200) : null,
      publishedOn: null,
      archivedOn: null,
      archiveUrl: null,
    });
  }
  return sources;
}

function sourceOfContent(content: unknown): Source | null {
  if (!isRecord(content)) return null;
  const url = stringOf(content.url);
  const title = stringOf(content.title);
  if (!url || !title || !HTTP_URL.test(url)) return null;
  const archiveUrl = stringOf(content.archive_url);
  return {
    url,
    title,
    publisher: stringOf(content.publisher),
    publishedOn: dateOf(content.published_on),
    archivedOn: dateOf(content.archived_on),
    archiveUrl: archiveUrl && HTTP_URL.test(archiveUrl) ? archiveUrl : null,
  };
}

function extensionOf(object: StixObject, extensionId: string): Record<string, unknown> | null {
  const extensions = object.extensions;
  if (!isRecord(extensions)) return null;
  const content = extensions[extensionId];
  return isRecord(content) ? content : null;
}

export function stixToIncidents(bundleOrObjects: unknown): StixImportResult {
  const problems: StixImportResult['problems'] = [];
  let candidates: unknown[];
  if (Array.isArray(bundleOrObjects)) {
    candidates = bundleOrObjects;
  } else if (isRecord(bundleOrObjects) && bundleOrObjects.type === 'bundle') {
    candidates = Array.isArray(bundleOrObjects.objects) ? bundleOrObjects.objects : [];
    if (!Array.isArray(bundleOrObjects.objects) && bundleOrObjects.objects !== undefined) {
      problems.push({ id: stringOf(bundleOrObjects.id), message: 'The bundle has no objects array.' });
    }
  } else if (isRecord(bundleOrObjects)) {
    candidates = [bundleOrObjects];
  } else {
    return {
      incidents: [],
      kept: [],
      problems: [{ id: null, message: 'Expected a STIX bundle, an object or a list of objects.' }],
    };
  }

  const valid: StixObject[] = [];
  for (const candidate of candidates) {
    const result = validateStixObject(candidate);
    if (result.ok) {
      valid.push(candidate as StixObject);
    } else {
      const id = isRecord(candidate) ? stringOf(candidate.id) : null;
      problems.push({ id, message: `Invalid STIX object: ${result.errors.join('; ')}` });
    }
  }

  const index = indexObjects(valid);
  /** Objects turned into record fields. */
  const used = new TouchedSet();
  const incidents: ImportedIncident[] = [];

  for (const object of index.byId.values()) {
    if (object.type !== 'incident') continue;
    used.touched = [];
    const imported = mapIncident(object, index, used, problems);
    // The record takes the strictest label of everything merged into it, object or granular marking: a victim
    // or an attribution marked more strictly than the incident must not come out at the incident's label.
    const label = strictestLabel([object, ...used.touched.flatMap((id) => index.byId.get(id) ?? [])]);
    if (label) imported.input.tlp = label;
    used.touched = null;
    incidents.push(imported);
  }
  for (const object of index.byId.values()) {
    if (object.type === 'marking-definition' && isTlpMarkingRef(object.id)) used.add(object.id);
    if (object.type === 'extension-definition' && KNOWN_EXTENSION_DEFINITIONS.has(object.id))
      used.add(object.id);
  }

  const kept = valid.filter(
    (object) =>
      !used.has(object.id) || !hasOnlyReadProperties(object) || index.byId.get(object.id) !== object,
  );
  return { incidents, kept, problems };
}

/** A set that also lists, while `touched` is set, every id added to it (again or for the first time). */
class TouchedSet extends Set<string> {
  touched: string[] | null = null;
  override add(value: string): this {
    this.touched?.push(value);
    return super.add(value);
  }
}

function markingRefsOf(object: StixObject): string[] {
  const granular = Array.isArray(object.granular_markings) ? object.granular_markings : [];
  return [
    ...stringsOf(object.object_marking_refs),
    ...granular.flatMap((marking) => {
      const ref = isRecord(marking) ? stringOf(marking.marking_ref) : null;
      return ref ? [ref] : [];
    }),
  ];
}

function strictestLabel(objects: StixObject[]): TlpLabel | null {
  let strictest: TlpLabel | null = null;
  for (const object of objects) {
    const label = tlpLabelOfMarkingRefs(markingRefsOf(object));
    if (label && (strictest === null || tlpDefinition(label).rank > tlpDefinition(strictest).rank))
      strictest = label;
  }
  return strictest;
}

function mapIncident(
  incident: StixObject,
  index: Index,
  used: Set<string>,
  problems: StixImportResult['problems'],
): ImportedIncident {
  used.add(incident.id);
  const core = extensionOf(incident, INCIDENT_CORE_EXTENSION_ID);
  const ours = (extensionOf(incident, UN_NORMS_EXTENSION_ID) ?? {}) as Partial<UnNormsExtensionContent> &
    Record<string, unknown>;
  const get = (id: unknown): StixObject | null =>
    typeof id === 'string' ? (index.byId.get(id) ?? null) : null;

  const name = stringOf(incident.name) ?? 'Untitled incident';
  const input: IncidentImportInput = {
    title: clip(name.trim(), 300),
    description: clip(stringOf(incident.description) ?? '', 20_000),
    types: [],
  };

  // Types: the incident core's incident_types, read back through our vocabulary.
  const types = incidentTypesOf(stringsOf(core?.incident_types));
  input.types = types.length > 0 ? types : ['other'];

  // Time line: the first event the incident core lists that we can read.
  let eventStatus: string | null = null;
  for (const entry of Array.isArray(core?.events) ? core.events : []) {
    const event = isRecord(entry) ? get(entry.event_ref) : null;
    if (event?.type !== 'event') continue;
    used.add(event.id);
    input.startedOn = dateOf(event.start_time);
    input.endedOn = dateOf(event.end_time);
    eventStatus = stringOf(event.status);
    break;
  }
  input.status =
    oneOf(ours.incident_status, INCIDENT_STATUSES) ??
    (eventStatus === 'ongoing'
      ? 'ongoing'
      : eventStatus === 'occurred'
        ? 'ended'
        : core?.investigation_status === 'closed'
          ? 'ended'
          : 'unknown');

  // Impacts.
  const impacts: NonNullable<IncidentImportInput['impacts']> = {
    availability: { affected: false, durationHours: null },
    confidentiality: { affected: false, recordsExposed: null },
    integrity: { affected: false },
    physical: { affected: false, description: null },
    economic: { affected: false, lossUsd: null },
  };
  let leakedFromImpacts: number | null = null;
  for (const ref of stringsOf(core?.impact_refs)) {
    const impact = get(ref);
    if (impact?.type !== 'impact') continue;
    const category = stringOf(impact.impact_category);
    const details = category ? extensionOf(impact, category) : null;
    if (!category || !details) continue;
    if (category === 'availability') {
      const start = Date.parse(String(impact.start_time ?? ''));
      const end = Date.parse(String(impact.end_time ?? ''));
      impacts.availability = {
        affected: details.availability_impact !== 0,
        durationHours:
          Number.isNaN(start) || Number.isNaN(end) || end < start ? null : (end - start) / 3_600_000,
      };
    } else if (category === 'confidentiality') {
      impacts.confidentiality = {
        affected: details.loss_type !== 'none',
        recordsExposed: countOf(details.record_count),
      };
      const counts = isRecord(impact.impacted_entity_counts) ? impact.impacted_entity_counts : {};
      leakedFromImpacts = countOf(counts.individual) ?? countOf(counts.individuals);
    } else if (category === 'integrity') {
      impacts.integrity = { affected: details.alteration !== 'none' };
    } else if (category === 'physical') {
      impacts.physical = {
        affected: details.impact_type !== 'none',
        description: stringOf(impact.description) ? clip(String(impact.description), 2000) : null,
      };
    } else if (category === 'monetary') {
      const inUsd = typeof details.currency === 'string' && details.currency.toUpperCase() === 'USD';
      const amount = typeof details.max_amount === 'number' ? details.max_amount : null;
      impacts.economic = { affected: true, lossUsd: inUsd ? amount : null };
    } else {
      continue;
    }
    used.add(impact.id);
  }
  if (typeof ours.availability_hours === 'number' && impacts.availability.affected) {
    impacts.availability.durationHours = ours.availability_hours;
  }
  input.impacts = impacts;

  // Harm, norms, law, responses: our extension only.
  const harm = isRecord(ours.harm) ? ours.harm : {};
  input.harm = {
    hospitalServicesDisrupted: countOf(harm.hospital_services_disrupted),
    patientsRedirected: countOf(harm.patients_redirected),
    peopleDataLeaked: countOf(harm.people_data_leaked) ?? leakedFromImpacts,
    essentialServicesLost: countOf(harm.essential_services_lost),
    notes: stringOf(harm.notes),
  };
  input.norms = (Array.isArray(ours.norms) ? ours.norms : []).flatMap((norm) => {
    const code = isRecord(norm) ? oneOf(norm.code, NORM_CODES) : null;
    const rationale = isRecord(norm) ? stringOf(norm.rationale) : null;
    return code && rationale ? [{ code, rationale: clip(rationale, 5000) }] : [];
  });
  input.lawQuestions = (Array.isArray(ours.law_questions) ? ours.law_questions : []).flatMap((question) => {
    const topic = isRecord(question) ? oneOf(question.topic, LAW_TOPICS) : null;
    return topic ? [{ topic, note: isRecord(question) ? stringOf(question.note) : null }] : [];
  });
  input.responses = (Array.isArray(ours.responses) ? ours.responses : []).flatMap((response) => {
    if (!isRecord(response)) return [];
    const kind = oneOf(response.kind, RESPONSE_KINDS);
    const by = stringOf(response.by);
    if (!kind || !by) return [];
    return [
      {
        kind,
        by: clip(by, 300),
        byCountry: countryOf(response.by_country),
        respondedOn: dateOf(response.responded_on),
        description: stringOf(response.description),
        sources: (Array.isArray(response.sources) ? response.sources : []).flatMap((source) => {
          const mapped = sourceOfContent(source);
          return mapped ? [mapped] : [];
        }),
      },
    ];
  });

  // Targets.
  const countries: string[] = [];
  const sectorsFromClasses: NonNullable<IncidentImportInput['sectors']> = [];
  const victims: NonNullable<IncidentImportInput['victims']> = [];
  const attributions: AttributionInput[] = [];
  for (const relationship of index.relationshipsFrom.get(incident.id) ?? []) {
    const target = get(relationship.target_ref);
    if (!target) continue;
    if (relationship.relationship_type === 'targets' && target.type === 'location') {
      const country = countryOf(target.country);
      if (!country) continue;
      if (!countries.includes(country)) countries.push(country);
    } else if (relationship.relationship_type === 'targets' && target.type === 'identity') {
      if (target.identity_class === 'class') {
        for (const sector of sectorCodesOf(stringsOf(target.sectors)))
          sectorsFromClasses.push({ sector, subSector: null });
      } else {
        victims.push(victimOf(target, index, used));
      }
    } else if (
      relationship.relationship_type === 'attributed-to' &&
      (target.type === 'threat-actor' || target.type === 'intrusion-set')
    ) {
      const attribution = attributionOf(relationship, target, incident, index, used);
      if (attribution === null) {
        problems.push({
          id: relationship.id,
          message:
            'Attribution without a source URL: not imported (an attribution needs at least one source).',
        });
        continue;
      }
      attributions.push(attribution);
      used.add(target.id);
    } else {
      continue;
    }
    used.add(relationship.id);
    used.add(target.id);
  }
  input.countries = countries;
  input.victims = victims;
  const targetedSectors = (Array.isArray(ours.targeted_sectors) ? ours.targeted_sectors : []).flatMap(
    (target) => {
      const sector = isRecord(target) ? oneOf(target.sector, SECTOR_CODES) : null;
      if (!sector) return [];
      const subSector = isRecord(target) ? stringOf(target.sub_sector) : null;
      return [{ sector, subSector: subSector && isSubSectorOf(sector, subSector) ? subSector : null }];
    },
  );
  input.sectors = targetedSectors.length > 0 ? targetedSectors : dedupeSectors(sectorsFromClasses);

  // Sources: reports on the incident, then URLs on the incident itself that no report gave.
  const sources: Source[] = [];
  for (const report of index.reportsOn.get(incident.id) ?? []) {
    const [first] = sourcesOfReferences(report.external_references, stringOf(report.name));
    if (!first) continue;
    first.title = clip(stringOf(report.name) ?? first.title, 500);
    first.publishedOn = stringsOf(report.labels).includes(UNKNOWN_PUBLICATION_LABEL)
      ? null
      : dateOf(report.published);
    if (!sources.some((source) => source.url === first.url)) sources.push(first);
    // A report that is about more than this incident says more than a source can hold.
    if (stringsOf(report.object_refs).length === 1) used.add(report.id);
  }
  for (const source of sourcesOfReferences(incident.external_references, null)) {
    if (!sources.some((known) => known.url === source.url)) sources.push(source);
  }
  input.sources = sources;

  const markings = stringsOf(incident.object_marking_refs);
  const tlp: TlpLabel | null = tlpLabelOfMarkingRefs(markings);
  if (tlp) input.tlp = tlp;

  return { input, attributions, stixId: incident.id };
}

function dedupeSectors(
  sectors: NonNullable<IncidentImportInput['sectors']>,
): NonNullable<IncidentImportInput['sectors']> {
  const seen = new Set<string>();
  return sectors.filter((target) => !seen.has(target.sector) && seen.add(target.sector));
}

function locatedCountry(identityId: string, index: Index, used: Set<string>): string | null {
  for (const relationship of index.relationshipsFrom.get(identityId) ?? []) {
    if (relationship.relationship_type !== 'located-at') continue;
    const location = index.byId.get(String(relationship.target_ref));
    const country = location?.type === 'location' ? countryOf(location.country) : null;
    if (country && location) {
      used.add(relationship.id);
      used.add(location.id);
      return country;
    }
  }
  return null;
}

function victimOf(
  identity: StixObject,
  index: Index,
  used: Set<string>,
): NonNullable<IncidentImportInput['victims']>[number] {
  const name = stringOf(identity.name);
  const isAnonymised = name === ANONYMISED_VICTIM_NAME;
  const sectors = sectorCodesOf(stringsOf(identity.sectors));
  return {
    name: isAnonymised || name === UNNAMED_VICTIM_NAME || name === null ? null : clip(name, 300),
    isAnonymised,
    kind: victimKindOf(stringsOf(identity.roles), stringOf(identity.identity_class) ?? undefined),
    country: isAnonymised ? null : locatedCountry(identity.id, index, used),
    sector: sectors[0] ?? null,
  };
}

function attributionOf(
  relationship: StixObject,
  actor: StixObject,
  incident: StixObject,
  index: Index,
  used: Set<string>,
): AttributionInput | null {
  const content = extensionOf(relationship, UN_NORMS_EXTENSION_ID);
  const claim = isRecord(content?.attribution) ? content.attribution : null;
  const claimedSources = (Array.isArray(claim?.sources) ? claim.sources : []).flatMap((source) => {
    const mapped = sourceOfContent(source);
    return mapped ? [mapped] : [];
  });
  const sources =
    claimedSources.length > 0 ? claimedSources : sourcesOfReferences(relationship.external_references, null);
  if (sources.length === 0) return null;
  const attributedByContent = isRecord(claim?.attributed_by) ? claim.attributed_by : null;

  // Who attributed: our extension, else the identity the actor was sighted by, else the relationship's creator.
  let attributedBy: AttributionInput['attributedBy'] | null = null;
  if (attributedByContent && stringOf(attributedByContent.name)) {
    attributedBy = {
      kind: oneOf(attributedByContent.kind, ATTRIBUTOR_KINDS) ?? 'company',
      name: clip(String(attributedByContent.name), 300),
      country: countryOf(attributedByContent.country),
    };
  }
  const attributorIdentity =
    (index.sightingsOf.get(actor.id) ?? [])
      .flatMap((sighting) => stringsOf(sighting.where_sighted_refs))
      .map((ref) => index.byId.get(ref))
      .find((candidate) => candidate?.type === 'identity') ??
    (typeof relationship.created_by_ref === 'string'
      ? index.byId.get(relationship.created_by_ref)
      : undefined);
  if (attributorIdentity?.type === 'identity') {
    const country = locatedCountry(attributorIdentity.id, index, used);
    if (!attributedBy && stringOf(attributorIdentity.name)) {
      attributedBy = {
        kind: attributorKindOf(
          stringsOf(attributorIdentity.roles),
          stringOf(attributorIdentity.identity_class) ?? undefined,
        ),
        name: clip(String(attributorIdentity.name), 300),
        country,
      };
    }
    if (attributedBy && attributorIdentity.name === attributedBy.name) used.add(attributorIdentity.id);
  }
  attributedBy ??= { kind: 'company', name: 'Unknown attributor', country: null };

  const noteText = (index.notesOn.get(relationship.id) ?? [])
    .map((note) => stringOf(note.content))
    .find((text) => text !== null);
  // Walked even when our extension names the sponsor, so that the objects saying it are marked as read.
  const sponsorInGraph = sponsorCountryOf(actor, index, used);
  const aliases = [...new Set(stringsOf(actor.aliases).filter((alias) => alias.trim() !== ''))].slice(0, 50);
  return {
    attributedBy,
    attributedOn:
      dateOf(claim?.attributed_on) ??
      dateOf(relationship.created) ??
      dateOf(incident.created) ??
      '1970-01-01',
    basis: oneOf(claim?.basis, ATTRIBUTION_BASES) ?? 'technical',
    actor: {
      name: clip(stringOf(actor.name) ?? 'Unknown actor', 200),
      kind: actor.type === 'intrusion-set' ? 'intrusion_set' : 'threat_actor',
      ...(aliases.length > 0 ? { aliases: aliases.map((alias) => clip(alias, 200)) } : {}),
      sponsorCountry: countryOf(claim?.sponsor_country) ?? sponsorInGraph,
    },
    confidence: confidenceLevelOf(relationship.confidence),
    sources,
    notes: claim ? stringOf(claim.notes) : (noteText ?? null),
  };
}

/** A sponsor State in the graph: threat-actor → attributed-to → State identity → located-at, or intrusion-set → originates-from. */
function sponsorCountryOf(actor: StixObject, index: Index, used: Set<string>): string | null {
  for (const relationship of index.relationshipsFrom.get(actor.id) ?? []) {
    const target = index.byId.get(String(relationship.target_ref));
    if (!target) continue;
    if (relationship.relationship_type === 'originates-from' && target.type === 'location') {
      const country = countryOf(target.country);
      if (country) {
        used.add(relationship.id);
        used.add(target.id);
        return country;
      }
    }
    if (relationship.relationship_type === 'attributed-to' && target.type === 'identity') {
      const roles = stringsOf(target.roles);
      if (
        ownCodeAmong(roles, ['state'] as const) === null &&
        !stringsOf(target.sectors).includes('government-national')
      ) {
        continue;
      }
      const country = locatedCountry(target.id, index, used);
      if (country) {
        used.add(relationship.id);
        used.add(target.id);
        return country;
      }
    }
  }
  return null;
}
