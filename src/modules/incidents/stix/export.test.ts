import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { TLP_LABELS, type TlpLabel } from '../../../core/access/tlp.ts';
import {
  INCIDENT_CORE_EXTENSION_ID,
  tlpMarkingRef,
  UN_NORMS_EXTENSION_ID,
  UN_NORMS_EXTENSION_SCHEMA_PATH,
  unNormsExtensionSchema,
  validateStixBundle,
  validateStixObjects,
} from '../../sharing/index.ts';
import { ANONYMISED_VICTIM_NAME, incidentsToStixBundle, incidentToStix, stixIdOfIncident } from './export.ts';
import { richIncident, sparseIncident } from './fixtures.ts';

const OPTIONS = {
  publicUrl: 'https://cg.example.org/',
  instanceIdentity: { name: 'Common Ground (example)' },
};
/** Objects OASIS publishes, reproduced unchanged: no marking of ours, creators outside the bundle. */
const OASIS_PUBLISHED = new Set([
  'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d',
  'extension-definition--ef765651-680c-498d-9894-99799f2fa126',
  'extension-definition--7cc33dd6-f6a1-489b-98ea-522d351d71b9',
  'extension-definition--4ca6de00-5b0d-45ef-a1dc-ea7279ea910e',
]);
const OASIS_CREATORS = new Set([
  'identity--8ce3f695-d5a4-4dc8-9e93-a65af453a31a',
  'identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01',
]);

type Obj = Record<string, unknown> & { type: string; id: string };
const exported = (incident = richIncident()) => incidentToStix(incident, OPTIONS) as Obj[];
const ofType = (objects: Obj[], type: string) => objects.filter((object) => object.type === type);
const byId = (objects: Obj[], id: unknown) => objects.find((object) => object.id === id);
const only = <T>(items: T[]): T => {
  expect(items).toHaveLength(1);
  return items[0] as T;
};

/** Every id an object refers to, in *_ref and *_refs properties at any depth (extension keys aside). */
function referencesOf(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) referencesOf(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.endsWith('_ref') && typeof item === 'string') found.push(item);
      else if (key.endsWith('_refs') && Array.isArray(item))
        found.push(...item.filter((ref) => typeof ref === 'string'));
      else referencesOf(item, found);
    }
  }
  return found;
}

describe('incidentToStix: validity', () => {
  it('exports a rich and a sparse record as objects that each validate against their own schema', () => {
    for (const incident of [richIncident(), sparseIncident()]) {
      const objects = exported(incident);
      expect(validateStixObjects(objects)).toEqual([]);
      expect(validateStixBundle(incidentsToStixBundle([incident], OPTIONS))).toEqual({
        ok: true,
        errors: [],
        failures: [],
      });
    }
  });

  it('validates under every TLP label, every object carrying the label (ours definitions: CLEAR)', () => {
    for (const { label } of TLP_LABELS) {
      const objects = exported(richIncident({ tlp: label }));
      expect(validateStixObjects(objects)).toEqual([]);
      for (const object of objects) {
        if (object.type === 'marking-definition' || OASIS_PUBLISHED.has(object.id)) {
          expect(object.object_marking_refs).toBeUndefined();
        } else if (object.id === UN_NORMS_EXTENSION_ID || object.identity_class === 'system') {
          expect(object.object_marking_refs).toEqual([tlpMarkingRef('TLP:CLEAR')]);
        } else {
          expect(object.object_marking_refs, `${object.id} is marked ${label}`).toEqual([
            tlpMarkingRef(label),
          ]);
        }
      }
      const markingIds = ofType(objects, 'marking-definition').map((marking) => marking.id);
      expect(markingIds).toContain(tlpMarkingRef(label));
      expect(markingIds).toContain(tlpMarkingRef('TLP:CLEAR'));
    }
  });

  it('refers only to objects in the bundle (OASIS creators of published definitions aside)', () => {
    const objects = exported();
    const ids = new Set(objects.map((object) => object.id));
    const dangling = referencesOf(objects).filter((ref) => !ids.has(ref) && !OASIS_CREATORS.has(ref));
    expect(dangling).toEqual([]);
    expect(new Set(objects.map((object) => object.id)).size).toBe(objects.length);
  });

  it('gives the same objects when exported again, in a new bundle each time', () => {
    expect(exported()).toEqual(exported());
    const first = incidentsToStixBundle([richIncident()], OPTIONS);
    const second = incidentsToStixBundle([richIncident()], OPTIONS);
    expect(first.id).not.toBe(second.id);
    expect(first.objects).toEqual(second.objects);
  });

  it('shares the objects incidents have in common within a TLP level, not across levels', () => {
    const green = exported(richIncident());
    const otherGreen = exported(richIncident({ id: 'inc_other' }));
    const red = exported(richIncident({ tlp: 'TLP:RED' }));
    const france = (objects: Obj[]) =>
      ofType(objects, 'location').find((location) => location.country === 'FR')?.id;
    expect(france(green)).toBe(france(otherGreen));
    expect(france(green)).not.toBe(france(red));
    expect(only(ofType(green, 'incident')).id).not.toBe(only(ofType(otherGreen, 'incident')).id);
    const bundle = incidentsToStixBundle([richIncident(), richIncident({ id: 'inc_other' })], OPTIONS);
    expect(
      ofType(bundle.objects as Obj[], 'location').filter((location) => location.country === 'FR'),
    ).toHaveLength(1);
    expect(validateStixBundle(bundle).ok).toBe(true);
  });
});

