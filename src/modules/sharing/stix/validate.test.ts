import { describe, expect, it } from 'vitest';
import { TLP_LABELS } from '../../../core/access/tlp.ts';
import { UN_NORMS_EXTENSION_ID, unNormsExtensionDefinition } from './extension.ts';
import {
  EVENT_EXTENSION_DEFINITION,
  EVENT_EXTENSION_ID,
  IMPACT_EXTENSION_DEFINITION,
  IMPACT_EXTENSION_ID,
  INCIDENT_CORE_EXTENSION_DEFINITION,
  INCIDENT_CORE_EXTENSION_ID,
  TASK_EXTENSION_ID,
} from './incident-core.ts';
import { TLP_2_0_EXTENSION_DEFINITION, tlpMarkingDefinition } from './markings.ts';
import { validateStixBundle, validateStixObject, validateStixObjects } from './validate.ts';

const T0 = '2024-03-01T10:00:00.000Z';
const T1 = '2024-03-02T10:00:00.000Z';
const GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';
const IDENTITY = 'identity--0b8f34a2-7f0c-4c2e-8a55-7f3b2bb3a0f1';
const INCIDENT = 'incident--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f';
const ACTOR = 'threat-actor--56f3f0db-b5d5-431c-ae56-c18f02caf500';

const sdo = <Extra extends Record<string, unknown>>(type: string, uuid: string, extra: Extra) => ({
  type,
  spec_version: '2.1',
  id: `${type}--${uuid}`,
  created: T0,
  modified: T1,
  created_by_ref: IDENTITY,
  object_marking_refs: [GREEN],
  ...extra,
});

function errorsOf(object: unknown): string[] {
  const result = validateStixObject(object);
  return result.ok ? [] : result.errors;
}

function expectValid(object: unknown): void {
  expect(errorsOf(object)).toEqual([]);
}

function expectInvalid(object: unknown, fragment: string): void {
  const errors = errorsOf(object);
  expect(errors.length).toBeGreaterThan(0);
  expect(errors.join('\n')).toContain(fragment);
}

