import { hash, verify } from '@node-rs/argon2';
import { unprocessable } from '../http/errors.ts';
import { findPasswordProblem } from './password-policy.ts';

// Argon2id (algorithm 2) with the OWASP-recommended minimum: 19 MiB, 2 iterations, 1 lane.
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A fixed hash to verify against when the account does not exist, so timing does not reveal accounts.
let decoyHash: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<void> {
  decoyHash ??= hashPassword('decoy password that matches nothing');
  await verifyPassword(await decoyHash, password);
}

/** Throws 422 `weak_password` naming the problem, per NIST SP 800-63B: length and a blocklist only. */
export function assertAcceptablePassword(password: string, email?: string): void {
  const problem = findPasswordProblem(password, email ? { email } : undefined);
  if (problem) {
    throw unprocessable('weak_password', 'Choose another password.', { errors: [{ code: problem }] });
  }
}
