import { type Static, Type } from 'typebox';
import { TLP_LABELS_ORDERED } from '../../core/access/tlp.ts';
import { VISIBILITIES } from '../../core/access/visibility.ts';
import { pageOf } from '../../core/http/pagination.ts';
import { SECTOR_CODES } from '../../core/reference/sectors.ts';
import {
  ACTOR_KINDS,
  ATTRIBUTION_BASES,
  ATTRIBUTOR_KINDS,
  CONFIDENCE_LEVELS,
  EDITORIAL_STATES,
  INCIDENT_STATUSES,
  INCIDENT_TYPES,
  LAW_TOPICS,
  NORM_CODES,
  RESPONSE_KINDS,
  VICTIM_KINDS,
} from './catalog.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** A calendar date, YYYY-MM-DD: incidents are dated to the day, as the sources date them. */
export const CalendarDate = Type.String({
  pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$',
  maxLength: 10,
  description: 'YYYY-MM-DD',
});
const Instant = Type.String({ format: 'date-time', maxLength: 40 });
const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code.' });
const Line = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const Count = Nullable(Type.Integer({ minimum: 0, maximum: 10_000_000_000 }));
const HttpUrl = Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 });

export const Tlp = Type.Enum(TLP_LABELS_ORDERED);
export const Visibility = Type.Enum(VISIBILITIES);

export const Source = Type.Object(
  {
    url: HttpUrl,
    title: Line(500),
    publisher: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    publishedOn: Type.Optional(Nullable(CalendarDate)),
    archivedOn: Type.Optional(Nullable(CalendarDate)),
    archiveUrl: Type.Optional(Nullable(HttpUrl)),
  },
  { additionalProperties: false },
);
export type Source = Static<typeof Source>;

const SourceOut = Type.Object({
  url: Type.String(),
  title: Type.String(),
  publisher: Nullable(Type.String()),
  publishedOn: Nullable(Type.String()),
  archivedOn: Nullable(Type.String()),
  archiveUrl: Nullable(Type.String()),
});

const SectorTarget = Type.Object(
  {
    sector: Type.Enum(SECTOR_CODES),
    subSector: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  },
  { additionalProperties: false },
);

const Victim = Type.Object(
  {
    name: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    isAnonymised: Type.Boolean({ description: 'Named in the record only by kind, country and sector.' }),
    kind: Type.Enum(VICTIM_KINDS),
    country: Type.Optional(Nullable(Country)),
    sector: Type.Optional(Nullable(Type.Enum(SECTOR_CODES))),
  },
  { additionalProperties: false },
);

export const Impacts = Type.Object(
  {
    availability: Type.Object(
      {
        affected: Type.Boolean(),
        durationHours: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1e6 }))),
      },
      { additionalProperties: false },
    ),
    confidentiality: Type.Object(
      { affected: Type.Boolean(), recordsExposed: Type.Optional(Count) },
      { additionalProperties: false },
    ),
    integrity: Type.Object({ affected: Type.Boolean() }, { additionalProperties: false }),
    physical: Type.Object(
      { affected: Type.Boolean(), description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) },
      { additionalProperties: false },
    ),
    economic: Type.Object(
      {
        affected: Type.Boolean(),
        lossUsd: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1e13 }))),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const Harm = Type.Object(
  {
    hospitalServicesDisrupted: Type.Optional(Count),
    patientsRedirected: Type.Optional(Count),
    peopleDataLeaked: Type.Optional(Count),
    essentialServicesLost: Type.Optional(Count),
    notes: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  },
  { additionalProperties: false },
);

const NormClaim = Type.Object(
  { code: Type.Enum(NORM_CODES), rationale: Line(5000) },
  { additionalProperties: false },
);
const LawQuestion = Type.Object(
  { topic: Type.Enum(LAW_TOPICS), note: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))) },
  { additionalProperties: false },
);
const Response = Type.Object(
  {
    kind: Type.Enum(RESPONSE_KINDS),
    by: Line(300),
    byCountry: Type.Optional(Nullable(Country)),
    respondedOn: Type.Optional(Nullable(CalendarDate)),
    description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    sources: Type.Optional(Type.Array(Source, { maxItems: 20 })),
  },
  { additionalProperties: false },
);

