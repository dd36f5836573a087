import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { TLP_LABELS } from '../../../core/access/tlp.ts';
import {
  IMPACT_EXTENSION_ID,
  INCIDENT_CORE_EXTENSION_ID,
  tlpMarkingDefinition,
  tlpMarkingRef,
} from '../../sharing/index.ts';
import type { IncidentOut } from '../incidents.schemas.ts';
import { Attribution } from '../incidents.schemas.ts';
import { incidentsToStixBundle, incidentToStix, stixIdOfIncident } from './export.ts';
import { attributionInputsOf, inputOf, richIncident, sparseIncident } from './fixtures.ts';
import { stixToIncidents } from './import.ts';

const OPTIONS = {
  publicUrl: 'https://cg.example.org',
  instanceIdentity: { name: 'Common Ground (example)' },
};

/** What an export followed by an import must give back: every field STIX carries (visibility it does not). */
function expectedInput(incident: IncidentOut) {
  const { visibility: _visibility, ...input } = inputOf(incident);
  return {
    ...input,
    // An anonymised victim is exported with its class and sectors only.
    victims: incident.victims.map((victim) =>
      victim.isAnonymised
        ? {
            ...victim,
            name: null,
            kind: victim.kind === 'individuals' ? 'individuals' : 'other',
            country: null,
          }
        : victim,
    ),
  };
}

/** An actor without aliases comes back without the property. */
function expectedAttributions(incident: IncidentOut) {
  return attributionInputsOf(incident).map((attribution) => {
    const { aliases, ...actor } = attribution.actor;
    return { ...attribution, actor: aliases.length > 0 ? { ...attribution.actor } : actor };
  });
}

describe('stixToIncidents: round trip of our own exports', () => {
  it('gives back the fields of a rich record and its attributions', () => {
    const incident = richIncident();
    const result = stixToIncidents(incidentsToStixBundle([incident], OPTIONS));
    expect(result.problems).toEqual([]);
    expect(result.incidents).toHaveLength(1);
    const [imported] = result.incidents;
    expect(imported?.stixId).toBe(stixIdOfIncident(incident.id));
    expect(imported?.input).toEqual(expectedInput(incident));
    expect(imported?.attributions).toEqual(expectedAttributions(incident));
    for (const attribution of imported?.attributions ?? [])
      expect(Value.Check(Attribution, attribution)).toBe(true);
  });

  it('gives back a sparse record', () => {
    const incident = sparseIncident();
    const [imported] = stixToIncidents(incidentToStix(incident, OPTIONS)).incidents;
    expect(imported?.input).toEqual(expectedInput(incident));
    expect(imported?.attributions).toEqual([]);
  });

  it('keeps the TLP label of every level', () => {
    for (const { label } of TLP_LABELS) {
      const [imported] = stixToIncidents(incidentToStix(richIncident({ tlp: label }), OPTIONS)).incidents;
      expect(imported?.input.tlp).toBe(label);
    }
  });

  it('keeps what it did not turn into fields: notes, sightings, the creators', () => {
    const result = stixToIncidents(incidentsToStixBundle([richIncident()], OPTIONS));
    const kept = result.kept as Array<{ type: string; name?: string }>;
    expect(kept.map((object) => object.type).sort()).toEqual([
      'identity',
      'identity',
      'note',
      'note',
      'sighting',
      'sighting',
    ]);
    expect(kept.filter((object) => object.type === 'identity').map((object) => object.name)).toEqual([
      'CERT Example',
      'Common Ground (example)',
    ]);
  });

  it('reads several incidents of one bundle, and objects they share once', () => {
    const result = stixToIncidents(
      incidentsToStixBundle([richIncident(), richIncident({ id: 'inc_2', title: 'Second' })], OPTIONS),
    );
    expect(result.incidents.map((incident) => incident.input.title)).toEqual([
      'Ransomware attack on a university hospital',
      'Second',
    ]);
    expect(result.incidents[1]?.input.countries).toEqual(['FR', 'BE']);
  });
});

