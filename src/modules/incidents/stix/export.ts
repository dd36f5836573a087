import { isTlpLabel, type TlpLabel } from '../../../core/access/tlp.ts';
import { COUNTRIES } from '../../../core/reference/countries.ts';
import { isSectorCode, sectorLabel } from '../../../core/reference/sectors.ts';
import {
  buildUnNormsExtension,
  EVENT_EXTENSION_DEFINITION,
  EVENT_EXTENSION_ID,
  IMPACT_EXTENSION_DEFINITION,
  IMPACT_EXTENSION_ID,
  INCIDENT_CORE_EXTENSION_DEFINITION,
  INCIDENT_CORE_EXTENSION_ID,
  makeBundle,
  type StixBundle,
  stableStixId,
  TLP_2_0_EXTENSION_DEFINITION,
  tlpMarkingDefinition,
  tlpMarkingRef,
  UN_NORMS_EXTENSION_ID,
  unNormsExtensionDefinition,
} from '../../sharing/index.ts';
import { CONFIDENCE_STIX } from '../catalog.ts';
import type { IncidentOut } from '../incidents.schemas.ts';
import { identityClassOfKind, stixIncidentTypes, stixRole, stixSectors } from './vocab.ts';

/**
 * An incident record as STIX 2.1 objects. docs/stix.md has the field-by-field table; in short:
 *
 * - the `incident` SDO carries the OASIS Incident Core Extension (determination, investigation status,
 *   incident types, criticality from our intensity, impact and event references) and our UN norms
 *   extension (norms, law questions, harm, responses, sub-sectors, status);
 * - impacts are `impact` SDOs, one per affected category; the incident's dates are an `event`;
 * - targets are `targets` relationships to `location` (countries), `identity` victims (an anonymised
 *   victim keeps only its identity class and sectors, under a placeholder name) and `identity` classes
 *   (targeted sectors);
 * - each attribution is an `attributed-to` relationship to a `threat-actor` or `intrusion-set`, with the
 *   confidence, its sources as external references and who attributed, when and why in our extension;
 *   a `note` says the same in words, and a `sighting` records that the attributor saw the actor (the
 *   attributor identity is where it was sighted), dated by the incident;
 * - each source is a `report` on the incident, with the archived copy as a second external reference.
 *
 * Every object carries the incident's TLP 2.0 marking. Objects the incident does not own (countries,
 * sector classes, actors, attributors, the recording organization) get ids from their own key and the
 * TLP label, so each TLP level has one consistent version of them that consumers can merge across
 * incidents; the incident's own objects get ids from the incident's id. Re-exporting gives the same ids.
 * What OASIS publishes (marking and extension definitions) is reproduced as published, unmarked.
 */

export interface InstanceIdentity {
  /** The instance's name, as other instances and TAXII clients see it. */
  name: string;
  contactInformation?: string;
}

export interface StixExportOptions {
  /** The instance's public URL (config.publicUrl). */
  publicUrl: string;
  instanceIdentity: InstanceIdentity;
}

export type StixObject = Record<string, unknown> & { type: string; id: string };

/** created/modified of objects that do not change with any one incident. */
const REFERENCE_TIME = '2025-01-01T00:00:00.000Z';
/** The name an anonymised victim is given: nothing that could identify it. */
export const ANONYMISED_VICTIM_NAME = 'Anonymised victim';
export const UNNAMED_VICTIM_NAME = 'Unnamed victim';
/** Label of a report whose source has no known publication date (its `published` is the record's). */
export const UNKNOWN_PUBLICATION_LABEL = 'publication-date-unknown';
export const ARCHIVE_SOURCE_NAME = 'archive';
export const DEFAULT_SOURCE_NAME = 'source';
/** source_name of the external reference that links an incident to its page on the instance. */
export const RECORD_SOURCE_NAME = 'common-ground';

const COUNTRY_NAMES: ReadonlyMap<string, string> = new Map(
  COUNTRIES.map((country) => [country.code, country.names.en]),
);

function trimmedBase(publicUrl: string): string {
  return publicUrl.replace(/\/+$/, '');
}

/** A STIX timestamp (UTC, milliseconds) from an ISO instant. */
function timestamp(instant: string): string {
  return new Date(instant).toISOString();
}

/** A calendar date (YYYY-MM-DD) as the timestamp of its first instant, UTC. */
function dayStart(date: string): string {
  return `${date}T00:00:00.000Z`;
}

