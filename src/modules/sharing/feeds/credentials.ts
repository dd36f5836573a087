import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Feed credentials (a remote server's password or token) are kept encrypted with AES-256-GCM under a key
 * derived from the instance key, and bound to their feed: a database copy alone does not hand them out,
 * and a value moved to another feed's row does not decrypt. They are never returned by the API.
 */

const KEY_INFO = 'commonground/taxii-feed-credentials/v1';
const VERSION = 'v1';

function keyOf(instanceKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', instanceKey, Buffer.alloc(0), KEY_INFO, 32));
}

export function encryptSecret(instanceKey: Buffer, feedId: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(instanceKey), iv);
  cipher.setAAD(Buffer.from(feedId));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [VERSION, iv, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** The secret, or `null` when it cannot be decrypted (the instance key changed, or the value was tampered with). */
export function decryptSecret(instanceKey: Buffer, feedId: string, stored: string): string | null {
  const [version, iv, ciphertext, tag] = stored.split('.');
  if (version !== VERSION || !iv || ciphertext === undefined || !tag) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(instanceKey), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(feedId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return null;
  }
}
