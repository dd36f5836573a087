import { subSectorsOf } from './codes.ts';
import type {
  CreateIncidentBody,
  Incident,
  IncidentSource,
  SourceBody,
  UpdateIncidentBody,
} from './types.ts';

// The editor keeps every field as the text the person typed; these functions turn it into the API's payload
// and back, and check what can be checked before sending (the server checks all of it again).

let lastRowKey = 0;
/** A key for a repeatable row, stable while the row lives, so React keeps each row's inputs in place. */
export const newRowKey = (): string => `row-${++lastRowKey}`;

export type SourceRow = {
  key: string;
  url: string;
  title: string;
  publisher: string;
  publishedOn: string;
  archivedOn: string;
  archiveUrl: string;
};
export type SectorRow = { key: string; sector: string; subSector: string };
export type VictimRow = {
  key: string;
  name: string;
  isAnonymised: boolean;
  kind: string;
  country: string;
  sector: string;
};
export type ResponseRow = {
  key: string;
  kind: string;
  by: string;
  byCountry: string;
  respondedOn: string;
  description: string;
  sources: SourceRow[];
};
export type NormRow = { key: string; code: string; rationale: string };
export type LawRow = { key: string; topic: string; note: string };

export type IncidentForm = {
  orgId: string;
  title: string;
  description: string;
  startedOn: string;
  endedOn: string;
  status: string;
  types: string[];
  countries: string[];
  sectors: SectorRow[];
  victims: VictimRow[];
  impacts: {
    availability: { affected: boolean; durationHours: string };
    confidentiality: { affected: boolean; recordsExposed: string };
    integrity: { affected: boolean };
    physical: { affected: boolean; description: string };
    economic: { affected: boolean; lossUsd: string };
  };
  /** Empty means "not known", which the record keeps apart from zero. */
  harm: {
    hospitalServicesDisrupted: string;
    patientsRedirected: string;
    peopleDataLeaked: string;
    essentialServicesLost: string;
    notes: string;
  };
  responses: ResponseRow[];
  norms: NormRow[];
  lawQuestions: LawRow[];
  sources: SourceRow[];
  tlp: string;
  visibility: string;
  /** Ids separated by spaces, commas or new lines. */
  participantOrgIds: string;
  participantUserIds: string;
};

type Fields = Omit<CreateIncidentBody, 'orgId'>;
type RequiredFields = Required<Fields>;

export const emptySourceRow = (): SourceRow => ({
  key: newRowKey(),
  url: '',
  title: '',
  publisher: '',
  publishedOn: '',
  archivedOn: '',
  archiveUrl: '',
});
export const emptySectorRow = (): SectorRow => ({ key: newRowKey(), sector: '', subSector: '' });
export const emptyVictimRow = (): VictimRow => ({
  key: newRowKey(),
  name: '',
  isAnonymised: false,
  kind: '',
  country: '',
  sector: '',
});
export const emptyResponseRow = (): ResponseRow => ({
  key: newRowKey(),
  kind: '',
  by: '',
  byCountry: '',
  respondedOn: '',
  description: '',
  sources: [],
});
export const emptyNormRow = (): NormRow => ({ key: newRowKey(), code: '', rationale: '' });
export const emptyLawRow = (): LawRow => ({ key: newRowKey(), topic: '', note: '' });

export function emptyIncidentForm(orgId = ''): IncidentForm {
  return {
    orgId,
    title: '',
    description: '',
    startedOn: '',
    endedOn: '',
    status: 'unknown',
    types: [],
    countries: [],
    sectors: [],
    victims: [],
    impacts: {
      availability: { affected: false, durationHours: '' },
      confidentiality: { affected: false, recordsExposed: '' },
      integrity: { affected: false },
      physical: { affected: false, description: '' },
      economic: { affected: false, lossUsd: '' },
    },
    harm: {
      hospitalServicesDisrupted: '',
      patientsRedirected: '',
      peopleDataLeaked: '',
      essentialServicesLost: '',
      notes: '',
    },
    responses: [],
    norms: [],
    lawQuestions: [],
    sources: [],
    // CLEAR and public: most incident records are built from public reporting.
    tlp: 'TLP:CLEAR',
    visibility: 'public',
    participantOrgIds: '',
    participantUserIds: '',
  };
}

const text = (value: string | null | undefined): string => value ?? '';
const figure = (value: number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);

