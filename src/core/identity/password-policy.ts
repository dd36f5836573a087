import { readFileSync } from 'node:fs';

// NIST SP 800-63B: a length floor, a generous ceiling, a blocklist, and no composition rules.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'contains_email';

let commonPasswords: ReadonlySet<string> | undefined;

// Loaded on first use, not at import, so processes that never check a password never read the list.
function getCommonPasswords(): ReadonlySet<string> {
  commonPasswords ??= new Set(
    readFileSync(new URL('./data/common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line !== ''),
  );
  return commonPasswords;
}

/** Length in Unicode code points, so an emoji or a character outside the BMP counts once. */
function countCodePoints(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

export function isCommonPassword(password: string): boolean {
  return getCommonPasswords().has(password.toLowerCase());
}

/** The first rule the password breaks, or null when it is acceptable. */
export function findPasswordProblem(password: string, context?: { email?: string }): PasswordProblem | null {
  const length = countCodePoints(password);
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  if (isCommonPassword(password)) return 'too_common';
  const email = context?.email?.trim().toLowerCase();
  if (email) {
    const candidate = password.trim().toLowerCase();
    const at = email.lastIndexOf('@');
    const localPart = at > 0 ? email.slice(0, at) : '';
    if (candidate === email || (localPart !== '' && candidate === localPart)) return 'contains_email';
  }
  return null;
}
