// The exercises module's tables, merged into the one Database interface by declaration merging.

/** A communication check: every POC in the filter gets a one-click acknowledge link. */
export interface CommunicationChecksTable {
  id: string;
  /** JSON of the filter used: { countryCodes?, regionCodes?, roles?, orgIds? }. */
  filter: string;
  note: string | null;
  created_by: string;
  created_at: string;
  /** Acknowledgements are taken until then. */
  closes_at: string;
  target_count: number;
}

/** One POC asked in one check; the POC's organization, country and region are copied for the results. */
export interface CommunicationCheckTargetsTable {
  check_id: string;
  poc_id: string;
  org_id: string;
  country_code: string | null;
  region_code: string | null;
  role: string;
  token_hash: string;
  sent_at: string;
  acknowledged_at: string | null;
}

declare module '../../core/db/tables.ts' {
  interface Database {
    communication_checks: CommunicationChecksTable;
    communication_check_targets: CommunicationCheckTargetsTable;
  }
}