const IncidentFields = {
  title: Line(300),
  description: Type.String({ maxLength: 20_000 }),
  startedOn: Nullable(CalendarDate),
  endedOn: Nullable(CalendarDate),
  status: Type.Enum(INCIDENT_STATUSES),
  types: Type.Array(Type.Enum(INCIDENT_TYPES), {
    minItems: 1,
    maxItems: INCIDENT_TYPES.length,
    uniqueItems: true,
  }),
  countries: Type.Array(Country, { maxItems: 250, uniqueItems: true, description: 'Targeted countries.' }),
  sectors: Type.Array(SectorTarget, { maxItems: 100 }),
  victims: Type.Array(Victim, { maxItems: 200 }),
  impacts: Impacts,
  harm: Harm,
  responses: Type.Array(Response, { maxItems: 100 }),
  norms: Type.Array(NormClaim, { maxItems: NORM_CODES.length }),
  lawQuestions: Type.Array(LawQuestion, { maxItems: LAW_TOPICS.length }),
  sources: Type.Array(Source, { maxItems: 200 }),
  tlp: Tlp,
  visibility: Visibility,
  participantOrgIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
    maxItems: 100,
    uniqueItems: true,
    description: 'Organizations that share a TLP:AMBER record or a record for participants.',
  }),
  participantUserIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
    maxItems: 100,
    uniqueItems: true,
    description: 'People named on the record: the only readers of TLP:RED.',
  }),
};

export const CreateIncident = Type.Object(
  {
    orgId: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'The organization that keeps the record.',
    }),
    title: IncidentFields.title,
    description: Type.Optional(IncidentFields.description),
    startedOn: Type.Optional(IncidentFields.startedOn),
    endedOn: Type.Optional(IncidentFields.endedOn),
    status: Type.Optional(IncidentFields.status),
    types: IncidentFields.types,
    countries: Type.Optional(IncidentFields.countries),
    sectors: Type.Optional(IncidentFields.sectors),
    victims: Type.Optional(IncidentFields.victims),
    impacts: Type.Optional(IncidentFields.impacts),
    harm: Type.Optional(IncidentFields.harm),
    responses: Type.Optional(IncidentFields.responses),
    norms: Type.Optional(IncidentFields.norms),
    lawQuestions: Type.Optional(IncidentFields.lawQuestions),
    sources: Type.Optional(IncidentFields.sources),
    tlp: Type.Optional(IncidentFields.tlp),
    visibility: Type.Optional(IncidentFields.visibility),
    participantOrgIds: Type.Optional(IncidentFields.participantOrgIds),
    participantUserIds: Type.Optional(IncidentFields.participantUserIds),
  },
  { additionalProperties: false },
);
export type CreateIncident = Static<typeof CreateIncident>;

export const UpdateIncident = Type.Object(
  {
    title: Type.Optional(IncidentFields.title),
    description: Type.Optional(IncidentFields.description),
    startedOn: Type.Optional(IncidentFields.startedOn),
    endedOn: Type.Optional(IncidentFields.endedOn),
    status: Type.Optional(IncidentFields.status),
    types: Type.Optional(IncidentFields.types),
    countries: Type.Optional(IncidentFields.countries),
    sectors: Type.Optional(IncidentFields.sectors),
    victims: Type.Optional(IncidentFields.victims),
    impacts: Type.Optional(IncidentFields.impacts),
    harm: Type.Optional(IncidentFields.harm),
    responses: Type.Optional(IncidentFields.responses),
    norms: Type.Optional(IncidentFields.norms),
    lawQuestions: Type.Optional(IncidentFields.lawQuestions),
    sources: Type.Optional(IncidentFields.sources),
    tlp: Type.Optional(IncidentFields.tlp),
    visibility: Type.Optional(IncidentFields.visibility),
    participantOrgIds: Type.Optional(IncidentFields.participantOrgIds),
    participantUserIds: Type.Optional(IncidentFields.participantUserIds),
    correction: Type.Optional(Line(2000)),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description:
      'Fields to change; lists replace the whole list. Changing a published incident needs `correction`, a note for the public corrections log.',
  },
);
export type UpdateIncident = Static<typeof UpdateIncident>;

