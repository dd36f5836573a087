import { describe, expect, it } from 'vitest';
import {
  attributionBodyOf,
  attributionFormOf,
  checkAttributionForm,
  emptyAttributionForm,
  parseAliases,
} from './attributionForm.ts';
import {
  checkIncidentForm,
  createBodyOf,
  emptyIncidentForm,
  emptySourceRow,
  emptyVictimRow,
  fieldsOf,
  type IncidentForm,
  incidentFormOf,
  parseFigure,
  parseIdList,
  updateBodyOf,
} from './form.ts';
import type { Incident } from './types.ts';

const SOURCE = {
  url: 'https://news.example.org/2026/03/hospital-ransomware',
  title: 'Hospital group hit by ransomware',
  publisher: 'Example News',
  publishedOn: '2026-03-04',
  archivedOn: null,
  archiveUrl: null,
};

function incident(): Incident {
  return {
    id: 'inc_1',
    organization: { id: 'org_watch', name: 'Health Incident Watch' },
    title: 'Ransomware attack on a regional hospital group',
    description: 'Encryption of clinical systems.',
    startedOn: '2026-03-01',
    endedOn: null,
    status: 'ended',
    types: ['ransomware', 'data_theft'],
    countries: ['KE', 'UG'],
    regions: ['002'],
    sectors: [{ sector: 'health', subSector: 'hospitals' }],
    victims: [
      {
        name: 'Lakeside Hospitals Group',
        isAnonymised: false,
        kind: 'hospital',
        country: 'KE',
        sector: 'health',
      },
      { name: null, isAnonymised: true, kind: 'company', country: 'UG', sector: null },
    ],
    impacts: {
      availability: { affected: true, durationHours: 216 },
      confidentiality: { affected: true, recordsExposed: 250_000 },
      integrity: { affected: false },
      physical: { affected: false, description: null },
      economic: { affected: false, lossUsd: null },
    },
    harm: {
      hospitalServicesDisrupted: 3,
      patientsRedirected: 0,
      peopleDataLeaked: null,
      essentialServicesLost: null,
      notes: null,
    },
    intensity: {
      score: 7,
      breakdown: { availability: 3, confidentiality: 2, integrity: 0, physical: 0, economic: 0, people: 1 },
    },
    attributions: [],
    responses: [
      {
        kind: 'statement',
        by: 'Ministry of Health',
        byCountry: 'KE',
        respondedOn: '2026-03-06',
        description: null,
        sources: [SOURCE],
      },
    ],
    norms: [{ code: '13f', citation: 'A/70/174, para. 13(f)', rationale: 'Hospital services impaired.' }],
    lawQuestions: [{ topic: 'due_diligence', note: null }],
    sources: [SOURCE],
    tlp: 'TLP:CLEAR',
    visibility: 'public',
    participantOrgIds: [],
    participantUserIds: [],
    editorialState: 'published',
    version: 1,
    createdAt: '2026-03-02T10:00:00.000Z',
    updatedAt: '2026-03-02T10:00:00.000Z',
    publishedAt: '2026-03-03T10:00:00.000Z',
    corrections: [],
    permissions: { canEdit: true, canReview: false },
  };
}

const withForm = (change: (form: IncidentForm) => void): IncidentForm => {
  const form = incidentFormOf(incident());
  change(form);
  return form;
};