export function instanceIdentityId(publicUrl: string): string {
  return stableStixId('identity', `instance:${trimmedBase(publicUrl)}`);
}

/** The identity object of the instance: the creator of our extension definition and of shared objects. */
export function instanceIdentityObject(options: StixExportOptions): StixObject {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: instanceIdentityId(options.publicUrl),
    created: REFERENCE_TIME,
    modified: REFERENCE_TIME,
    name: options.instanceIdentity.name,
    identity_class: 'system',
    ...(options.instanceIdentity.contactInformation
      ? { contact_information: options.instanceIdentity.contactInformation }
      : {}),
    external_references: [{ source_name: RECORD_SOURCE_NAME, url: trimmedBase(options.publicUrl) }],
    object_marking_refs: [tlpMarkingRef('TLP:CLEAR')],
  };
}

interface SourceLike {
  url: string;
  title: string;
  publisher: string | null;
  publishedOn: string | null;
  archivedOn: string | null;
  archiveUrl: string | null;
}

function externalReferencesOf(sources: readonly SourceLike[]): Array<Record<string, string>> {
  const references: Array<Record<string, string>> = [];
  for (const source of sources) {
    references.push({
      source_name: source.publisher ?? DEFAULT_SOURCE_NAME,
      url: source.url,
      description: source.title,
    });
    references.push(...archiveReferences(source));
  }
  return references;
}

function archiveReferences(source: SourceLike): Array<Record<string, string>> {
  if (!source.archiveUrl && !source.archivedOn) return [];
  const description = source.archivedOn ? `Archived on ${source.archivedOn}` : 'Archived copy';
  return [
    source.archiveUrl
      ? { source_name: ARCHIVE_SOURCE_NAME, url: source.archiveUrl, description }
      : { source_name: ARCHIVE_SOURCE_NAME, description },
  ];
}

function sourceContent(source: SourceLike) {
  return {
    url: source.url,
    title: source.title,
    publisher: source.publisher,
    published_on: source.publishedOn,
    archived_on: source.archivedOn,
    archive_url: source.archiveUrl,
  };
}