export function sourceRowOf(source: IncidentSource): SourceRow {
  return {
    key: newRowKey(),
    url: source.url,
    title: source.title,
    publisher: text(source.publisher),
    publishedOn: text(source.publishedOn),
    archivedOn: text(source.archivedOn),
    archiveUrl: text(source.archiveUrl),
  };
}

/** The editor's fields for an incident as the API returned it. */
export function incidentFormOf(incident: Incident): IncidentForm {
  const { impacts, harm } = incident;
  return {
    orgId: incident.organization.id,
    title: incident.title,
    description: incident.description,
    startedOn: text(incident.startedOn),
    endedOn: text(incident.endedOn),
    status: incident.status,
    types: [...incident.types],
    countries: [...incident.countries],
    sectors: incident.sectors.map((target) => ({
      key: newRowKey(),
      sector: target.sector,
      subSector: text(target.subSector),
    })),
    victims: incident.victims.map((victim) => ({
      key: newRowKey(),
      name: text(victim.name),
      isAnonymised: victim.isAnonymised,
      kind: victim.kind,
      country: text(victim.country),
      sector: text(victim.sector),
    })),
    impacts: {
      availability: {
        affected: impacts.availability.affected,
        durationHours: figure(impacts.availability.durationHours),
      },
      confidentiality: {
        affected: impacts.confidentiality.affected,
        recordsExposed: figure(impacts.confidentiality.recordsExposed),
      },
      integrity: { affected: impacts.integrity.affected },
      physical: { affected: impacts.physical.affected, description: text(impacts.physical.description) },
      economic: { affected: impacts.economic.affected, lossUsd: figure(impacts.economic.lossUsd) },
    },
    harm: {
      hospitalServicesDisrupted: figure(harm.hospitalServicesDisrupted),
      patientsRedirected: figure(harm.patientsRedirected),
      peopleDataLeaked: figure(harm.peopleDataLeaked),
      essentialServicesLost: figure(harm.essentialServicesLost),
      notes: text(harm.notes),
    },
    responses: incident.responses.map((response) => ({
      key: newRowKey(),
      kind: response.kind,
      by: response.by,
      byCountry: text(response.byCountry),
      respondedOn: text(response.respondedOn),
      description: text(response.description),
      sources: response.sources.map(sourceRowOf),
    })),
    norms: incident.norms.map((norm) => ({ key: newRowKey(), code: norm.code, rationale: norm.rationale })),
    lawQuestions: incident.lawQuestions.map((question) => ({
      key: newRowKey(),
      topic: question.topic,
      note: text(question.note),
    })),
    sources: incident.sources.map(sourceRowOf),
    tlp: incident.tlp,
    visibility: incident.visibility,
    participantOrgIds: incident.participantOrgIds.join('\n'),
    participantUserIds: incident.participantUserIds.join('\n'),
  };
}

const orNull = (value: string): string | null => (value.trim() ? value.trim() : null);

