import * as openpgp from 'openpgp';
import { AppError } from '../http/errors.ts';

/**
 * Reading OpenPGP public keys (RFC 9580) that people give us for their e-mail. A key is accepted only
 * when mail can be encrypted to it now: one public key, not revoked, not expired, with a usable
 * encryption key. A private key pasted by mistake is refused before anything keeps it.
 */

/** What we show and keep of an accepted public key. */
export interface PublicKeyInfo {
  /** The public part only, re-armored. */
  armored: string;
  /** Uppercase hex, no spaces. */
  fingerprint: string;
  /** The primary key's algorithm, e.g. "EdDSA (Ed25519)" or "RSA 4096". */
  algorithm: string;
  userIds: string[];
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601: when encryption stops working (primary key or encryption subkey, whichever ends first). */
  expiresAt: string | null;
}

export type InvalidOpenPgpKeyReason =
  | 'not_a_key'
  | 'private_key'
  | 'multiple_keys'
  | 'revoked'
  | 'expired'
  | 'no_encryption_key'
  | 'too_large';

export class InvalidOpenPgpKeyError extends Error {
  readonly reason: InvalidOpenPgpKeyReason;

  constructor(reason: InvalidOpenPgpKeyReason, message: string) {
    super(message);
    this.name = 'InvalidOpenPgpKeyError';
    this.reason = reason;
  }
}

/** The 422 problem callers answer with when a submitted key is refused (code `invalid_openpgp_key`). */
export function invalidKeyProblem(error: InvalidOpenPgpKeyError): AppError {
  return new AppError(422, 'invalid_openpgp_key', error.message, { extra: { reason: error.reason } });
}

export const MAX_KEY_BYTES = 64 * 1024;

const ARMOR_BEGIN = /-----BEGIN PGP ([A-Z ,0-9/]+)-----/g;

const ALGORITHM_NAMES: Record<string, string> = {
  rsaEncryptSign: 'RSA',
  rsaEncrypt: 'RSA',
  rsaSign: 'RSA',
  dsa: 'DSA',
  elgamal: 'ElGamal',
  ecdsa: 'ECDSA',
  eddsaLegacy: 'EdDSA',
  ed25519: 'Ed25519',
  ed448: 'Ed448',
  ecdh: 'ECDH',
  x25519: 'X25519',
  x448: 'X448',
};

const CURVE_NAMES: Record<string, string> = {
  ed25519Legacy: 'Ed25519',
  curve25519Legacy: 'Curve25519',
  nistP256: 'NIST P-256',
  nistP384: 'NIST P-384',
  nistP521: 'NIST P-521',
  secp256k1: 'secp256k1',
  brainpoolP256r1: 'Brainpool P-256',
  brainpoolP384r1: 'Brainpool P-384',
  brainpoolP512r1: 'Brainpool P-512',
};

function describeAlgorithm(info: openpgp.AlgorithmInfo): string {
  const name = ALGORITHM_NAMES[info.algorithm] ?? info.algorithm;
  if (info.curve) return `${name} (${CURVE_NAMES[info.curve] ?? info.curve})`;
  if (info.bits) return `${name} ${info.bits}`;
  return name;
}

function toTime(value: Date | number | null): number {
  return value instanceof Date ? value.getTime() : Number.POSITIVE_INFINITY;
}

/** A public key that mail can be encrypted to, as parsed once; `usableUntil` is in ms (may be Infinity). */
export interface UsablePublicKey {
  key: openpgp.PublicKey;
  info: PublicKeyInfo;
  usableUntil: number;
}

/**
 * Parses and checks one armored public key at `now`. Shared by inspectPublicKey and the encryption
 * cache, which keeps the parsed key: its self-signatures are then verified once, not per message.
 */
