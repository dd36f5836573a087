import type { PocRole, PocService } from '../codes.ts';
import { freshnessOf } from '../freshness/validity.ts';
import type { EntryRow } from './entries.repository.ts';
import type { WorkingHours } from './entry-input.ts';

function presentFields(row: EntryRow, now: Date) {
  return {
    id: row.id,
    org: {
      id: row.org_id,
      name: row.org_name,
      kind: row.org_kind,
      countryCode: row.org_country_code,
      regionCode: row.org_region_code,
    },
    role: row.role as PocRole,
    name: row.name,
    holder: { id: row.user_id, displayName: row.holder_name },
    isHolderCurrent: Number(row.holder_is_current) === 1,
    channels: { email: row.email, phone: row.phone, hotline: row.hotline, messenger: row.messenger },
    languages: JSON.parse(row.languages) as string[],
    timeZone: row.time_zone,
    workingHours: row.working_hours ? (JSON.parse(row.working_hours) as WorkingHours) : null,
    services: JSON.parse(row.services) as PocService[],
    nominatedBy: { id: row.nominated_by, displayName: row.nominator_name },
    confirmedAt: row.confirmed_at,
    validUntil: row.valid_until,
    freshness: freshnessOf(row.valid_until, now),
  };
}

function presentKeySummary(row: EntryRow, now: Date) {
  if (!row.openpgp_key || !row.openpgp_fingerprint) return null;
  return {
    fingerprint: row.openpgp_fingerprint,
    expiresAt: row.openpgp_expires_at,
    isExpired: row.openpgp_expires_at !== null && row.openpgp_expires_at <= now.toISOString(),
  };
}

/** An entry as a directory search lists it: the key's fingerprint and expiry, not the key. */
export function presentContactSummary(row: EntryRow, now: Date) {
  return { ...presentFields(row, now), openpgp: presentKeySummary(row, now) };
}

/** One entry with its armored public key. */
export function presentContact(row: EntryRow, now: Date) {
  const summary = presentKeySummary(row, now);
  return {
    ...presentFields(row, now),
    openpgp: summary && row.openpgp_key ? { ...summary, armored: row.openpgp_key } : null,
  };
}