/** A figure typed by a person: empty is unknown (null), anything else a number (NaN if it is not one). */
export function parseFigure(value: string): number | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  return /^[0-9]+(\.[0-9]+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Ids typed one per line, or separated by spaces or commas; each once, in the order given. */
export function parseIdList(value: string): string[] {
  return [...new Set(value.split(/[\s,;]+/).filter(Boolean))];
}

export function sourceBodyOf(row: SourceRow): SourceBody {
  return {
    url: row.url.trim(),
    title: row.title.trim(),
    publisher: orNull(row.publisher),
    publishedOn: orNull(row.publishedOn),
    archivedOn: orNull(row.archivedOn),
    archiveUrl: orNull(row.archiveUrl),
  };
}

/** Every field of the record as the API takes it; rows left entirely empty are dropped. */
export function fieldsOf(form: IncidentForm): RequiredFields {
  const { impacts, harm } = form;
  const isFilled = (row: Record<string, unknown>) =>
    Object.entries(row).some(([key, value]) => key !== 'key' && typeof value === 'string' && value.trim());
  return {
    title: form.title.trim(),
    description: form.description.trim(),
    startedOn: orNull(form.startedOn),
    endedOn: orNull(form.endedOn),
    status: form.status as RequiredFields['status'],
    types: form.types as RequiredFields['types'],
    countries: [...form.countries],
    sectors: form.sectors
      .filter((row) => row.sector)
      .map((row) => ({
        sector: row.sector as RequiredFields['sectors'][number]['sector'],
        subSector: row.subSector && subSectorsOf(row.sector).includes(row.subSector) ? row.subSector : null,
      })),
    victims: form.victims
      .filter((row) => row.kind || row.name.trim())
      .map((row) => ({
        // An anonymised victim keeps no name, even one typed before the box was ticked.
        name: row.isAnonymised ? null : orNull(row.name),
        isAnonymised: row.isAnonymised,
        kind: row.kind as RequiredFields['victims'][number]['kind'],
        country: orNull(row.country),
        sector: orNull(row.sector) as RequiredFields['victims'][number]['sector'],
      })),
    impacts: {
      availability: {
        affected: impacts.availability.affected,
        durationHours: impacts.availability.affected ? parseFigure(impacts.availability.durationHours) : null,
      },
      confidentiality: {
        affected: impacts.confidentiality.affected,
        recordsExposed: impacts.confidentiality.affected
          ? parseFigure(impacts.confidentiality.recordsExposed)
          : null,
      },
      integrity: { affected: impacts.integrity.affected },
      physical: {
        affected: impacts.physical.affected,
        description: impacts.physical.affected ? orNull(impacts.physical.description) : null,
      },
      economic: {
        affected: impacts.economic.affected,
        lossUsd: impacts.economic.affected ? parseFigure(impacts.economic.lossUsd) : null,
      },
    },
    harm: {
      hospitalServicesDisrupted: parseFigure(harm.hospitalServicesDisrupted),
      patientsRedirected: parseFigure(harm.patientsRedirected),
      peopleDataLeaked: parseFigure(harm.peopleDataLeaked),
      essentialServicesLost: parseFigure(harm.essentialServicesLost),
      notes: orNull(harm.notes),
    },
    responses: form.responses
      .filter((row) => row.kind || row.by.trim())
      .map((row) => ({
        kind: row.kind as RequiredFields['responses'][number]['kind'],
        by: row.by.trim(),
        byCountry: orNull(row.byCountry),
        respondedOn: orNull(row.respondedOn),
        description: orNull(row.description),
        sources: row.sources.filter(isFilled).map(sourceBodyOf),
      })),
    norms: form.norms
      .filter((row) => row.code || row.rationale.trim())
      .map((row) => ({
        code: row.code as RequiredFields['norms'][number]['code'],
        rationale: row.rationale.trim(),
      })),
    lawQuestions: form.lawQuestions
      .filter((row) => row.topic || row.note.trim())
      .map((row) => ({
        topic: row.topic as RequiredFields['lawQuestions'][number]['topic'],
        note: orNull(row.note),
      })),
    sources: form.sources.filter(isFilled).map(sourceBodyOf),
    tlp: form.tlp as RequiredFields['tlp'],
    visibility: form.visibility as RequiredFields['visibility'],
    participantOrgIds: parseIdList(form.participantOrgIds),
    participantUserIds: parseIdList(form.participantUserIds),
  };
}

export function createBodyOf(form: IncidentForm): CreateIncidentBody {
  return { orgId: form.orgId, ...fieldsOf(form) };
}

/**
 * Only the fields the person changed since the editor opened: on a published record each field sent as
 * changed goes to the public corrections log, so nothing untouched is sent. Null when nothing changed.
 */
export function updateBodyOf(
  initial: IncidentForm,
  form: IncidentForm,
  correction: string,
): UpdateIncidentBody | null {
  const before = fieldsOf(initial);
  const after = fieldsOf(form);
  const changed: Partial<RequiredFields> = {};
  for (const name of Object.keys(after) as (keyof RequiredFields)[]) {
    if (JSON.stringify(after[name]) !== JSON.stringify(before[name]))
      (changed as Record<string, unknown>)[name] = after[name];
  }
  if (Object.keys(changed).length === 0) return null;
  return correction.trim() ? { ...changed, correction: correction.trim() } : changed;
}

/** Problems found before sending, by field: `title`, or `sources.2.url` for a field of a row. */
export type FormProblems = Record<string, FormProblem>;
export type FormProblem =
  | 'required'
  | 'chooseType'
  | 'invalidUrl'
  | 'endBeforeStart'
  | 'invalidFigure'
  | 'nameOrAnonymise'
  | 'duplicate'
  | 'correctionRequired';

const HTTP_URL = /^https?:\/\/[^\s/$.?#][^\s]*$/i;
const isHttpUrl = (value: string) => {
  if (!HTTP_URL.test(value.trim())) return false;
  try {
    new URL(value.trim());
    return true;
  } catch {
    return false;
  }
};
const isWholeCount = (value: string) => {
  const parsed = parseFigure(value);
  return parsed === null || Number.isInteger(parsed);
};
const isAmount = (value: string) => !Number.isNaN(parseFigure(value) ?? 0);

export function checkSourceRows(rows: SourceRow[], prefix: string, problems: FormProblems): void {
  rows.forEach((row, index) => {
    const isEmpty = [
      row.url,
      row.title,
      row.publisher,
      row.publishedOn,
      row.archivedOn,
      row.archiveUrl,
    ].every((value) => !value.trim());
    if (isEmpty) return;
    if (!row.url.trim()) problems[`${prefix}.${index}.url`] = 'required';
    else if (!isHttpUrl(row.url)) problems[`${prefix}.${index}.url`] = 'invalidUrl';
    if (!row.title.trim()) problems[`${prefix}.${index}.title`] = 'required';
    if (row.archiveUrl.trim() && !isHttpUrl(row.archiveUrl))
      problems[`${prefix}.${index}.archiveUrl`] = 'invalidUrl';
  });
}

function markDuplicates(codes: string[], prefix: string, field: string, problems: FormProblems): void {
  const seen = new Set<string>();
  codes.forEach((code, index) => {
    if (!code) return;
    if (seen.has(code)) problems[`${prefix}.${index}.${field}`] = 'duplicate';
    seen.add(code);
  });
}

/** `needsCorrection`: the record is published and the correction note is still empty. */
export function checkIncidentForm(form: IncidentForm, options: { needsCorrection: boolean }): FormProblems {
  const problems: FormProblems = {};
  if (!form.orgId) problems.orgId = 'required';
  if (!form.title.trim()) problems.title = 'required';
  if (form.types.length === 0) problems.types = 'chooseType';
  if (form.startedOn && form.endedOn && form.endedOn < form.startedOn) problems.endedOn = 'endBeforeStart';
  form.sectors.forEach((row, index) => {
    if (!row.sector && row.subSector) problems[`sectors.${index}.sector`] = 'required';
  });
  form.victims.forEach((row, index) => {
    if (!row.kind && !row.name.trim()) return;
    if (!row.kind) problems[`victims.${index}.kind`] = 'required';
    if (!row.isAnonymised && !row.name.trim()) problems[`victims.${index}.name`] = 'nameOrAnonymise';
  });
  const { impacts, harm } = form;
  if (impacts.availability.affected && !isAmount(impacts.availability.durationHours))
    problems['impacts.availability.durationHours'] = 'invalidFigure';
  if (impacts.confidentiality.affected && !isWholeCount(impacts.confidentiality.recordsExposed))
    problems['impacts.confidentiality.recordsExposed'] = 'invalidFigure';
  if (impacts.economic.affected && !isAmount(impacts.economic.lossUsd))
    problems['impacts.economic.lossUsd'] = 'invalidFigure';
  for (const name of [
    'hospitalServicesDisrupted',
    'patientsRedirected',
    'peopleDataLeaked',
    'essentialServicesLost',
  ] as const) {
    if (!isWholeCount(harm[name])) problems[`harm.${name}`] = 'invalidFigure';
  }
  form.responses.forEach((row, index) => {
    if (!row.kind && !row.by.trim()) return;
    if (!row.kind) problems[`responses.${index}.kind`] = 'required';
    if (!row.by.trim()) problems[`responses.${index}.by`] = 'required';
    checkSourceRows(row.sources, `responses.${index}.sources`, problems);
  });
  form.norms.forEach((row, index) => {
    if (!row.code && !row.rationale.trim()) return;
    if (!row.code) problems[`norms.${index}.code`] = 'required';
    if (!row.rationale.trim()) problems[`norms.${index}.rationale`] = 'required';
  });
  markDuplicates(
    form.norms.map((row) => row.code),
    'norms',
    'code',
    problems,
  );
  form.lawQuestions.forEach((row, index) => {
    if (!row.topic && row.note.trim()) problems[`lawQuestions.${index}.topic`] = 'required';
  });
  markDuplicates(
    form.lawQuestions.map((row) => row.topic),
    'lawQuestions',
    'topic',
    problems,
  );
  checkSourceRows(form.sources, 'sources', problems);
  if (options.needsCorrection) problems.correction = 'correctionRequired';
  return problems;
}

/** The top-level field a problem key belongs to: `sources` for `sources.2.url`. */
export const fieldOfProblem = (key: string): string => key.split('.')[0] ?? key;