describe('incidentToStix: the incident', () => {
  const objects = exported();
  const incident = only(ofType(objects, 'incident'));
  const extensions = incident.extensions as Record<string, Record<string, unknown>>;
  const core = extensions[INCIDENT_CORE_EXTENSION_ID] ?? {};
  const norms = extensions[UN_NORMS_EXTENSION_ID] ?? {};

  it('carries the title, description, creator, record link and dates of the record', () => {
    expect(incident.id).toBe(stixIdOfIncident('inc_01HZX3K8Q2'));
    expect(incident.name).toBe('Ransomware attack on a university hospital');
    expect(incident.created).toBe('2024-03-02T08:00:00.000Z');
    expect(incident.modified).toBe('2024-04-16T10:00:00.000Z');
    expect(byId(objects, incident.created_by_ref)).toMatchObject({ type: 'identity', name: 'CERT Example' });
    expect(incident.external_references).toEqual([
      {
        source_name: 'common-ground',
        url: 'https://cg.example.org/incidents/inc_01HZX3K8Q2',
        external_id: 'inc_01HZX3K8Q2',
      },
    ]);
  });

  it('fills the incident core extension from the record', () => {
    expect(core).toMatchObject({
      extension_type: 'property-extension',
      determination: 'successful-attempt',
      investigation_status: 'open',
      criticality: richIncident().intensity.score * 10,
    });
    // STIX's word for every consumer, ours beside it where ours says more.
    expect(core.incident_types).toEqual([
      'ransomware',
      'data-exfiltration',
      'data-theft',
      'denial-of-service',
      'ddos',
    ]);
    const impacts = (core.impact_refs as string[]).map((ref) => byId(objects, ref));
    expect(impacts.map((impact) => impact?.impact_category)).toEqual([
      'availability',
      'confidentiality',
      'integrity',
      'physical',
      'monetary',
    ]);
    const event = byId(objects, (core.events as Array<{ event_ref: string }>)[0]?.event_ref);
    expect(event).toMatchObject({
      type: 'event',
      status: 'occurred',
      start_time: '2024-03-01T00:00:00.000Z',
      end_time: '2024-03-04T00:00:00.000Z',
    });
  });

  it('writes each impact with its category details', () => {
    const impact = (category: string) =>
      ofType(objects, 'impact').find((item) => item.impact_category === category);
    expect(impact('availability')).toMatchObject({
      start_time: '2024-03-01T00:00:00.000Z',
      end_time: '2024-03-04T00:00:00.000Z',
      extensions: { availability: { availability_impact: 75 } },
    });
    expect(impact('confidentiality')).toMatchObject({
      impacted_entity_counts: { individual: 120_000 },
      extensions: {
        confidentiality: { information_type: 'pii', loss_type: 'confirmed-loss', record_count: 250_000 },
      },
    });
    expect(impact('physical')?.description).toBe('Infusion pumps had to be reset by hand.');
    expect(impact('monetary')).toMatchObject({
      extensions: {
        monetary: { variety: 'uncategorized', currency: 'USD', min_amount: 4_500_000, max_amount: 4_500_000 },
      },
    });
    expect(ofType(exported(sparseIncident()), 'impact')).toEqual([]);
  });

  it('puts norms, law questions, harm, responses and sub-sectors in our extension', () => {
    expect(norms.norms).toEqual([
      {
        code: '13f',
        citation: 'A/70/174, para. 13(f)',
        rationale: 'Hospital systems are critical infrastructure.',
      },
      {
        code: '13c',
        citation: 'A/70/174, para. 13(c)',
        rationale: 'Operated from the territory of a State that knew.',
      },
    ]);
    expect(norms.law_questions).toEqual([
      { topic: 'due_diligence', note: 'Did the territorial State act on notification?' },
      { topic: 'sovereignty' },
    ]);
    expect(norms.harm).toEqual({
      hospital_services_disrupted: 3,
      patients_redirected: 140,
      people_data_leaked: 120_000,
      notes: 'Emergency admissions diverted for two days.',
    });
    expect(norms.targeted_sectors).toEqual([
      { sector: 'health', sub_sector: 'hospitals' },
      { sector: 'digital_infrastructure' },
    ]);
    expect(norms.incident_status).toBe('contained');
    const sparse = only(ofType(exported(sparseIncident()), 'incident')).extensions as Record<string, unknown>;
    expect(sparse[UN_NORMS_EXTENSION_ID]).toEqual({
      extension_type: 'property-extension',
      incident_status: 'unknown',
    });
  });

  it('publishes the extension definition with the schema under the public URL, and the schema checks the content', () => {
    const definition = byId(objects, UN_NORMS_EXTENSION_ID);
    expect(definition?.schema).toBe(`https://cg.example.org${UN_NORMS_EXTENSION_SCHEMA_PATH}`);
    expect(byId(objects, definition?.created_by_ref)).toMatchObject({
      type: 'identity',
      identity_class: 'system',
    });
    const served = unNormsExtensionSchema('https://cg.example.org/');
    expect(served.$id).toBe(definition?.schema);
    const check = new Ajv2020({ strict: false }).compile(served);
    expect(check(norms)).toBe(true);
    expect(check({ ...norms, norms: [{ code: '13f' }] })).toBe(false);
  });
});