export const EditorialAction = Type.Object(
  {
    action: Type.Enum(['submit', 'return', 'publish', 'withdraw'], {
      description:
        '`submit`: draft → review; `return`: review → draft (with a note); `publish`: review → published, by a member other than the submitter; `withdraw`: published → withdrawn (with a note, kept in the corrections log).',
    }),
    note: Type.Optional(Line(2000)),
  },
  { additionalProperties: false },
);

export const Attribution = Type.Object(
  {
    attributedBy: Type.Object(
      { kind: Type.Enum(ATTRIBUTOR_KINDS), name: Line(300), country: Type.Optional(Nullable(Country)) },
      { additionalProperties: false },
    ),
    attributedOn: CalendarDate,
    basis: Type.Enum(ATTRIBUTION_BASES),
    actor: Type.Object(
      {
        name: Line(200),
        kind: Type.Optional(Type.Enum(ACTOR_KINDS)),
        aliases: Type.Optional(Type.Array(Line(200), { maxItems: 50, uniqueItems: true })),
        sponsorCountry: Type.Optional(Nullable(Country)),
      },
      { additionalProperties: false },
    ),
    confidence: Type.Enum(CONFIDENCE_LEVELS),
    sources: Type.Array(Source, { minItems: 1, maxItems: 50 }),
    notes: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  },
  { additionalProperties: false },
);
export type AttributionInput = Static<typeof Attribution>;

const AttributionOut = Type.Object({
  id: Type.String(),
  attributedBy: Type.Object({ kind: Type.String(), name: Type.String(), country: Nullable(Type.String()) }),
  attributedOn: Type.String(),
  basis: Type.String(),
  actor: Type.Object({
    id: Type.String(),
    name: Type.String(),
    kind: Type.String(),
    aliases: Type.Array(Type.String()),
    sponsorCountry: Nullable(Type.String()),
  }),
  confidence: Type.String(),
  sources: Type.Array(SourceOut),
  notes: Nullable(Type.String()),
  /** Days from the incident's start to the attribution; null when the start is not known. */
  daysAfterStart: Nullable(Type.Integer()),
  createdAt: Type.String(),
});

const CorrectionOut = Type.Object({
  madeAt: Type.String(),
  kind: Type.String({ description: '`correction` or `withdrawal`.' }),
  note: Type.String(),
  fields: Type.Array(Type.String()),
});

