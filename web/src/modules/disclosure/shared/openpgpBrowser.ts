import type { PrivateKey, PublicKey } from 'openpgp';

/**
 * OpenPGP in the browser, loaded only when someone encrypts or decrypts: the library is large, and a
 * researcher on a slow connection who sends in clear should never download it. The lightweight build
 * fetches its curve and cipher code on demand too.
 */

type OpenPgp = typeof import('openpgp');

export type OpenpgpFailure =
  /** The library could not be downloaded (offline, a failed chunk). */
  | 'load_failed'
  /** The program's public key cannot be read or used for encryption (expired, revoked, signing only). */
  | 'unusable_public_key'
  /** What was given as a private key is not one. */
  | 'not_a_private_key'
  /** The passphrase does not unlock the private key. */
  | 'wrong_passphrase'
  /** The text or file is not an OpenPGP message. */
  | 'not_a_message'
  /** The message is not encrypted to this private key, or is damaged. */
  | 'cannot_decrypt'
  | 'encryption_failed';

/** A failure of encryption or decryption in the browser, with a reason the page can put in words. */
export class OpenpgpBrowserError extends Error {
  readonly reason: OpenpgpFailure;

  constructor(reason: OpenpgpFailure, message: string) {
    super(message);
    this.name = 'OpenpgpBrowserError';
    this.reason = reason;
  }
}

let loading: Promise<OpenPgp> | undefined;

/** Downloads the library once; a failed download may be retried. */
export function loadOpenpgp(): Promise<OpenPgp> {
  if (!loading) {
    loading = import('openpgp/lightweight').then(
      (module) => module as unknown as OpenPgp,
      (error: unknown) => {
        loading = undefined;
        throw new OpenpgpBrowserError('load_failed', `OpenPGP could not be loaded: ${String(error)}`);
      },
    );
  }
  return loading;
}

/** Starts the download ahead of need (say, when an encryption option is shown), without waiting for it. */
export function preloadOpenpgp(): void {
  loadOpenpgp().catch(() => undefined);
}

const publicKeys = new Map<string, Promise<PublicKey>>();

async function readPublicKey(armoredKey: string): Promise<PublicKey> {
  let key = publicKeys.get(armoredKey);
  if (!key) {
    key = loadOpenpgp().then(async (openpgp) => {
      try {
        return await openpgp.readKey({ armoredKey });
      } catch (error) {
        throw new OpenpgpBrowserError('unusable_public_key', `The key cannot be read: ${String(error)}`);
      }
    });
    publicKeys.set(armoredKey, key);
    key.catch(() => publicKeys.delete(armoredKey));
  }
  return key;
}

/** Encrypts text to a public key, as an ASCII-armored OpenPGP message. */
export async function encryptText(text: string, armoredPublicKey: string): Promise<string> {
  const openpgp = await loadOpenpgp();
  const encryptionKeys = await readPublicKey(armoredPublicKey);
  try {
    const message = await openpgp.createMessage({ text });
    return await openpgp.encrypt({ message, encryptionKeys, format: 'armored' });
  } catch (error) {
    throw encryptionFailure(error);
  }
}

/**
 * Encrypts bytes (a file) to a public key, as a binary OpenPGP message. `fileName` goes inside the
 * encrypted data (the literal data packet), so the recipient gets the file's real name back while the
 * server sees only a neutral one.
 */
export async function encryptBytes(
  data: Uint8Array,
  armoredPublicKey: string,
  fileName?: string,
): Promise<Uint8Array> {
  const openpgp = await loadOpenpgp();
  const encryptionKeys = await readPublicKey(armoredPublicKey);
  try {
    const message = await openpgp.createMessage({
      binary: data,
      ...(fileName ? { filename: fileName } : {}),
    });
    return await openpgp.encrypt({ message, encryptionKeys, format: 'binary' });
  } catch (error) {
    throw encryptionFailure(error);
  }
}

// openpgp refuses an expired or revoked key, or one without an encryption subkey, only when encrypting.
const encryptionFailure = (error: unknown) =>
  /key|expired|revoked/i.test(String(error))
    ? new OpenpgpBrowserError('unusable_public_key', `The key cannot encrypt: ${String(error)}`)
    : new OpenpgpBrowserError('encryption_failed', `Encryption failed: ${String(error)}`);