describe('the incident editor’s payload', () => {
  it('gives back the record it was opened with, field for field', () => {
    const record = incident();
    const fields = fieldsOf(incidentFormOf(record));
    expect(fields).toMatchObject({
      title: record.title,
      startedOn: '2026-03-01',
      endedOn: null,
      types: record.types,
      countries: record.countries,
      sectors: record.sectors,
      victims: record.victims,
      impacts: record.impacts,
      harm: record.harm,
      norms: [{ code: '13f', rationale: 'Hospital services impaired.' }],
      lawQuestions: record.lawQuestions,
      sources: record.sources,
      participantOrgIds: [],
    });
    expect(fields.responses).toEqual([{ ...record.responses[0] }]);
  });

  it('keeps "not known" apart from zero in harm figures', () => {
    const fields = fieldsOf(
      withForm((form) => {
        form.harm.patientsRedirected = '0';
        form.harm.peopleDataLeaked = '';
        form.harm.essentialServicesLost = ' 12 ';
      }),
    );
    expect(fields.harm).toMatchObject({
      patientsRedirected: 0,
      peopleDataLeaked: null,
      essentialServicesLost: 12,
    });
    expect(parseFigure('1e6')).toBeNaN();
    expect(parseFigure('-3')).toBeNaN();
  });

  it('drops the name of an anonymised victim, a sub-sector of another sector, and rows left empty', () => {
    const fields = fieldsOf(
      withForm((form) => {
        const first = form.victims[0];
        if (first) first.isAnonymised = true;
        form.victims.push(emptyVictimRow());
        form.sectors.push({ key: 'x', sector: 'energy', subSector: 'hospitals' });
        form.sources.push(emptySourceRow());
      }),
    );
    expect(fields.victims).toEqual([
      { name: null, isAnonymised: true, kind: 'hospital', country: 'KE', sector: 'health' },
      { name: null, isAnonymised: true, kind: 'company', country: 'UG', sector: null },
    ]);
    expect(fields.sectors).toEqual([
      { sector: 'health', subSector: 'hospitals' },
      { sector: 'energy', subSector: null },
    ]);
    expect(fields.sources).toHaveLength(1);
  });

  it('forgets the figures of an impact that is unticked', () => {
    const fields = fieldsOf(
      withForm((form) => {
        form.impacts.availability.affected = false;
      }),
    );
    expect(fields.impacts.availability).toEqual({ affected: false, durationHours: null });
  });

  it('creates with the organization and every field', () => {
    const form = emptyIncidentForm('org_watch');
    form.title = '  Wiper against a grid operator ';
    form.types = ['wiper'];
    form.participantOrgIds = 'org_a, org_b\norg_a';
    expect(createBodyOf(form)).toMatchObject({
      orgId: 'org_watch',
      title: 'Wiper against a grid operator',
      types: ['wiper'],
      tlp: 'TLP:CLEAR',
      visibility: 'public',
      participantOrgIds: ['org_a', 'org_b'],
    });
    expect(parseIdList(' usr_1;usr_2  usr_3 ')).toEqual(['usr_1', 'usr_2', 'usr_3']);
  });

  it('sends only what changed, with the correction note, so the public log names only those fields', () => {
    const initial = incidentFormOf(incident());
    const edited = structuredClone(initial);
    edited.harm.patientsRedirected = '140';
    edited.title = 'Ransomware attack on a regional hospital group ';
    expect(updateBodyOf(initial, edited, ' Ministry revised the figure. ')).toEqual({
      harm: {
        hospitalServicesDisrupted: 3,
        patientsRedirected: 140,
        peopleDataLeaked: null,
        essentialServicesLost: null,
        notes: null,
      },
      correction: 'Ministry revised the figure.',
    });
    expect(updateBodyOf(initial, structuredClone(initial), 'nothing')).toBeNull();
  });
});

describe('checkIncidentForm', () => {
  it('accepts a complete record', () => {
    expect(checkIncidentForm(incidentFormOf(incident()), { needsCorrection: false })).toEqual({});
  });

  it('names each field to put right, down to the row', () => {
    const form = withForm((record) => {
      record.title = ' ';
      record.types = [];
      record.endedOn = '2026-02-01';
      record.harm.peopleDataLeaked = 'many';
      record.impacts.confidentiality.recordsExposed = '12.5';
      record.victims.push({ ...emptyVictimRow(), kind: 'hospital' });
      record.norms.push({ key: 'n', code: '13f', rationale: '' });
      record.sources.push({ ...emptySourceRow(), url: 'javascript:alert(1)' });
    });
    expect(checkIncidentForm(form, { needsCorrection: true })).toEqual({
      title: 'required',
      types: 'chooseType',
      endedOn: 'endBeforeStart',
      'harm.peopleDataLeaked': 'invalidFigure',
      'impacts.confidentiality.recordsExposed': 'invalidFigure',
      'victims.2.name': 'nameOrAnonymise',
      'norms.1.rationale': 'required',
      'norms.1.code': 'duplicate',
      'sources.1.url': 'invalidUrl',
      'sources.1.title': 'required',
      correction: 'correctionRequired',
    });
  });
});

describe('the attribution form', () => {
  const attribution: Incident['attributions'][number] = {
    id: 'att_1',
    attributedBy: { kind: 'state', name: 'Government of Kenya', country: 'KE' },
    attributedOn: '2026-05-01',
    basis: 'political',
    actor: {
      id: 'act_1',
      name: 'Vice Lynx',
      kind: 'intrusion_set',
      aliases: ['VL-7', 'Lynx, Vice'],
      sponsorCountry: 'RU',
    },
    confidence: 'high',
    sources: [SOURCE],
    notes: null,
    daysAfterStart: 61,
    createdAt: '2026-05-02T00:00:00.000Z',
  };

  it('gives back the attribution it was opened with', () => {
    expect(attributionBodyOf(attributionFormOf(attribution))).toEqual({
      attributedBy: attribution.attributedBy,
      attributedOn: '2026-05-01',
      basis: 'political',
      actor: {
        name: 'Vice Lynx',
        kind: 'intrusion_set',
        aliases: ['VL-7', 'Lynx, Vice'],
        sponsorCountry: 'RU',
      },
      confidence: 'high',
      sources: [SOURCE],
      notes: null,
    });
  });

  it('reads aliases one per line, once each, without the actor’s own name', () => {
    expect(parseAliases('VL-7\n\nvice lynx\nVL-7; Lynx, Vice', 'Vice Lynx')).toEqual(['VL-7', 'Lynx, Vice']);
  });

  it('asks for who, when, basis, actor, confidence and at least one source', () => {
    expect(checkAttributionForm(emptyAttributionForm())).toEqual({
      attributorKind: 'required',
      attributorName: 'required',
      attributedOn: 'required',
      basis: 'required',
      actorName: 'required',
      confidence: 'required',
      'sources.0.url': 'required',
    });
  });
});
