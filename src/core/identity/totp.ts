import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Trx } from '../db/transaction.ts';

const ISSUER = 'Common Ground';

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

export async function newTotpEnrolment(accountLabel: string): Promise<TotpEnrolment> {
  const secret = generateSecret();
  const otpauthUri = generateURI({ issuer: ISSUER, label: accountLabel, secret });
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUri, qrSvg };
}

/**
 * Checks a code, accepting the current one and the one before or after it for clock drift. Returns the
 * code's time step, which the caller records so that the same code is not accepted twice; null if wrong.
 */
export async function verifyTotp(
  secret: string,
  code: string,
  lastStep: number | null = null,
): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = await verify({
      secret,
      token,
      epochTolerance: 30,
      ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

/** Records a used time step; false when that step (or a later one) was already used, e.g. by a concurrent sign-in. */
export async function spendTotpStep(trx: Trx, userId: string, step: number): Promise<boolean> {
  const result = await trx
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
