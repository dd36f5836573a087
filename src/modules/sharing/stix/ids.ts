import { createHash, randomUUID } from 'node:crypto';

/**
 * STIX 2.1 identifiers (section 2.9): `<type>--<UUID>`.
 *
 * - SCOs get deterministic UUIDv5 ids under the OASIS namespace, from their ID-contributing properties
 *   serialized canonically, so two producers seeing the same observable name it the same way.
 * - Our SDOs and SROs get UUIDv5 ids under a namespace of our own, from a key built out of our record
 *   ids, so exporting a record again yields the same STIX ids and consumers update rather than duplicate.
 * - Everything else (bundles) gets a random UUIDv4.
 */

/** The namespace STIX 2.1 section 2.9 fixes for SCO ids. */
export const STIX_SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

/** Common Ground's own namespace for ids derived from its record ids. Never change it: ids would move. */
export const COMMON_GROUND_STIX_NAMESPACE = 'a3606254-b54c-4c99-af00-5cafc113940c';

const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidBytes(uuid: string): Buffer {
  if (!UUID_TEXT.test(uuid)) throw new Error(`Not a UUID: ${uuid}`);
  return Buffer.from(uuid.replaceAll('-', ''), 'hex');
}

function formatUuid(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** RFC 9562 UUID version 5: SHA-1 of namespace and name, with the version and variant bits set. */
export function uuidV5(namespace: string, name: string): string {
  const digest = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest();
  const bytes = digest.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  return formatUuid(bytes);
}

/**
 * JSON Canonicalization Scheme (RFC 8785) for the values STIX ID-contributing properties hold: keys
 * sorted by UTF-16 code units, no whitespace, ECMAScript number and string serialization.
 */
export function canonicalJson(value: unknown): string {
  if (
    value === null ||
    typeof value === 'boolean' ||
    typeof value === 'number' ||
    typeof value === 'string'
  ) {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('JSON has no Infinity or NaN');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  throw new Error(`Cannot serialize a ${typeof value} as JSON`);
}

/**
 * The deterministic id of an SCO (section 2.9): UUIDv5 under the OASIS namespace of the canonical JSON of
 * its ID-contributing properties (e.g. `{ value: '198.51.100.3' }` for ipv4-addr).
 */
export function scoId(type: string, contributingProperties: Record<string, unknown>): string {
  return `${type}--${uuidV5(STIX_SCO_NAMESPACE, canonicalJson(contributingProperties))}`;
}

/**
 * A stable id for an object we derive from our own records: the same type and key always give the same
 * id. Keys are built from record ids (`incident:inc_123`, `incident:inc_123:victim:0`), never from
 * personal data, since a UUIDv5 of a guessable name could be reversed by trying names.
 */
export function stableStixId(type: string, key: string): string {
  return `${type}--${uuidV5(COMMON_GROUND_STIX_NAMESPACE, `${type}|${key}`)}`;
}

/** A fresh random (UUIDv4) id, for objects that have no stable identity, such as bundles. */
export function randomStixId(type: string): string {
  return `${type}--${randomUUID()}`;
}

/** The type part of a STIX id, or null when the text is not `<type>--<uuid>`. */
export function typeOfStixId(id: string): string | null {
  const separator = id.indexOf('--');
  if (separator <= 0 || !UUID_TEXT.test(id.slice(separator + 2))) return null;
  return id.slice(0, separator);
}
