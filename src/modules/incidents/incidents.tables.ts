// The incidents module's tables, merged into the one Database interface by declaration merging.
// Conventions as in core/db/tables.ts: ISO text timestamps, YYYY-MM-DD dates, integer booleans, JSON as text.

/**
 * A threat actor or intrusion set that attributions name; one row per normalised name. Only its name and kind
 * are shared: aliases and sponsor belong to each attribution.
 */
export interface IncidentActorsTable {
  id: string;
  name: string;
  name_key: string;
  /** threat_actor | intrusion_set */
  kind: string;
  created_at: string;
}

/** One incident record, with its lists as JSON (see the migration for which lists are also indexed). */
export interface IncidentsTable {
  id: string;
  org_id: string;
  title: string;
  description: string;
  started_on: string | null;
  ended_on: string | null;
  /** ongoing | contained | ended | unknown */
  status: string;
  types: string;
  countries: string;
  /** JSON array of { sector, subSector }. */
  sectors: string;
  victims: string;
  /** JSON object of the five impacts (see incidents.schemas.ts, Impacts). */
  impacts: string;
  /** JSON object of the harm to people (see incidents.schemas.ts, Harm). */
  harm: string;
  responses: string;
  /** JSON array of { code, rationale }. */
  norms: string;
  law_questions: string;
  sources: string;
  intensity: number;
  tlp: string;
  visibility: string;
  participant_org_ids: string;
  participant_user_ids: string;
  /** draft | review | published | withdrawn */
  editorial_state: string;
  version: number;
  submitted_by: string | null;
  submitted_at: string | null;
  published_at: string | null;
  first_attributed_on: string | null;
  /** JSON array of the attributed actors' ids. */
  actor_ids: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  change_seq: number;
  /** `started_on` (0000-00-00 when unknown), a bar, the id: the list order, newest first. */
  sort_key: string;
}

export interface IncidentTypesTable {
  incident_id: string;
  type: string;
}
export interface IncidentCountriesTable {
  incident_id: string;
  country: string;
}
export interface IncidentSectorsTable {
  incident_id: string;
  sector: string;
}
export interface IncidentNormsTable {
  incident_id: string;
  code: string;
}
export interface IncidentParticipantsTable {
  incident_id: string;
  /** org | user */
  kind: string;
  participant_id: string;
}

/** An attribution: a claim by someone, at a date, on some basis, that an actor did it. */
export interface IncidentAttributionsTable {
  id: string;
  incident_id: string;
  attributor_kind: string;
  attributor_name: string;
  attributor_country: string | null;
  attributed_on: string;
  /** technical | political | legal */
  basis: string;
  actor_id: string;
  /** JSON array of the other names this attribution gives the actor. */
  actor_aliases: string;
  /** The State this attribution says sponsored the actor. */
  sponsor_country: string | null;
  /** low | medium | high */
  confidence: string;
  sources: string;
  notes: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** The public corrections log of a published incident. */
export interface IncidentCorrectionsTable {
  id: string;
  incident_id: string;
  /** correction | withdrawal */
  kind: string;
  note: string;
  /** JSON array of the API field names that changed. */
  fields: string;
  made_by: string | null;
  made_at: string;
}

/** One import of a STIX bundle or a CSV file into an organization's drafts. */
export interface IncidentImportsTable {
  id: string;
  org_id: string;
  /** stix | csv */
  format: string;
  /** For CSV: eurepoc | cfr | commonground. */
  layout: string | null;
  /** JSON array of the drafts created. */
  incident_ids: string;
  /** JSON array of { id or line, message }. */
  problems: string;
  kept_count: number;
  created_by: string | null;
  created_at: string;
}

/** A STIX object an import did not map, kept exactly as it came. */
export interface IncidentImportObjectsTable {
  import_id: string;
  position: number;
  stix_id: string | null;
  type: string | null;
  object: string;
}

/** A STIX object of its own an incident has put into the instance's TAXII collection. */
export interface IncidentSharedObjectsTable {
  incident_id: string;
  stix_id: string;
}

export interface IncidentSequenceTable {
  id: number;
  last_seq: number;
}

declare module '../../core/db/tables.ts' {
  interface Database {
    incident_actors: IncidentActorsTable;
    incidents: IncidentsTable;
    incident_types: IncidentTypesTable;
    incident_countries: IncidentCountriesTable;
    incident_sectors: IncidentSectorsTable;
    incident_norms: IncidentNormsTable;
    incident_participants: IncidentParticipantsTable;
    incident_attributions: IncidentAttributionsTable;
    incident_corrections: IncidentCorrectionsTable;
    incident_imports: IncidentImportsTable;
    incident_import_objects: IncidentImportObjectsTable;
    incident_shared_objects: IncidentSharedObjectsTable;
    incident_sequence: IncidentSequenceTable;
  }
}
