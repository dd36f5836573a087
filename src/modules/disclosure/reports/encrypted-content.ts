import * as openpgp from 'openpgp';
import { unprocessable } from '../../../core/http/errors.ts';

/** The key ids (primary and subkeys) of the program's key, as lowercase hex. */
async function keyIdsOf(armoredKey: string): Promise<Set<string>> {
  const key = await openpgp.readKey({ armoredKey });
  return new Set(key.getKeyIDs().map((id) => id.toHex()));
}

/**
 * Checks that what the browser sent is an OpenPGP message encrypted to the program's key, so the server
 * never stores a report in clear by mistake (say, a literal message) nor one nobody at the program can read.
 */
export async function checkEncryptedToProgram(
  message: string | Uint8Array,
  programKey: string,
  what: string,
): Promise<void> {
  let parsed: openpgp.Message<string | Uint8Array>;
  try {
    parsed =
      typeof message === 'string'
        ? await openpgp.readMessage({ armoredMessage: message })
        : await openpgp.readMessage({ binaryMessage: message });
  } catch {
    throw unprocessable('invalid_ciphertext', `${what} is not an OpenPGP message.`);
  }
  const recipients = parsed.getEncryptionKeyIDs().map((id) => id.toHex());
  const programIds = await keyIdsOf(programKey);
  if (!recipients.some((id) => programIds.has(id))) {
    throw unprocessable(
      'not_encrypted_to_program',
      `${what} is not encrypted to the program's OpenPGP key. Encrypt it to the key on the program's page.`,
    );
  }
}
