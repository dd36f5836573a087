import type { PrivateKey } from 'openpgp';
import { loadOpenpgp } from '../shared/openpgpBrowser.ts';

// Decryption of encrypted reports, messages and attachments, in the browser only: the private key and its
// passphrase are never sent anywhere. The library is the disclosure pages' one lazily loaded copy, so pages
// without encrypted reports never download it. Keys may be armored or binary, and several in one file.

type OpenPgp = typeof import('openpgp');

export type DecryptionProblem =
  | 'not_a_key'
  | 'public_key'
  | 'wrong_passphrase'
  | 'wrong_key'
  | 'not_a_message'
  | 'failed';

/** Why a key could not be used or a message not decrypted, in terms the page explains. */
export class DecryptionError extends Error {
  readonly problem: DecryptionProblem;

  constructor(problem: DecryptionProblem, message: string) {
    super(message);
    this.name = 'DecryptionError';
    this.problem = problem;
  }
}

/** Private keys ready to decrypt with, and their fingerprints (upper-case hex) to show. */
export interface UnlockedKeys {
  keys: PrivateKey[];
  fingerprints: string[];
}

const ARMOR_START = '-----BEGIN PGP';

/** A key file's content as openpgp reads it: armored text, or the bytes of a binary export. */
export function keySourceOf(bytes: Uint8Array): string | Uint8Array {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text.includes(ARMOR_START) ? text : bytes;
}

async function readAnyKeys(openpgp: OpenPgp, source: string | Uint8Array) {
  try {
    return typeof source === 'string'
      ? await openpgp.readKeys({ armoredKeys: source.trim() })
      : await openpgp.readKeys({ binaryKeys: source });
  } catch {
    throw new DecryptionError('not_a_key', 'Not an OpenPGP key.');
  }
}

/**
 * Reads the private key (armored text or binary) and unlocks it with the passphrase. A key without a
 * passphrase needs none; a public key is refused by name, since it is the commonest mistake.
 */
export async function unlockPrivateKeys(
  source: string | Uint8Array,
  passphrase: string,
): Promise<UnlockedKeys> {
  const openpgp = await loadOpenpgp();
  const found = await readAnyKeys(openpgp, source);
  const privateKeys = found.filter((key): key is PrivateKey => key.isPrivate());
  if (privateKeys.length === 0) {
    throw new DecryptionError('public_key', 'This is a public key; the private key is needed.');
  }
  const unlocked: PrivateKey[] = [];
  for (const key of privateKeys) {
    if (key.isDecrypted()) {
      unlocked.push(key);
      continue;
    }
    try {
      unlocked.push(await openpgp.decryptKey({ privateKey: key, passphrase }));
    } catch {
      // Another key of the file may take this passphrase.
    }
  }
  if (unlocked.length === 0) {
    throw new DecryptionError('wrong_passphrase', 'The passphrase does not unlock this key.');
  }
  return { keys: unlocked, fingerprints: unlocked.map((key) => key.getFingerprint().toUpperCase()) };
}

async function decryptMessage(
  keys: UnlockedKeys,
  source: { armoredMessage: string } | { binaryMessage: Uint8Array },
) {
  const openpgp = await loadOpenpgp();
  let message: Awaited<ReturnType<OpenPgp['readMessage']>>;
  try {
    message =
      'armoredMessage' in source
        ? await openpgp.readMessage({ armoredMessage: source.armoredMessage.trim() })
        : await openpgp.readMessage({ binaryMessage: source.binaryMessage });
  } catch {
    throw new DecryptionError('not_a_message', 'Not an OpenPGP message.');
  }
  const recipients = new Set(message.getEncryptionKeyIDs().map((id) => id.toHex()));
  const ours = keys.keys.flatMap((key) => key.getKeyIDs().map((id) => id.toHex()));
  // A message may name a wildcard recipient (all zeros), which any key may try.
  const isWildcard = recipients.has('0000000000000000');
  if (!isWildcard && !ours.some((id) => recipients.has(id))) {
    throw new DecryptionError('wrong_key', 'The message is encrypted to another key.');
  }
  try {
    return await openpgp.decrypt({ message, decryptionKeys: keys.keys, format: 'binary' });
  } catch {
    throw new DecryptionError(isWildcard ? 'wrong_key' : 'failed', 'The message could not be decrypted.');
  }
}

/** Decrypts an armored message to text (a report's content, a message in the thread). */
export async function decryptText(keys: UnlockedKeys, armoredMessage: string): Promise<string> {
  const result = await decryptMessage(keys, { armoredMessage });
  return new TextDecoder().decode(result.data as Uint8Array);
}

/** Decrypts an encrypted file; the name comes from inside the message when the sender put one there. */
export async function decryptFile(
  keys: UnlockedKeys,
  bytes: Uint8Array,
): Promise<{ data: Uint8Array; fileName: string | undefined }> {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 64));
  const result = await decryptMessage(
    keys,
    text.startsWith(ARMOR_START)
      ? { armoredMessage: new TextDecoder().decode(bytes) }
      : { binaryMessage: bytes },
  );
  const fileName = result.filename?.trim();
  return { data: result.data as Uint8Array, fileName: fileName ? fileName : undefined };
}
