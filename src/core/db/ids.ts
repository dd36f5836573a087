import { randomBytes } from 'node:crypto';

// Crockford base32, as TypeID and ULID use it: sortable, case-insensitive, no ambiguous letters.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

let lastMillis = 0;
let lastRandom = new Uint8Array(10);

function encode(bytes: Uint8Array): string {
  // 16 bytes = 128 bits -> 26 base32 characters (the top two bits of the first are always zero).
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  let out = '';
  for (let i = 0; i < 26; i++) {
    out = ALPHABET[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}

/** The random half of an id, monotonic within one millisecond so ids created together stay ordered. */
function nextRandom(millis: number): Uint8Array {
  if (millis === lastMillis) {
    const next = new Uint8Array(lastRandom);
    for (let i = next.length - 1; i >= 0; i--) {
      next[i] = (next[i]! + 1) & 0xff;
      if (next[i] !== 0) break;
    }
    lastRandom = next;
  } else {
    lastMillis = millis;
    lastRandom = new Uint8Array(randomBytes(10));
  }
  return lastRandom;
}

/** A prefixed, time-sortable id in the TypeID style: `org_01h…` (48-bit milliseconds + 80 random bits). */
export function newId(prefix: string): string {
  const millis = Date.now();
  const bytes = new Uint8Array(16);
  let m = millis;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = m & 0xff;
    m = Math.floor(m / 256);
  }
  bytes.set(nextRandom(millis), 6);
  return `${prefix}_${encode(bytes)}`;
}

export function isId(prefix: string, value: string): boolean {
  return new RegExp(`^${prefix}_[0-9a-hjkmnp-tv-z]{26}$`).test(value);
}

/** The current time as the API speaks it: ISO 8601 UTC with milliseconds, which also sorts as text. */
export function nowIso(): string {
  return new Date().toISOString();
}