describe('incidentToStix: targets, attributions and sources', () => {
  const objects = exported();
  const incidentId = stixIdOfIncident('inc_01HZX3K8Q2');
  const relationships = ofType(objects, 'relationship');
  const targetsOf = (type: string) =>
    relationships
      .filter(
        (relationship) =>
          relationship.source_ref === incidentId && relationship.relationship_type === 'targets',
      )
      .map((relationship) => byId(objects, relationship.target_ref))
      .filter((target) => target?.type === type);

  it('targets countries, sector classes and victims', () => {
    expect(targetsOf('location').map((location) => location?.country)).toEqual(['FR', 'BE']);
    const identities = targetsOf('identity');
    expect(
      identities
        .filter((identity) => identity?.identity_class === 'class')
        .map((identity) => identity?.sectors),
    ).toEqual([
      ['healthcare', 'health'],
      ['infrastructure', 'digital-infrastructure'],
    ]);
    const named = identities.find((identity) => identity?.name === 'Hôpital Universitaire Exemple');
    expect(named).toMatchObject({
      identity_class: 'organization',
      roles: ['hospital'],
      sectors: ['healthcare', 'health'],
    });
    const located = relationships.find(
      (relationship) =>
        relationship.source_ref === named?.id && relationship.relationship_type === 'located-at',
    );
    expect(byId(objects, located?.target_ref)?.country).toBe('FR');
  });

  it('keeps an anonymised victim down to its class and sectors', () => {
    const anonymised = only(
      ofType(objects, 'identity').filter((identity) => identity.name === ANONYMISED_VICTIM_NAME),
    );
    const { type, spec_version, id, created, modified, created_by_ref, object_marking_refs, ...rest } =
      anonymised;
    expect(rest).toEqual({
      name: ANONYMISED_VICTIM_NAME,
      identity_class: 'organization',
      sectors: ['infrastructure', 'digital-infrastructure'],
    });
    expect(
      relationships.some(
        (relationship) => relationship.source_ref === id && relationship.relationship_type === 'located-at',
      ),
    ).toBe(false);
    // Its id comes from the record, not from anything about the victim.
    const renamed = richIncident();
    renamed.victims = renamed.victims.map((victim) => ({ ...victim, sector: 'energy', country: 'DE' }));
    expect(exported(renamed).some((object) => object.id === id)).toBe(true);
  });

  it('writes each attribution as a relationship with confidence, sources, a note and a sighting', () => {
    const attributed = relationships.filter(
      (relationship) =>
        relationship.source_ref === incidentId && relationship.relationship_type === 'attributed-to',
    );
    expect(attributed.map((relationship) => relationship.confidence)).toEqual([85, 50]);
    const [first, second] = attributed;
    const actor = byId(objects, first?.target_ref);
    expect(actor).toMatchObject({
      type: 'threat-actor',
      name: 'GRIMSPIDER',
      aliases: ['Grim Spider', 'TA-505x'],
    });
    expect(byId(objects, second?.target_ref)).toMatchObject({ type: 'intrusion-set', name: 'Cluster 42' });
    expect(first?.external_references).toEqual([
      {
        source_name: 'Government of Exampleland',
        url: 'https://gov.example/statement',
        description: 'Statement on the hospital attack',
      },
      {
        source_name: 'archive',
        url: 'https://archive.example/gov-statement',
        description: 'Archived on 2024-04-16',
      },
    ]);
    expect(
      (first?.extensions as Record<string, { attribution: unknown }> | undefined)?.[UN_NORMS_EXTENSION_ID]
        ?.attribution,
    ).toMatchObject({
      attributed_by: { kind: 'state', name: 'Government of Exampleland', country: 'FR' },
      attributed_on: '2024-04-15',
      basis: 'political',
      sponsor_country: 'XX',
    });
    const note = only(
      ofType(objects, 'note').filter((item) => (item.object_refs as string[]).includes(first?.id ?? '')),
    );
    expect(note.content).toContain('basis: political; confidence: high');
    expect(note.authors).toEqual(['Government of Exampleland']);
    const sighting = only(ofType(objects, 'sighting').filter((item) => item.sighting_of_ref === actor?.id));
    expect(byId(objects, (sighting.where_sighted_refs as string[])[0])).toMatchObject({
      type: 'identity',
      name: 'Government of Exampleland',
      roles: ['state'],
    });
    expect(sighting).toMatchObject({
      first_seen: '2024-03-01T00:00:00.000Z',
      last_seen: '2024-03-04T00:00:00.000Z',
    });
  });

  it('ties sponsor States: threat actor to a State identity, intrusion set to where it originates', () => {
    const actorOf = (name: string) =>
      ofType(objects, 'threat-actor')
        .concat(ofType(objects, 'intrusion-set'))
        .find((a) => a.name === name);
    const from = (sourceId: unknown, type: string) =>
      relationships.filter(
        (relationship) => relationship.source_ref === sourceId && relationship.relationship_type === type,
      );
    const state = byId(objects, only(from(actorOf('GRIMSPIDER')?.id, 'attributed-to')).target_ref);
    expect(state).toMatchObject({ type: 'identity', roles: ['state'] });
    expect(byId(objects, only(from(state?.id, 'located-at')).target_ref)?.country).toBe('XX');
    expect(byId(objects, only(from(actorOf('Cluster 42')?.id, 'originates-from')).target_ref)?.country).toBe(
      'YY',
    );
  });

  it('writes each source as a report on the incident, with its archive', () => {
    const reports = ofType(objects, 'report');
    expect(reports.map((report) => report.name)).toEqual(['Hospital hit by ransomware', 'Leak site post']);
    expect(reports[0]).toMatchObject({
      published: '2024-03-02T00:00:00.000Z',
      object_refs: [incidentId],
      external_references: [
        {
          source_name: 'Example News',
          url: 'https://news.example/hospital-ransomware',
          description: 'Hospital hit by ransomware',
        },
        {
          source_name: 'archive',
          url: 'https://archive.example/news',
          description: 'Archived on 2024-03-03',
        },
      ],
    });
    expect(reports[1]).toMatchObject({
      published: '2024-03-02T08:00:00.000Z',
      labels: ['publication-date-unknown'],
      external_references: [
        { source_name: 'source', url: 'https://leaks.example/post/123', description: 'Leak site post' },
        { source_name: 'archive', description: 'Archived on 2024-03-10' },
      ],
    });
  });

  it('refuses a record whose TLP STIX cannot carry', () => {
    expect(() => exported(richIncident({ tlp: 'TLP:WHITE' as TlpLabel }))).toThrow(/TLP/);
  });
});