describe('validateStixObject: SDOs', () => {
  const incident = sdo('incident', '8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', {
    name: 'Ransomware at a regional hospital',
    description: 'Services were down for three days.',
    extensions: {
      [INCIDENT_CORE_EXTENSION_ID]: {
        extension_type: 'property-extension',
        determination: 'successful-attempt',
        investigation_status: 'open',
        criticality: 70,
        incident_types: ['ransomware'],
        impact_refs: ['impact--0c9511ac-e14b-4f48-9d49-54bfc93c9b34'],
      },
    },
  });

  it('accepts an incident with the incident core extension', () => {
    expectValid(incident);
  });

  it('accepts identity, location, threat-actor, intrusion-set, report, note and attack-pattern', () => {
    expectValid(
      sdo('identity', '0b8f34a2-7f0c-4c2e-8a55-7f3b2bb3a0f1', {
        name: 'CERT',
        identity_class: 'organization',
      }),
    );
    expectValid(sdo('location', 'a6e9345f-5a15-4c29-8bb3-7dcc5d168d64', { country: 'FR' }));
    expectValid(
      sdo('threat-actor', '56f3f0db-b5d5-431c-ae56-c18f02caf500', { name: 'APT-X', aliases: ['X'] }),
    );
    expectValid(sdo('intrusion-set', '4e78f46f-a023-4e5f-bc24-71b3ca22ec29', { name: 'Cluster 9' }));
    expectValid(
      sdo('report', '84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3', {
        name: 'Vendor write-up',
        published: '2024-03-05T00:00:00.000Z',
        object_refs: [INCIDENT],
        external_references: [{ source_name: 'vendor', url: 'https://example.org/report' }],
      }),
    );
    expectValid(
      sdo('note', '0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061', {
        content: 'Basis: technical.',
        object_refs: [INCIDENT],
      }),
    );
    expectValid(
      sdo('attack-pattern', '7e33a43e-e34b-40ec-89da-36c9bb2cacd5', { name: 'Network Denial of Service' }),
    );
  });

  it('rejects an incident without a name, a location without a place, a report without published', () => {
    const { name: _name, ...nameless } = incident;
    expectInvalid(nameless, "must have required property 'name'");
    expectInvalid(sdo('location', 'a6e9345f-5a15-4c29-8bb3-7dcc5d168d64', { name: 'Nowhere' }), 'anyOf');
    expectInvalid(
      sdo('report', '84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3', { name: 'R', object_refs: [INCIDENT] }),
      "required property 'published'",
    );
  });

  it('rejects missing or malformed common properties', () => {
    const { created: _created, ...noCreated } = incident;
    expectInvalid(noCreated, "required property 'created'");
    expectInvalid({ ...incident, spec_version: '2.0' }, '/spec_version must be "2.1"');
    const { spec_version: _version, ...noVersion } = incident;
    expectInvalid(noVersion, '/spec_version is required');
    expectInvalid({ ...incident, id: 'incident--not-a-uuid' }, '/id must be of the form incident--<uuid>');
    expectInvalid(
      { ...incident, id: ACTOR.replace('threat-actor', 'indicator') },
      '/id must start with its type',
    );
    expectInvalid({ ...incident, created: '2024-03-01T10:00:00Z' }, '/created');
    expectInvalid({ ...incident, modified: '2024-02-01T10:00:00.000Z' }, 'modified must not be earlier');
    expectInvalid({ ...incident, confidence: 101 }, '/confidence');
    expectInvalid({ ...incident, object_marking_refs: [] }, '/object_marking_refs');
    expectInvalid({ ...incident, Name: 'capitalised custom property' }, 'additional properties');
  });

  it('checks the content of the incident core extension', () => {
    const core = incident.extensions[INCIDENT_CORE_EXTENSION_ID];
    expectInvalid(
      { ...incident, extensions: { [INCIDENT_CORE_EXTENSION_ID]: { ...core, determination: 'confirmed' } } },
      '/determination must be equal to one of the allowed values',
    );
    expectInvalid(
      { ...incident, extensions: { [INCIDENT_CORE_EXTENSION_ID]: { ...core, criticality: 170 } } },
      '/criticality',
    );
    expectInvalid(
      { ...incident, extensions: { [INCIDENT_CORE_EXTENSION_ID]: { ...core, impact_refs: [IDENTITY] } } },
      '/impact_refs/0',
    );
    expectInvalid(
      { ...incident, extensions: { 'x-commonground-un-norms': { extension_type: 'property-extension' } } },
      'additional properties',
    );
  });

  it('rejects non-objects and objects without a type, and bundles given as objects', () => {
    expect(errorsOf(null)).toEqual(['(object) must be a JSON object']);
    expect(errorsOf([incident])).toEqual(['(object) must be a JSON object']);
    expect(errorsOf({ id: INCIDENT })).toEqual(['/type is required and must be a string']);
    expectInvalid(
      { type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects: [] },
      'not a STIX object',
    );
  });
});