function exportIncidentObjects(incident: IncidentOut, options: StixExportOptions): StixObject[] {
  if (!isTlpLabel(incident.tlp)) throw new Error(`Incident ${incident.id} has no TLP label STIX can carry`);
  const tlp: TlpLabel = incident.tlp;
  const marking = [tlpMarkingRef(tlp)];
  const instanceId = instanceIdentityId(options.publicUrl);
  const created = timestamp(incident.createdAt);
  const modified = timestamp(incident.updatedAt);
  const incidentKey = `incident:${incident.id}`;
  const incidentId = stableStixId('incident', incidentKey);
  const objects: StixObject[] = [];
  const seen = new Set<string>();
  const add = (object: StixObject): string => {
    if (!seen.has(object.id)) {
      seen.add(object.id);
      objects.push(object);
    }
    return object.id;
  };

  /** An object shared between incidents: one version per TLP level, created by the instance. */
  const shared = (type: string, key: string, properties: Record<string, unknown>): StixObject => ({
    type,
    spec_version: '2.1',
    id: stableStixId(type, `${key}|${tlp}`),
    created_by_ref: instanceId,
    created: REFERENCE_TIME,
    modified: REFERENCE_TIME,
    ...properties,
    object_marking_refs: marking,
  });

  const organizationId = add(
    shared('identity', `organization:${incident.organization.id}`, {
      name: incident.organization.name,
      identity_class: 'organization',
    }),
  );

  /** An object of this incident: created by the recording organization, dated by the record. */
  const owned = (type: string, key: string, properties: Record<string, unknown>): StixObject => ({
    type,
    spec_version: '2.1',
    id: stableStixId(type, `${incidentKey}:${key}`),
    created_by_ref: organizationId,
    created,
    modified,
    ...properties,
    object_marking_refs: marking,
  });

  const relate = (
    sourceRef: string,
    relationshipType: string,
    targetRef: string,
    ownedByIncident: boolean,
    properties: Record<string, unknown> = {},
  ): string => {
    const key = `${sourceRef}|${relationshipType}|${targetRef}`;
    return add(
      ownedByIncident
        ? owned('relationship', key, {
            relationship_type: relationshipType,
            source_ref: sourceRef,
            target_ref: targetRef,
            ...properties,
          })
        : shared('relationship', key, {
            relationship_type: relationshipType,
            source_ref: sourceRef,
            target_ref: targetRef,
            ...properties,
          }),
    );
  };

  const countryLocation = (code: string): string =>
    add(
      shared('location', `country:${code}`, {
        country: code,
        ...(COUNTRY_NAMES.has(code) ? { name: COUNTRY_NAMES.get(code) } : {}),
      }),
    );

  // Impacts, one `impact` per affected category.
  const { impacts, harm } = incident;
  const impactRefs: string[] = [];
  const impact = (
    category: string,
    details: Record<string, unknown>,
    properties: Record<string, unknown> = {},
  ) => {
    impactRefs.push(
      add(
        owned('impact', `impact:${category}`, {
          impact_category: category,
          ...(incident.startedOn
            ? { start_time: dayStart(incident.startedOn), start_time_fidelity: 'day' }
            : {}),
          ...properties,
          extensions: { [IMPACT_EXTENSION_ID]: { extension_type: 'new-sdo' }, [category]: details },
        }),
      ),
    );
  };
  if (impacts.availability.affected) {
    const hours = impacts.availability.durationHours;
    const end =
      incident.startedOn && hours !== null
        ? { end_time: new Date(Date.parse(dayStart(incident.startedOn)) + hours * 3_600_000).toISOString() }
        : {};
    // Appendix A of the suite: significant (50), denial (75), and beyond a week, loss of control (90).
    const level = [0, 50, 75, 90][incident.intensity.breakdown.availability] ?? 50;
    impact('availability', { availability_impact: level }, end);
  }
  if (impacts.confidentiality.affected) {
    const leaked = harm.peopleDataLeaked;
    impact(
      'confidentiality',
      {
        information_type: leaked !== null && leaked > 0 ? 'pii' : 'unspecified',
        loss_type: 'confirmed-loss',
        ...(impacts.confidentiality.recordsExposed !== null
          ? { record_count: impacts.confidentiality.recordsExposed }
          : {}),
      },
      leaked !== null && leaked > 0 ? { impacted_entity_counts: { individual: leaked } } : {},
    );
  }
  if (impacts.integrity.affected) {
    const destructive = incident.types.includes('wiper') || incident.types.includes('sabotage');
    impact('integrity', {
      information_type: 'unspecified',
      alteration: destructive ? 'partial-destruction' : 'partial-modification',
    });
  }
  if (impacts.physical.affected) {
    impact(
      'physical',
      { asset_type: 'unspecified', impact_type: 'damaged-functional' },
      impacts.physical.description ? { description: impacts.physical.description } : {},
    );
  }
  if (impacts.economic.affected) {
    const loss = impacts.economic.lossUsd;
    impact(
      'monetary',
      loss !== null
        ? { variety: 'uncategorized', currency: 'USD', min_amount: loss, max_amount: loss }
        : { variety: 'uncategorized' },
    );
  }

  // The incident's time line: one event with its start, end and whether it is over.
  const eventStatus =
    { ongoing: 'ongoing', contained: 'occurred', ended: 'occurred' }[incident.status] ?? 'undetermined';
  const eventId = add(
    owned('event', 'timeline', {
      name: incident.title,
      status: eventStatus,
      ...(incident.startedOn ? { start_time: dayStart(incident.startedOn), start_time_fidelity: 'day' } : {}),
      ...(incident.endedOn ? { end_time: dayStart(incident.endedOn), end_time_fidelity: 'day' } : {}),
      extensions: { [EVENT_EXTENSION_ID]: { extension_type: 'new-sdo' } },
    }),
  );

  const anyImpact = Object.values(impacts).some((category) => category.affected);
  const incidentTypes = stixIncidentTypes(incident.types);
  const norms = buildUnNormsExtension({
    norms: incident.norms.map((norm) => ({
      code: norm.code,
      citation: norm.citation,
      rationale: norm.rationale,
    })),
    law_questions: incident.lawQuestions.map((question) => ({ topic: question.topic, note: question.note })),
    harm: {
      hospital_services_disrupted: harm.hospitalServicesDisrupted,
      patients_redirected: harm.patientsRedirected,
      people_data_leaked: harm.peopleDataLeaked,
      essential_services_lost: harm.essentialServicesLost,
      notes: harm.notes,
    },
    responses: incident.responses.map((response) => ({
      kind: response.kind,
      by: response.by,
      by_country: response.byCountry,
      responded_on: response.respondedOn,
      description: response.description,
      sources: response.sources.map(sourceContent),
    })),
    targeted_sectors: incident.sectors.map((target) => ({
      sector: target.sector,
      sub_sector: target.subSector,
    })),
    incident_status: incident.status,
    availability_hours: impacts.availability.affected ? impacts.availability.durationHours : null,
  });
  objects.unshift({
    type: 'incident',
    spec_version: '2.1',
    id: incidentId,
    created_by_ref: organizationId,
    created,
    modified,
    name: incident.title,
    ...(incident.description ? { description: incident.description } : {}),
    external_references: [
      {
        source_name: RECORD_SOURCE_NAME,
        url: `${trimmedBase(options.publicUrl)}/incidents/${encodeURIComponent(incident.id)}`,
        external_id: incident.id,
      },
    ],
    extensions: {
      [INCIDENT_CORE_EXTENSION_ID]: {
        extension_type: 'property-extension',
        determination: anyImpact ? 'successful-attempt' : 'suspected',
        investigation_status: incident.status === 'ended' ? 'closed' : 'open',
        criticality: Math.min(100, Math.max(0, incident.intensity.score * 10)),
        ...(incidentTypes.length > 0 ? { incident_types: incidentTypes } : {}),
        ...(impactRefs.length > 0 ? { impact_refs: impactRefs } : {}),
        events: [{ event_ref: eventId }],
      },
      ...(norms ? { [UN_NORMS_EXTENSION_ID]: norms } : {}),
    },
    object_marking_refs: marking,
  });
  seen.add(incidentId);

  // Targets: countries, targeted sectors, victims.
  for (const code of incident.countries) relate(incidentId, 'targets', countryLocation(code), true);
  for (const target of incident.sectors) {
    const label = isSectorCode(target.sector) ? sectorLabel(target.sector, 'en') : target.sector;
    const sectors = stixSectors(target.sector);
    const classId = add(
      shared('identity', `sector:${target.sector}:${target.subSector ?? ''}`, {
        name: target.subSector
          ? `${label} sector (${target.subSector.replaceAll('_', ' ')})`
          : `${label} sector`,
        identity_class: 'class',
        ...(sectors.length > 0 ? { sectors } : {}),
      }),
    );
    relate(incidentId, 'targets', classId, true);
  }
  incident.victims.forEach((victim, index) => {
    const sectors = victim.sector ? stixSectors(victim.sector) : [];
    const victimId = add(
      owned('identity', `victim:${index}`, {
        name: victim.isAnonymised ? ANONYMISED_VICTIM_NAME : (victim.name ?? UNNAMED_VICTIM_NAME),
        identity_class: identityClassOfKind(victim.kind),
        ...(sectors.length > 0 ? { sectors } : {}),
        // An anonymised victim keeps only its class and sectors: its role and country could single it out.
        ...(victim.isAnonymised ? {} : { roles: [stixRole(victim.kind)] }),
      }),
    );
    relate(incidentId, 'targets', victimId, true);
    if (!victim.isAnonymised && victim.country)
      relate(victimId, 'located-at', countryLocation(victim.country), true);
  });

  // Attributions.
  for (const attribution of incident.attributions) {
    const { actor, attributedBy } = attribution;
    const actorType = actor.kind === 'intrusion_set' ? 'intrusion-set' : 'threat-actor';
    const aliases = actor.aliases.filter((alias) => alias !== actor.name);
    const actorId = add(
      shared(actorType, `actor:${actor.id}`, {
        name: actor.name,
        ...(aliases.length > 0 ? { aliases } : {}),
      }),
    );
    if (actor.sponsorCountry) {
      const sponsorLocation = countryLocation(actor.sponsorCountry);
      if (actorType === 'intrusion-set') {
        relate(actorId, 'originates-from', sponsorLocation, false);
      } else {
        const countryName = COUNTRY_NAMES.get(actor.sponsorCountry) ?? actor.sponsorCountry;
        const stateId = add(
          shared('identity', `state:${actor.sponsorCountry}`, {
            name: `State of ${countryName}`,
            identity_class: 'organization',
            sectors: ['government-national'],
            roles: ['state'],
          }),
        );
        relate(stateId, 'located-at', sponsorLocation, false);
        relate(actorId, 'attributed-to', stateId, false);
      }
    }
    const attributorId = add(
      shared('identity', `attributor:${attributedBy.kind}:${attributedBy.name.trim().toLowerCase()}`, {
        name: attributedBy.name,
        identity_class: identityClassOfKind(attributedBy.kind),
        roles: [stixRole(attributedBy.kind)],
      }),
    );
    if (attributedBy.country)
      relate(attributorId, 'located-at', countryLocation(attributedBy.country), false);

    const confidence = CONFIDENCE_STIX[attribution.confidence as keyof typeof CONFIDENCE_STIX];
    const attributionContent = buildUnNormsExtension({
      attribution: {
        attributed_by: { kind: attributedBy.kind, name: attributedBy.name, country: attributedBy.country },
        attributed_on: attribution.attributedOn,
        basis: attribution.basis,
        sponsor_country: actor.sponsorCountry,
        notes: attribution.notes,
        sources: attribution.sources.map(sourceContent),
      },
    });
    const summary = `Attributed to ${actor.name} by ${attributedBy.name} (${attributedBy.kind.replaceAll('_', ' ')}${attributedBy.country ? `, ${attributedBy.country}` : ''}) on ${attribution.attributedOn}; basis: ${attribution.basis}; confidence: ${attribution.confidence}.`;
    const attributionCreated = timestamp(attribution.createdAt);
    const relationshipId = add({
      ...owned('relationship', `attribution:${attribution.id}`, {
        relationship_type: 'attributed-to',
        source_ref: incidentId,
        target_ref: actorId,
        description: summary,
        ...(confidence !== undefined ? { confidence } : {}),
        ...(attribution.sources.length > 0
          ? { external_references: externalReferencesOf(attribution.sources) }
          : {}),
        ...(attributionContent ? { extensions: { [UN_NORMS_EXTENSION_ID]: attributionContent } } : {}),
      }),
      created: attributionCreated,
      modified: attributionCreated > modified ? attributionCreated : modified,
    });
    add(
      owned('note', `attribution:${attribution.id}`, {
        abstract: `Attribution to ${actor.name}`,
        content: attribution.notes ? `${summary}\n\n${attribution.notes}` : summary,
        authors: [attributedBy.name],
        object_refs: [relationshipId, incidentId],
      }),
    );
    add(
      owned('sighting', `attribution:${attribution.id}`, {
        sighting_of_ref: actorId,
        where_sighted_refs: [attributorId],
        description: summary,
        count: 1,
        ...(incident.startedOn ? { first_seen: dayStart(incident.startedOn) } : {}),
        ...(incident.startedOn && incident.endedOn && incident.endedOn >= incident.startedOn
          ? { last_seen: dayStart(incident.endedOn) }
          : {}),
        ...(confidence !== undefined ? { confidence } : {}),
      }),
    );
  }

  // Sources, one report each, in the record's order.
  for (const source of incident.sources) {
    add(
      owned('report', `source:${source.url}`, {
        name: source.title,
        report_types: ['threat-report'],
        published: source.publishedOn ? dayStart(source.publishedOn) : created,
        ...(source.publishedOn ? {} : { labels: [UNKNOWN_PUBLICATION_LABEL] }),
        object_refs: [incidentId],
        external_references: externalReferencesOf([source]),
      }),
    );
  }

  return objects;
}

