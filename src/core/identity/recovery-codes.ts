import { randomInt } from 'node:crypto';
import { newId, nowIso } from '../db/ids.ts';
import type { Trx } from '../db/transaction.ts';
import { hashToken } from './crypto.ts';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const CODE_COUNT = 10;

function newCode(): string {
  let raw = '';
  for (let i = 0; i < 10; i++) raw += ALPHABET[randomInt(ALPHABET.length)];
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

function normalize(code: string): string {
  return code
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Replaces the user's recovery codes; returns the new ones, which are shown once. */
export async function replaceRecoveryCodes(trx: Trx, userId: string): Promise<string[]> {
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  const codes = Array.from({ length: CODE_COUNT }, newCode);
  const now = nowIso();
  await trx
    .insertInto('recovery_codes')
    .values(
      codes.map((code) => ({
        id: newId('rcv'),
        user_id: userId,
        code_hash: hashToken(normalize(code)),
        created_at: now,
        used_at: null,
      })),
    )
    .execute();
  return codes;
}

/** Spends a recovery code: true when it was unused and is now used. */
export async function spendRecoveryCode(trx: Trx, userId: string, code: string): Promise<boolean> {
  const result = await trx
    .updateTable('recovery_codes')
    .set({ used_at: nowIso() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hashToken(normalize(code)))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