describe('validateStixObject: SROs', () => {
  const relationship = sdo('relationship', '3a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', {
    relationship_type: 'attributed-to',
    source_ref: INCIDENT,
    target_ref: ACTOR,
    confidence: 50,
  });

  it('accepts relationships and sightings', () => {
    expectValid(relationship);
    expectValid(
      sdo('sighting', '2d6b8b0c-3a4e-4b0c-9c5f-0e8f8c3c1a7b', {
        sighting_of_ref: ACTOR,
        where_sighted_refs: [IDENTITY],
        first_seen: '2024-02-28T00:00:00.000Z',
        count: 1,
      }),
    );
  });

  it('rejects a relationship without target, to a bundle, or a sighting seen by a threat actor', () => {
    const { target_ref: _target, ...targetless } = relationship;
    expectInvalid(targetless, "required property 'target_ref'");
    expectInvalid(
      { ...relationship, target_ref: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d' },
      '/target_ref',
    );
    expectInvalid({ ...relationship, relationship_type: 'Attributed To' }, '/relationship_type');
    expectInvalid(
      sdo('sighting', '2d6b8b0c-3a4e-4b0c-9c5f-0e8f8c3c1a7b', {
        sighting_of_ref: ACTOR,
        where_sighted_refs: [ACTOR],
      }),
      '/where_sighted_refs/0',
    );
  });
});

describe('validateStixObject: SCOs', () => {
  it('accepts observables without created/modified and with or without spec_version', () => {
    expectValid({
      type: 'ipv4-addr',
      id: 'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4',
      value: '198.51.100.3',
    });
    expectValid({
      type: 'domain-name',
      spec_version: '2.1',
      id: 'domain-name--dd686e37-6889-53bd-8ae1-b1a503452613',
      value: 'example.org',
    });
    expectValid({
      type: 'file',
      spec_version: '2.1',
      id: 'file--5a2b3f76-abbe-5a4e-8408-8210ded802e8',
      name: 'a.exe',
      hashes: { 'SHA-256': 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f' },
    });
  });

  it('rejects observables without their required value or with a bad spec_version', () => {
    expectInvalid({ type: 'ipv4-addr', id: 'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4' }, "'value'");
    expectInvalid(
      {
        type: 'ipv4-addr',
        spec_version: '2.0',
        id: 'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4',
        value: '1.2.3.4',
      },
      'spec_version',
    );
    expectInvalid({ type: 'url', id: 'url--c1477287-23ac-5971-a010-5c287877fa60', value: 42 }, '/value');
  });
});

describe('validateStixObject: marking definitions', () => {
  it('accepts the five TLP 2.0 marking definitions', () => {
    for (const { label } of TLP_LABELS) expectValid(tlpMarkingDefinition(label));
  });

  it('accepts a TLP 1.0 marking and a statement marking', () => {
    expectValid({
      type: 'marking-definition',
      spec_version: '2.1',
      id: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
      created: '2017-01-20T00:00:00.000Z',
      definition_type: 'tlp',
      name: 'TLP:GREEN',
      definition: { tlp: 'green' },
    });
    expectValid({
      type: 'marking-definition',
      spec_version: '2.1',
      id: 'marking-definition--d0c1e1b4-3b5e-4b7f-9b0e-5a8b9c6d7e8f',
      created: T0,
      definition_type: 'statement',
      definition: { statement: 'Copyright 2024, Example Corp' },
    });
  });

  it('rejects a TLP 2.0 marking with a wrong level and a statement marking without its statement', () => {
    const green = tlpMarkingDefinition('TLP:GREEN');
    expectInvalid(
      {
        ...green,
        extensions: {
          [Object.keys(green.extensions)[0] ?? '']: {
            extension_type: 'property-extension',
            tlp_2_0: 'white',
          },
        },
      },
      '/tlp_2_0',
    );
    expectInvalid(
      {
        type: 'marking-definition',
        spec_version: '2.1',
        id: 'marking-definition--d0c1e1b4-3b5e-4b7f-9b0e-5a8b9c6d7e8f',
        created: T0,
        definition_type: 'statement',
        definition: { text: 'no statement' },
      },
      'oneOf',
    );
  });
});

describe('validateStixObject: extension definitions', () => {
  it('accepts the OASIS definitions we ship and ours', () => {
    expectValid(TLP_2_0_EXTENSION_DEFINITION);
    expectValid(INCIDENT_CORE_EXTENSION_DEFINITION);
    expectValid(IMPACT_EXTENSION_DEFINITION);
    expectValid(EVENT_EXTENSION_DEFINITION);
    expectValid(unNormsExtensionDefinition({ publicUrl: 'https://cg.example.org/', createdByRef: IDENTITY }));
  });

  it('rejects a definition without schema or version, and extension_properties on a property extension', () => {
    const ours = unNormsExtensionDefinition({ publicUrl: 'https://cg.example.org', createdByRef: IDENTITY });
    const { schema: _schema, ...schemaless } = ours;
    expectInvalid(schemaless, "required property 'schema'");
    expectInvalid({ ...ours, extension_types: ['sideways'] }, '/extension_types/0');
    expectInvalid({ ...ours, extension_properties: ['norms'] }, 'must NOT be valid');
  });

  it('checks the content of our UN norms extension', () => {
    const incident = sdo('incident', '8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', { name: 'x' });
    const withContent = (content: unknown) => ({
      ...incident,
      extensions: { [UN_NORMS_EXTENSION_ID]: content },
    });
    expectValid(
      withContent({
        extension_type: 'property-extension',
        norms: [
          { code: '13f', citation: 'A/70/174, para. 13(f)', rationale: 'Hospital systems were encrypted.' },
        ],
        law_questions: [{ topic: 'due_diligence' }],
      }),
    );
    expectInvalid(
      withContent({
        extension_type: 'property-extension',
        norms: [{ code: '13z', citation: 'x', rationale: 'y' }],
      }),
      '/norms/0/code',
    );
    expectInvalid(withContent({ extension_type: 'property-extension', norms: [] }), '/norms');
    expectInvalid(withContent({ extension_type: 'property-extension' }), 'fewer than 2 properties');
  });
});

describe('validateStixObject: custom and suite types', () => {
  const impact = sdo('impact', '5cbcf7ba-b278-4fb3-aa86-99a73743db82', {
    impact_category: 'availability',
    start_time: '2024-03-01T00:00:00.000Z',
    extensions: {
      [IMPACT_EXTENSION_ID]: { extension_type: 'new-sdo' },
      availability: { availability_impact: 70 },
    },
  });

  it('accepts impacts of each category, events and tasks', () => {
    expectValid(impact);
    const detailsByCategory: Record<string, unknown> = {
      confidentiality: { information_type: 'pii', loss_type: 'confirmed-loss', record_count: 120000 },
      integrity: { information_type: 'unspecified', alteration: 'partial-modification' },
      physical: { asset_type: 'ics-plc', impact_type: 'damaged-functional' },
      monetary: { variety: 'ransom-payment', currency: 'USD', min_amount: 10000, max_amount: 10000 },
      external: { impact_type: 'public-health' },
      traceability: { traceability_impact: 'partial-accountability' },
    };
    for (const [category, details] of Object.entries(detailsByCategory)) {
      expectValid({
        ...impact,
        impact_category: category,
        extensions: { [IMPACT_EXTENSION_ID]: { extension_type: 'new-sdo' }, [category]: details },
      });
    }
    expectValid(
      sdo('event', 'da2f25a7-b5d2-47e7-806d-75a2d61cda9f', {
        status: 'occurred',
        start_time: '2024-03-01T00:00:00.000Z',
        start_time_fidelity: 'day',
        extensions: { [EVENT_EXTENSION_ID]: { extension_type: 'new-sdo' } },
      }),
    );
    expectValid(
      sdo('task', '8824b710-60eb-4e00-9e1e-e1b4a40c9a62', {
        outcome: 'successful',
        task_types: ['negotiation'],
        extensions: { [TASK_EXTENSION_ID]: { extension_type: 'new-sdo' } },
      }),
    );
  });

  it('rejects impacts without their category extension or with bad details, and events without status', () => {
    expectInvalid(
      { ...impact, extensions: { [IMPACT_EXTENSION_ID]: { extension_type: 'new-sdo' } } },
      'named after impact_category',
    );
    expectInvalid(
      { ...impact, extensions: { ...impact.extensions, availability: { availability_impact: 170 } } },
      '/extensions/availability/availability_impact',
    );
    expectInvalid(
      {
        ...impact,
        impact_category: 'confidentiality',
        extensions: {
          [IMPACT_EXTENSION_ID]: { extension_type: 'new-sdo' },
          confidentiality: { loss_type: 'confirmed-loss' },
        },
      },
      'information_type',
    );
    expectInvalid(
      {
        ...impact,
        impact_category: 'monetary',
        extensions: {
          [IMPACT_EXTENSION_ID]: { extension_type: 'new-sdo' },
          monetary: { variety: 'x', min_amount: 1 },
        },
      },
      'max_amount',
    );
    const { created: _created, ...createdless } = impact;
    expectInvalid(createdless, "required property 'created'");
    expectInvalid(
      sdo('event', 'da2f25a7-b5d2-47e7-806d-75a2d61cda9f', {
        extensions: { [EVENT_EXTENSION_ID]: { extension_type: 'new-sdo' } },
      }),
      "required property 'status'",
    );
  });

  it('checks custom x- types against the common core, as SDOs or SCOs by their shape', () => {
    expectValid(sdo('x-acme-campaign-note', '1b4e28ba-2fa1-41d2-883f-0016d3cca427', { x_acme_score: 3 }));
    expectValid({
      type: 'x-acme-wallet',
      id: 'x-acme-wallet--1b4e28ba-2fa1-41d2-883f-0016d3cca427',
      address: 'bc1q',
    });
    expectInvalid(
      { type: 'x-acme-thing', id: 'x-acme-thing--1b4e28ba-2fa1-41d2-883f-0016d3cca427', created: T0 },
      '/spec_version',
    );
    const { modified: _modified, ...unmodified } = sdo(
      'x-acme-thing',
      '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
      {},
    );
    expectInvalid(unmodified, "required property 'modified'");
    expectInvalid(
      sdo('x-acme-thing', '1b4e28ba-2fa1-41d2-883f-0016d3cca427', {
        id: 'x-other--1b4e28ba-2fa1-41d2-883f-0016d3cca427',
      }),
      '/id must start with its type',
    );
  });
});

describe('validateStixObjects and validateStixBundle: bundle members', () => {
  const good = sdo('identity', '0b8f34a2-7f0c-4c2e-8a55-7f3b2bb3a0f1', { name: 'CERT' });
  const bad = sdo('threat-actor', '56f3f0db-b5d5-431c-ae56-c18f02caf500', {});

  it('reports only the failures, with their index and id', () => {
    const failures = validateStixObjects([good, bad, 'text', good]);
    expect(failures.map(({ index, id }) => ({ index, id }))).toEqual([
      { index: 1, id: ACTOR },
      { index: 2, id: null },
    ]);
    expect(failures[0]?.errors.join()).toContain("'name'");
  });

  it('validates each member on its own: an incident with extensions passes where the bundle schema would fail it', () => {
    const incident = sdo('incident', '8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', {
      name: 'x',
      extensions: {
        [INCIDENT_CORE_EXTENSION_ID]: {
          extension_type: 'property-extension',
          determination: 'suspected',
          investigation_status: 'new',
        },
      },
    });
    const result = validateStixBundle({
      type: 'bundle',
      id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
      objects: [incident, good, tlpMarkingDefinition('TLP:GREEN')],
    });
    expect(result).toEqual({ ok: true, errors: [], failures: [] });
  });

  it('rejects a malformed envelope and names the failing member', () => {
    const result = validateStixBundle({ type: 'bundel', id: 'bundle--x', objects: [bad] });
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual(['/type must be "bundle"', '/id must be of the form bundle--<uuid>']);
    expect(result.failures.map((failure) => failure.id)).toEqual([ACTOR]);
    expect(
      validateStixBundle({ type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects: {} })
        .errors,
    ).toEqual(['/objects must be an array']);
  });
});
