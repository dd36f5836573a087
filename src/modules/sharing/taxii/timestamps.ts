/**
 * Timestamps as TAXII 2.1 and STIX 2.1 write them: RFC 3339 in UTC with a `Z`, any number of fraction
 * digits. Stored forms are fixed-width so they sort as text on both databases:
 * - `date_added` has microseconds (6 digits), as TAXII asks of the server's own timestamps;
 * - object versions keep up to nanoseconds (9 digits): STIX allows any precision, and two versions a
 *   microsecond apart must stay apart.
 */

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9})\d*)?Z$/;

interface Parsed {
  /** `YYYY-MM-DDTHH:MM:SS` */
  seconds: string;
  /** The fraction's digits, up to nine. */
  fraction: string;
}

function parse(value: string): Parsed | null {
  if (value.length > 40) return null;
  const match = TIMESTAMP.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction = ''] = match;
  const seconds = `${year}-${month}-${day}T${hour}:${minute}:${second}`;
  // Date.parse accepts 2021-02-30 by rolling over; a round trip catches impossible dates.
  const time = Date.parse(`${seconds}Z`);
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 19) !== seconds) return null;
  return { seconds, fraction };
}

export function isTimestamp(value: string): boolean {
  return parse(value) !== null;
}

/** A STIX timestamp as stored in `version`: nine fraction digits. `null` when it is not a timestamp. */
export function versionKey(value: string): string | null {
  const parsed = parse(value);
  return parsed ? `${parsed.seconds}.${parsed.fraction.padEnd(9, '0')}Z` : null;
}

/** A stored version as TAXII shows it: trailing zeros dropped, but never fewer than three digits. */
export function presentVersion(key: string): string {
  const match = /^(.{19})\.(\d{9})Z$/.exec(key);
  if (!match) return key;
  const digits = match[2]!.replace(/0+$/, '').padEnd(3, '0');
  return `${match[1]}.${digits}Z`;
}

/** A client's timestamp (added_after) in `date_added` form, truncated to microseconds. */
export function dateAddedKey(value: string): string | null {
  const parsed = parse(value);
  return parsed ? `${parsed.seconds}.${parsed.fraction.padEnd(6, '0').slice(0, 6)}Z` : null;
}

/** Microseconds since the epoch to `date_added` text. */
export function formatMicros(micros: number): string {
  const millis = Math.floor(micros / 1000);
  const rest = micros - millis * 1000;
  return `${new Date(millis).toISOString().slice(0, 23)}${String(rest).padStart(3, '0')}Z`;
}

/** `date_added` text back to microseconds since the epoch. */
export function parseMicros(dateAdded: string): number {
  const millis = Date.parse(`${dateAdded.slice(0, 23)}Z`);
  return millis * 1000 + Number(dateAdded.slice(23, 26));
}

/** The current time in microseconds (millisecond clock, so the last three digits come from ordering). */
export function nowMicros(): number {
  return Date.now() * 1000;
}