export const IncidentOut = Type.Object({
  id: Type.String(),
  organization: Type.Object({ id: Type.String(), name: Type.String() }),
  title: Type.String(),
  description: Type.String(),
  startedOn: Nullable(Type.String()),
  endedOn: Nullable(Type.String()),
  status: Type.String(),
  types: Type.Array(Type.String()),
  countries: Type.Array(Type.String()),
  regions: Type.Array(Type.String(), { description: 'UN M49 regions of the targeted countries.' }),
  sectors: Type.Array(Type.Object({ sector: Type.String(), subSector: Nullable(Type.String()) })),
  victims: Type.Array(
    Type.Object({
      name: Nullable(Type.String()),
      isAnonymised: Type.Boolean(),
      kind: Type.String(),
      country: Nullable(Type.String()),
      sector: Nullable(Type.String()),
    }),
  ),
  impacts: Type.Object({
    availability: Type.Object({ affected: Type.Boolean(), durationHours: Nullable(Type.Number()) }),
    confidentiality: Type.Object({ affected: Type.Boolean(), recordsExposed: Nullable(Type.Number()) }),
    integrity: Type.Object({ affected: Type.Boolean() }),
    physical: Type.Object({ affected: Type.Boolean(), description: Nullable(Type.String()) }),
    economic: Type.Object({ affected: Type.Boolean(), lossUsd: Nullable(Type.Number()) }),
  }),
  harm: Type.Object({
    hospitalServicesDisrupted: Nullable(Type.Number()),
    patientsRedirected: Nullable(Type.Number()),
    peopleDataLeaked: Nullable(Type.Number()),
    essentialServicesLost: Nullable(Type.Number()),
    notes: Nullable(Type.String()),
  }),
  intensity: Type.Object({
    score: Type.Integer(),
    breakdown: Type.Object({
      availability: Type.Integer(),
      confidentiality: Type.Integer(),
      integrity: Type.Integer(),
      physical: Type.Integer(),
      economic: Type.Integer(),
      people: Type.Integer(),
    }),
  }),
  attributions: Type.Array(AttributionOut),
  responses: Type.Array(
    Type.Object({
      kind: Type.String(),
      by: Type.String(),
      byCountry: Nullable(Type.String()),
      respondedOn: Nullable(Type.String()),
      description: Nullable(Type.String()),
      sources: Type.Array(SourceOut),
    }),
  ),
  norms: Type.Array(Type.Object({ code: Type.String(), citation: Type.String(), rationale: Type.String() })),
  lawQuestions: Type.Array(Type.Object({ topic: Type.String(), note: Nullable(Type.String()) })),
  sources: Type.Array(SourceOut),
  tlp: Type.String(),
  visibility: Type.String(),
  participantOrgIds: Type.Array(Type.String()),
  participantUserIds: Type.Array(Type.String()),
  editorialState: Type.Enum(EDITORIAL_STATES),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  publishedAt: Nullable(Type.String()),
  corrections: Type.Array(CorrectionOut),
  permissions: Type.Object({ canEdit: Type.Boolean(), canReview: Type.Boolean() }),
});
export type IncidentOut = Static<typeof IncidentOut>;

export const IncidentSummary = Type.Object({
  id: Type.String(),
  organization: Type.Object({ id: Type.String(), name: Type.String() }),
  title: Type.String(),
  startedOn: Nullable(Type.String()),
  status: Type.String(),
  types: Type.Array(Type.String()),
  countries: Type.Array(Type.String()),
  sectors: Type.Array(Type.String()),
  intensity: Type.Integer(),
  tlp: Type.String(),
  editorialState: Type.String(),
  publishedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
});

export const IncidentList = Type.Object({
  items: Type.Array(IncidentSummary),
  nextCursor: Nullable(Type.String()),
  facets: Type.Object(
    {
      types: Type.Record(Type.String(), Type.Integer()),
      countries: Type.Record(Type.String(), Type.Integer()),
      sectors: Type.Record(Type.String(), Type.Integer()),
      norms: Type.Record(Type.String(), Type.Integer()),
    },
    { description: 'Counts over the whole filtered result that the reader may read, not only this page.' },
  ),
});
export { pageOf };

export const IncidentQuery = Type.Object({
  q: Type.Optional(
    Type.String({ maxLength: 200, description: 'Full-text search over title and description.' }),
  ),
  type: Type.Optional(Type.Enum(INCIDENT_TYPES)),
  country: Type.Optional(Country),
  sector: Type.Optional(Type.Enum(SECTOR_CODES)),
  norm: Type.Optional(Type.Enum(NORM_CODES)),
  actor: Type.Optional(Type.String({ maxLength: 64, description: 'An actor id (act_…).' })),
  orgId: Type.Optional(Type.String({ maxLength: 64 })),
  editorialState: Type.Optional(Type.Enum(EDITORIAL_STATES)),
  from: Type.Optional(CalendarDate),
  to: Type.Optional(CalendarDate),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});
export type IncidentQuery = Static<typeof IncidentQuery>;

export const IncidentIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const AttributionParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  attributionId: Type.String({ minLength: 1, maxLength: 64 }),
});
export { AttributionOut, CorrectionOut, Instant };
