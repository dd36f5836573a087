import * as openpgp from 'openpgp';
import type { InstanceKey } from './instance-key.ts';
import { InvalidOpenPgpKeyError, readUsablePublicKey, type UsablePublicKey } from './keys.ts';

/**
 * Recipients' keys as parsed, by armored text. Parsing is the smaller cost: a parsed key remembers which
 * of its self-signatures verified, so reusing the object saves verifying them again for every message.
 * Bounded, least recently used first out. A key's verdict does not change with time except for expiry,
 * which is checked on every use against `usableUntil`.
 */
const RECIPIENT_CACHE_SIZE = 512;
const recipients = new Map<string, Promise<UsablePublicKey>>();

async function recipientKey(armored: string, now: Date): Promise<UsablePublicKey> {
  let entry = recipients.get(armored);
  if (entry) {
    // Refreshed as most recently used.
    recipients.delete(armored);
    recipients.set(armored, entry);
  } else {
    entry = readUsablePublicKey(armored, now);
    recipients.set(armored, entry);
    if (recipients.size > RECIPIENT_CACHE_SIZE) {
      const oldest = recipients.keys().next().value;
      if (oldest !== undefined) recipients.delete(oldest);
    }
    // A refused key is not kept: the caller gets the error, and the next attempt reads the text again.
    entry.catch(() => recipients.delete(armored));
  }
  const usable = await entry;
  if (usable.usableUntil <= now.getTime()) {
    throw new InvalidOpenPgpKeyError('expired', 'The recipient key has expired.');
  }
  return usable;
}

const encoder = new TextEncoder();

/**
 * Encrypts `content` to the recipient's public key and signs it with the instance key, in one OpenPGP
 * message (RFC 9580; the combined form RFC 3156 section 6.2 allows). The content is taken as binary
 * literal data, so a MIME entity decrypts to exactly the bytes that were signed. Returns the
 * ASCII-armored message. Throws InvalidOpenPgpKeyError when the recipient key cannot be used now.
 */
export async function encryptAndSign(
  content: string,
  recipientArmored: string,
  signer: InstanceKey,
): Promise<string> {
  const now = new Date();
  const recipient = await recipientKey(recipientArmored, now);
  const message = await openpgp.createMessage({ binary: encoder.encode(content), format: 'binary' });
  return openpgp.encrypt({
    message,
    encryptionKeys: recipient.key,
    signingKeys: signer.privateKey,
    date: now,
    format: 'armored',
  });
}