export async function readUsablePublicKey(armored: string, now: Date = new Date()): Promise<UsablePublicKey> {
  if (Buffer.byteLength(armored, 'utf8') > MAX_KEY_BYTES) {
    throw new InvalidOpenPgpKeyError(
      'too_large',
      'The key is larger than 64 KiB. Export it without third-party signatures ' +
        '(gpg --armor --export-options export-minimal --export <address>) and try again.',
    );
  }
  const blocks = [...armored.matchAll(ARMOR_BEGIN)].map((match) => match[1] ?? '');
  if (blocks.some((kind) => kind.includes('PRIVATE KEY'))) throw privateKeyRefused();
  if (blocks.length > 1) {
    throw new InvalidOpenPgpKeyError('multiple_keys', 'Paste exactly one public key, not several.');
  }
  let keys: openpgp.Key[];
  try {
    keys = await openpgp.readKeys({ armoredKeys: armored });
  } catch {
    throw notAKey();
  }
  if (keys.some((key) => key.isPrivate())) throw privateKeyRefused();
  if (keys.length !== 1) {
    throw new InvalidOpenPgpKeyError(
      'multiple_keys',
      `Paste exactly one public key; this block holds ${keys.length}.`,
    );
  }
  const key = keys[0] as openpgp.PublicKey;

  if (await key.isRevoked(undefined, undefined, now)) {
    throw new InvalidOpenPgpKeyError('revoked', 'This key has been revoked by its owner.');
  }
  const primaryExpiry = toTime(await key.getExpirationTime());
  if (primaryExpiry <= now.getTime()) {
    throw new InvalidOpenPgpKeyError(
      'expired',
      `This key expired on ${new Date(primaryExpiry).toISOString().slice(0, 10)}. ` +
        'Extend its expiry date (gpg --quick-set-expire) and paste it again.',
    );
  }
  try {
    await key.verifyPrimaryKey(now);
  } catch {
    throw new InvalidOpenPgpKeyError(
      'not_a_key',
      'This key carries no valid self-signature, so it cannot be used.',
    );
  }

  let encryptionKey: openpgp.PublicKey | openpgp.Subkey;
  try {
    encryptionKey = await key.getEncryptionKey(undefined, now);
  } catch {
    // Usable if time did not count: the encryption subkey has expired (or is not valid yet).
    const isTimeTheProblem = await key.getEncryptionKey(undefined, null).then(
      () => true,
      () => false,
    );
    throw isTimeTheProblem
      ? new InvalidOpenPgpKeyError(
          'expired',
          'The encryption subkey of this key has expired. Extend its expiry date and paste the key again.',
        )
      : new InvalidOpenPgpKeyError(
          'no_encryption_key',
          'This key has no usable encryption key (it may be a signing-only key, revoked, or too weak).',
        );
  }
  const subkeyExpiry =
    encryptionKey === key ? Number.POSITIVE_INFINITY : toTime(await encryptionKey.getExpirationTime(now));
  const usableUntil = Math.min(primaryExpiry, subkeyExpiry);

  const created = key.getCreationTime();
  return {
    key,
    usableUntil,
    info: {
      armored: key.armor(),
      fingerprint: key.getFingerprint().toUpperCase(),
      algorithm: describeAlgorithm(key.getAlgorithmInfo()),
      userIds: key.getUserIDs(),
      createdAt: created.toISOString(),
      expiresAt: Number.isFinite(usableUntil) ? new Date(usableUntil).toISOString() : null,
    },
  };
}

function privateKeyRefused(): InvalidOpenPgpKeyError {
  return new InvalidOpenPgpKeyError(
    'private_key',
    'This is a private key, which must never be shared; it was not stored. Paste your public key instead ' +
      '(gpg --armor --export <address>).',
  );
}

function notAKey(): InvalidOpenPgpKeyError {
  return new InvalidOpenPgpKeyError(
    'not_a_key',
    'This is not an OpenPGP public key. Paste the whole ASCII-armored block, from ' +
      '"-----BEGIN PGP PUBLIC KEY BLOCK-----" to its END line.',
  );
}

/** Checks a submitted public key; throws InvalidOpenPgpKeyError with the reason when it cannot be used. */
export async function inspectPublicKey(armored: string, now: Date = new Date()): Promise<PublicKeyInfo> {
  return (await readUsablePublicKey(armored, now)).info;
}
