import * as openpgp from 'openpgp';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateRecipientKey, type RecipientKey } from '../../../test/fixtures/openpgp.ts';
import { encryptAndSign } from './encrypt.ts';
import type { InstanceKey } from './instance-key.ts';
import { InvalidOpenPgpKeyError } from './keys.ts';

async function makeSigner(): Promise<InstanceKey> {
  const { privateKey, publicKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'ed25519Legacy',
    userIDs: [{ name: 'Common Ground', email: 'noreply@cg.example.test' }],
    format: 'object',
  });
  return {
    privateKey,
    publicArmored: publicKey.armor(),
    fingerprint: publicKey.getFingerprint().toUpperCase(),
  };
}

async function decrypt(armored: string, privateArmored: string, signerArmored: string) {
  const { data, signatures } = await openpgp.decrypt({
    message: await openpgp.readMessage({ armoredMessage: armored }),
    decryptionKeys: await openpgp.readPrivateKey({ armoredKey: privateArmored }),
    verificationKeys: await openpgp.readKey({ armoredKey: signerArmored }),
    format: 'binary',
  });
  const verdicts = await Promise.all(
    signatures.map((signature) =>
      signature.verified.then(
        () => true,
        () => false,
      ),
    ),
  );
  return { content: Buffer.from(data).toString('utf8'), verdicts };
}

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidOpenPgpKeyError);
    return (error as InvalidOpenPgpKeyError).reason;
  }
  throw new Error('encryption succeeded');
}

const CONTENT = 'Content-Type: text/plain; charset=utf-8\r\n\r\nIncident INC-42: indicators attached.\r\n';

describe('encryptAndSign', () => {
  let signer: InstanceKey;
  let recipient: RecipientKey;
  let thirdParty: RecipientKey;

  beforeAll(async () => {
    signer = await makeSigner();
    recipient = await generateRecipientKey('analyst@cert.example.test');
    thirdParty = await generateRecipientKey('bystander@other.example.test');
  });

  it('encrypts to the recipient, who gets the exact bytes with a valid signature of the instance key', async () => {
    const armored = await encryptAndSign(CONTENT, recipient.publicArmored, signer);
    expect(armored).toMatch(/^-----BEGIN PGP MESSAGE-----\n/);
    expect(armored).not.toContain('INC-42');
    const { content, verdicts } = await decrypt(armored, recipient.privateArmored, signer.publicArmored);
    expect(content).toBe(CONTENT);
    expect(verdicts).toEqual([true]);
  });

  it('cannot be decrypted with another key, and its signature is not valid for another signer', async () => {
    const armored = await encryptAndSign(CONTENT, recipient.publicArmored, signer);
    await expect(decrypt(armored, thirdParty.privateArmored, signer.publicArmored)).rejects.toThrow(
      /decrypt/i,
    );
    const impostor = await makeSigner();
    const { verdicts } = await decrypt(armored, recipient.privateArmored, impostor.publicArmored);
    expect(verdicts).toEqual([false]);
  });

  it('refuses a recipient key that cannot be used', async () => {
    const expired = await generateRecipientKey('old@cert.example.test', {
      date: new Date(Date.now() - 10 * 86_400_000),
      keyExpirationTime: 86_400,
    });
    expect(await reasonOf(encryptAndSign(CONTENT, expired.publicArmored, signer))).toBe('expired');
    expect(await reasonOf(encryptAndSign(CONTENT, 'not a key', signer))).toBe('not_a_key');
    expect(await reasonOf(encryptAndSign(CONTENT, recipient.privateArmored, signer))).toBe('private_key');
    const signOnly = await generateRecipientKey('s@cert.example.test', { withEncryptionSubkey: false });
    expect(await reasonOf(encryptAndSign(CONTENT, signOnly.publicArmored, signer))).toBe('no_encryption_key');
  });

  it('stops encrypting to a cached key once it expires', async () => {
    // Valid for about two more seconds.
    const created = new Date(Math.floor(Date.now() / 1000) * 1000 - 8000);
    const shortLived = await generateRecipientKey('brief@cert.example.test', {
      date: created,
      keyExpirationTime: 10,
    });
    await encryptAndSign(CONTENT, shortLived.publicArmored, signer);
    const expiry = created.getTime() + 10_000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiry - Date.now()) + 50));
    expect(await reasonOf(encryptAndSign(CONTENT, shortLived.publicArmored, signer))).toBe('expired');
  });

  it('costs a few milliseconds per message once the key is known (median of 200)', async () => {
    const body = `Content-Type: text/plain; charset=utf-8\r\n\r\n${'A line of a request about an incident.\r\n'.repeat(40)}`;
    for (let i = 0; i < 20; i++) await encryptAndSign(body, recipient.publicArmored, signer);
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const start = performance.now();
      await encryptAndSign(body, recipient.publicArmored, signer);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const median = times[100]!;
    console.info(`encryptAndSign: median ${median.toFixed(2)} ms, p90 ${times[180]!.toFixed(2)} ms`);
    // Generous for a shared machine; measured at about 1 ms.
    expect(median).toBeLessThan(20);
  });
});