/** A private key unlocked in this page's memory; it is never sent anywhere. */
export type DecryptionKey = { readonly key: PrivateKey; readonly fingerprint: string };

/** Reads an armored private key and unlocks it with its passphrase (none for an unprotected key). */
export async function unlockPrivateKey(armoredKey: string, passphrase: string): Promise<DecryptionKey> {
  const openpgp = await loadOpenpgp();
  let key: PrivateKey;
  try {
    key = await openpgp.readPrivateKey({ armoredKey: armoredKey.trim() });
  } catch (error) {
    throw new OpenpgpBrowserError('not_a_private_key', `Not a private key: ${String(error)}`);
  }
  if (!key.isDecrypted()) {
    try {
      key = await openpgp.decryptKey({ privateKey: key, passphrase });
    } catch (error) {
      throw new OpenpgpBrowserError(
        'wrong_passphrase',
        `The passphrase does not unlock it: ${String(error)}`,
      );
    }
  }
  return { key, fingerprint: key.getFingerprint().toUpperCase() };
}

/** Decrypts an armored message to text (a report's content, a message in the thread). */
export async function decryptText(armoredMessage: string, decryptionKey: DecryptionKey): Promise<string> {
  const openpgp = await loadOpenpgp();
  let message: Awaited<ReturnType<OpenPgp['readMessage']>>;
  try {
    message = await openpgp.readMessage({ armoredMessage });
  } catch (error) {
    throw new OpenpgpBrowserError('not_a_message', `Not an OpenPGP message: ${String(error)}`);
  }
  try {
    const { data } = await openpgp.decrypt({ message, decryptionKeys: decryptionKey.key, format: 'utf8' });
    return data;
  } catch (error) {
    throw new OpenpgpBrowserError('cannot_decrypt', `It cannot be decrypted with this key: ${String(error)}`);
  }
}

/** Decrypts a binary (or armored) message to bytes (an encrypted attachment). */
export async function decryptBytes(data: Uint8Array, decryptionKey: DecryptionKey): Promise<Uint8Array> {
  return (await decryptFile(data, decryptionKey)).data;
}

/**
 * Decrypts an encrypted file, with the name the sender put inside the encrypted data (empty when none):
 * the server only knows it as `attachment-N.pgp`.
 */
export async function decryptFile(
  data: Uint8Array,
  decryptionKey: DecryptionKey,
): Promise<{ data: Uint8Array; fileName: string }> {
  const openpgp = await loadOpenpgp();
  let message: Awaited<ReturnType<OpenPgp['readMessage']>>;
  try {
    message = isArmored(data)
      ? await openpgp.readMessage({ armoredMessage: new TextDecoder().decode(data) })
      : await openpgp.readMessage({ binaryMessage: data });
  } catch (error) {
    throw new OpenpgpBrowserError('not_a_message', `Not an OpenPGP message: ${String(error)}`);
  }
  try {
    const result = await openpgp.decrypt({ message, decryptionKeys: decryptionKey.key, format: 'binary' });
    return { data: result.data as Uint8Array, fileName: result.filename ?? '' };
  } catch (error) {
    throw new OpenpgpBrowserError('cannot_decrypt', `It cannot be decrypted with this key: ${String(error)}`);
  }
}

const ARMOR_START = '-----BEGIN PGP MESSAGE-----';

function isArmored(data: Uint8Array): boolean {
  const head = new TextDecoder().decode(data.subarray(0, 200)).trimStart();
  return head.startsWith(ARMOR_START);
}

/** An OpenPGP fingerprint in groups of four, as people compare them. */
export function groupFingerprint(fingerprint: string): string {
  return (
    fingerprint
      .replace(/\s+/g, '')
      .toUpperCase()
      .match(/.{1,4}/g) ?? []
  ).join(' ');
}

/** Bytes as base64, for JSON bodies. */
export function bytesToBase64(data: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let start = 0; start < data.length; start += chunk) {
    binary += String.fromCharCode(...data.subarray(start, start + chunk));
  }
  return btoa(binary);
}
