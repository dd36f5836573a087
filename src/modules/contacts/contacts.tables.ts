// The contacts module's tables, merged into the one Database interface by declaration merging.
// Conventions as in core/db/tables.ts: ISO text timestamps, integer booleans, JSON as text.

export interface PocEntriesTable {
  id: string;
  org_id: string;
  /** The member who holds the role: signs in to act on requests and is named on TLP:RED ones. */
  user_id: string;
  /** diplomatic | policy | technical */
  role: string;
  /** The team or person the entry presents, e.g. "CERT-KE duty desk". */
  name: string;
  email: string;
  phone: string | null;
  /** A line answered around the clock. */
  hotline: string | null;
  /** A secure messenger handle, e.g. "Signal: +254 …" or a Matrix id. */
  messenger: string | null;
  /** JSON array of BCP 47 tags, the first being the language mail goes out in when it is a UN language. */
  languages: string;
  /** IANA time zone, e.g. Africa/Nairobi. */
  time_zone: string;
  /** JSON { days: number[] (1 = Monday … 7), start: "HH:MM", end: "HH:MM" } or null when always reachable. */
  working_hours: string | null;
  openpgp_key: string | null;
  openpgp_fingerprint: string | null;
  openpgp_expires_at: string | null;
  /** JSON array of service codes (contacts/codes.ts). */
  services: string;
  nominated_by: string;
  confirmed_at: string;
  valid_until: string;
  /** When the reminder before expiry went out for the current validity; cleared on confirmation. */
  reminder_sent_at: string | null;
  /** When the organization's admins were told the entry went stale; cleared on confirmation. */
  expiry_escalated_at: string | null;
  created_at: string;
  updated_at: string;
  /** Removed entries stay, so requests that named them keep their history. */
  removed_at: string | null;
}

declare module '../../core/db/tables.ts' {
  interface Database {
    poc_entries: PocEntriesTable;
  }
}