/**
 * The STIX objects of one incident: the incident and everything it refers to, then the definitions
 * they need (TLP markings, the OASIS extension definitions, ours and the instance's identity).
 */
export function incidentToStix(incident: IncidentOut, options: StixExportOptions): object[] {
  const objects = exportIncidentObjects(incident, options);
  const tlp = incident.tlp as TlpLabel;
  const definitions: object[] = [
    tlpMarkingDefinition(tlp),
    ...(tlp === 'TLP:CLEAR' ? [] : [tlpMarkingDefinition('TLP:CLEAR')]),
    TLP_2_0_EXTENSION_DEFINITION,
    INCIDENT_CORE_EXTENSION_DEFINITION,
    EVENT_EXTENSION_DEFINITION,
    ...(objects.some((object) => object.type === 'impact') ? [IMPACT_EXTENSION_DEFINITION] : []),
    unNormsExtensionDefinition({
      publicUrl: options.publicUrl,
      createdByRef: instanceIdentityId(options.publicUrl),
    }),
    instanceIdentityObject(options),
  ];
  return [...objects, ...definitions];
}

/** A bundle of one or more incidents; objects they share appear once. */
export function incidentsToStixBundle(
  incidents: readonly IncidentOut[],
  options: StixExportOptions,
): StixBundle {
  return makeBundle(incidents.flatMap((incident) => incidentToStix(incident, options)));
}

/** The STIX id an incident record is exported under. */
export function stixIdOfIncident(incidentId: string): string {
  return stableStixId('incident', `incident:${incidentId}`);
}