describe('stixToIncidents: what it keeps and what it refuses', () => {
  const objects = () => incidentToStix(richIncident(), OPTIONS) as Array<Record<string, unknown>>;

  it('reports invalid objects with their id and imports the rest', () => {
    const list = objects();
    const incident = list.find((object) => object.type === 'incident') ?? {};
    const brokenReport: Record<string, unknown> = {
      ...list.find((object) => object.type === 'report'),
      published: 'yesterday',
    };
    const result = stixToIncidents([
      ...list.filter((object) => object.type !== 'report'),
      brokenReport,
      { type: 'indicator', id: 'nonsense' },
      42,
    ]);
    expect(result.problems.map((problem) => problem.id)).toEqual([
      brokenReport.id as string,
      'nonsense',
      null,
    ]);
    expect(result.problems[0]?.message).toContain('/published');
    expect(result.incidents).toHaveLength(1);
    expect(result.incidents[0]?.input.sources).toEqual([]);
    expect(result.incidents[0]?.stixId).toBe(incident.id);
  });

  it('keeps objects it does not map unchanged, and mapped ones that carry properties it does not read', () => {
    const indicator = {
      type: 'indicator',
      spec_version: '2.1',
      id: 'indicator--0e2b1c3a-9c4f-4f3e-8f5a-3c2b1a0f9e8d',
      created: '2024-03-01T00:00:00.000Z',
      modified: '2024-03-01T00:00:00.000Z',
      pattern: "[ipv4-addr:value = '198.51.100.3']",
      pattern_type: 'stix',
      valid_from: '2024-03-01T00:00:00.000Z',
    };
    const custom = {
      type: 'x-acme-dossier',
      spec_version: '2.1',
      id: 'x-acme-dossier--1b4e28ba-2fa1-41d2-883f-0016d3cca427',
      created: '2024-03-01T00:00:00.000Z',
      modified: '2024-03-01T00:00:00.000Z',
      x_acme_folder: 'A-12',
    };
    const list = objects().map((object) =>
      object.type === 'incident' ? { ...object, x_acme_priority: 2 } : object,
    );
    const result = stixToIncidents([...list, indicator, custom]);
    expect(result.kept).toContain(indicator);
    expect(result.kept).toContainEqual(custom);
    const keptIncident = result.kept.find((object) => (object as { type: string }).type === 'incident');
    expect(keptIncident).toMatchObject({ x_acme_priority: 2 });
    expect(result.incidents[0]?.input.title).toBe('Ransomware attack on a university hospital');
  });

  it('does not import an attribution without a source and says so', () => {
    const list = objects().map((object) => {
      if (
        object.type !== 'relationship' ||
        object.relationship_type !== 'attributed-to' ||
        object.source_ref !== stixIdOfIncident(richIncident().id)
      ) {
        return object;
      }
      const { external_references: _references, extensions: _extensions, ...bare } = object;
      return bare;
    });
    const result = stixToIncidents(list);
    expect(result.incidents[0]?.attributions).toEqual([]);
    expect(result.problems).toHaveLength(2);
    expect(result.problems[0]?.message).toContain('without a source');
  });

  it('accepts a single object, and refuses what is not STIX', () => {
    const incident = objects().find((object) => object.type === 'incident');
    expect(stixToIncidents(incident).incidents).toHaveLength(1);
    expect(stixToIncidents('bundle').problems).toEqual([
      { id: null, message: 'Expected a STIX bundle, an object or a list of objects.' },
    ]);
    expect(
      stixToIncidents({ type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d' }).incidents,
    ).toEqual([]);
  });
});

describe('stixToIncidents: other producers', () => {
  const T = '2024-05-01T12:00:00.000Z';
  const common = { spec_version: '2.1', created: T, modified: T };
  const incidentId = 'incident--b754abee-6de5-4b4e-8125-8dab1ca199fe';
  const victimId = 'identity--3f1a6c5e-2b4d-4e8f-9a7b-1c2d3e4f5a6b';
  const actorId = 'intrusion-set--9a8a0d25-7636-429b-a99e-b2a73cd0f11f';
  const bundle = {
    type: 'bundle',
    id: 'bundle--f607171d-3b62-40ac-a00b-84b5afc44d5f',
    objects: [
      {
        type: 'incident',
        ...common,
        id: incidentId,
        name: 'Water utility intrusion',
        description: 'Remote access to the control system.',
        object_marking_refs: ['marking-definition--f88d31f6-486f-44da-b317-01333bde0b82'],
        external_references: [
          { source_name: 'CERT-X', url: 'https://cert-x.example/advisory/7', description: 'Advisory 7' },
        ],
        extensions: {
          [INCIDENT_CORE_EXTENSION_ID]: {
            extension_type: 'property-extension',
            determination: 'successful-attempt',
            investigation_status: 'closed',
            incident_types: ['denial-of-service', 'unauthorized-access-system'],
            impact_refs: [
              'impact--0c9511ac-e14b-4f48-9d49-54bfc93c9b34',
              'impact--dde347a5-e695-4b58-bc7e-00712abdc9a6',
            ],
          },
        },
      },
      {
        type: 'impact',
        ...common,
        id: 'impact--0c9511ac-e14b-4f48-9d49-54bfc93c9b34',
        impact_category: 'availability',
        start_time: '2024-04-30T06:00:00.000Z',
        end_time: '2024-04-30T18:00:00.000Z',
        extensions: {
          [IMPACT_EXTENSION_ID]: { extension_type: 'new-sdo' },
          availability: { availability_impact: 60 },
        },
      },
      {
        type: 'impact',
        ...common,
        id: 'impact--dde347a5-e695-4b58-bc7e-00712abdc9a6',
        impact_category: 'monetary',
        extensions: {
          [IMPACT_EXTENSION_ID]: { extension_type: 'new-sdo' },
          monetary: { variety: 'ransom-payment', currency: 'usd', min_amount: 10000, max_amount: 12000 },
        },
      },
      {
        type: 'identity',
        ...common,
        id: victimId,
        name: 'City Water',
        identity_class: 'organization',
        sectors: ['water'],
      },
      { type: 'location', ...common, id: 'location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64', country: 'nl' },
      { type: 'intrusion-set', ...common, id: actorId, name: 'Blue Heron', aliases: ['BH'] },
      {
        type: 'relationship',
        ...common,
        id: 'relationship--1621d4d4-b67d-41e3-9670-f01faf20d111',
        relationship_type: 'targets',
        source_ref: incidentId,
        target_ref: victimId,
      },
      {
        type: 'relationship',
        ...common,
        id: 'relationship--2621d4d4-b67d-41e3-9670-f01faf20d111',
        relationship_type: 'targets',
        source_ref: incidentId,
        target_ref: 'location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64',
      },
      {
        type: 'relationship',
        ...common,
        id: 'relationship--3621d4d4-b67d-41e3-9670-f01faf20d111',
        relationship_type: 'attributed-to',
        source_ref: incidentId,
        target_ref: actorId,
        confidence: 60,
        external_references: [
          { source_name: 'Vendor', url: 'https://vendor.example/blue-heron', description: 'Blue Heron' },
        ],
      },
      {
        type: 'report',
        ...common,
        id: 'report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3',
        name: 'Utility hit',
        published: '2024-05-02T00:00:00Z',
        object_refs: [incidentId],
        external_references: [{ source_name: 'News', url: 'https://news.example/utility' }],
      },
      {
        type: 'marking-definition',
        spec_version: '2.1',
        id: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
        created: '2017-01-20T00:00:00.000Z',
        definition_type: 'tlp',
        name: 'TLP:AMBER',
        definition: { tlp: 'amber' },
      },
    ],
  };

  it('maps an incident written with STIX and the incident core extension alone', () => {
    const result = stixToIncidents(bundle);
    expect(result.problems).toEqual([]);
    const [imported] = result.incidents;
    expect(imported?.input).toMatchObject({
      title: 'Water utility intrusion',
      types: ['disruption', 'espionage'],
      status: 'ended',
      countries: ['NL'],
      victims: [
        { name: 'City Water', isAnonymised: false, kind: 'other', country: null, sector: 'drinking_water' },
      ],
      impacts: {
        availability: { affected: true, durationHours: 12 },
        economic: { affected: true, lossUsd: 12000 },
        confidentiality: { affected: false, recordsExposed: null },
      },
      sources: [
        {
          url: 'https://news.example/utility',
          title: 'Utility hit',
          publisher: 'News',
          publishedOn: '2024-05-02',
          archivedOn: null,
          archiveUrl: null,
        },
        {
          url: 'https://cert-x.example/advisory/7',
          title: 'Advisory 7',
          publisher: 'CERT-X',
          publishedOn: null,
          archivedOn: null,
          archiveUrl: null,
        },
      ],
      tlp: 'TLP:AMBER',
      norms: [],
    });
    expect(imported?.attributions).toEqual([
      {
        attributedBy: { kind: 'company', name: 'Unknown attributor', country: null },
        attributedOn: '2024-05-01',
        basis: 'technical',
        actor: { name: 'Blue Heron', kind: 'intrusion_set', aliases: ['BH'], sponsorCountry: null },
        confidence: 'medium',
        sources: [
          {
            url: 'https://vendor.example/blue-heron',
            title: 'Blue Heron',
            publisher: 'Vendor',
            publishedOn: null,
            archivedOn: null,
            archiveUrl: null,
          },
        ],
        notes: null,
      },
    ]);
    expect(result.kept).toEqual([]);
  });

  it('reads TLP 2.0 markings, the most restrictive one winning', () => {
    const objects = bundle.objects.map((object) =>
      object.type === 'incident'
        ? { ...object, object_marking_refs: [tlpMarkingRef('TLP:GREEN'), tlpMarkingRef('TLP:AMBER+STRICT')] }
        : object,
    );
    const result = stixToIncidents([...objects, tlpMarkingDefinition('TLP:AMBER+STRICT')]);
    expect(result.incidents[0]?.input.tlp).toBe('TLP:AMBER+STRICT');
  });
});

describe('stixToIncidents: the record takes the strictest label of what it is built from', () => {
  it('raises the label to an attribution marked more strictly than the incident', () => {
    const objects = incidentToStix(richIncident({ tlp: 'TLP:CLEAR' }), OPTIONS) as Array<
      Record<string, unknown>
    >;
    const attribution = objects.find(
      (object) => object.type === 'relationship' && object.relationship_type === 'attributed-to',
    )!;
    attribution.object_marking_refs = [tlpMarkingRef('TLP:AMBER')];
    objects.push(tlpMarkingDefinition('TLP:AMBER') as unknown as Record<string, unknown>);
    const [imported] = stixToIncidents(objects).incidents;
    expect(imported!.input.tlp).toBe('TLP:AMBER');
  });

  it('counts granular markings too', () => {
    const objects = incidentToStix(sparseIncident({ tlp: 'TLP:GREEN' }), OPTIONS) as Array<
      Record<string, unknown>
    >;
    const incident = objects.find((object) => object.type === 'incident')!;
    incident.granular_markings = [{ marking_ref: tlpMarkingRef('TLP:RED'), selectors: ['description'] }];
    const [imported] = stixToIncidents(objects).incidents;
    expect(imported!.input.tlp).toBe('TLP:RED');
  });
});
