import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  findPasswordProblem,
  isCommonPassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from './password-policy.ts';

const commonPasswords = readFileSync(new URL('./data/common-passwords.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line !== '');

describe('the common-password list', () => {
  it('holds exactly 10,000 distinct lower-case passwords', () => {
    expect(commonPasswords).toHaveLength(10_000);
    expect(new Set(commonPasswords).size).toBe(10_000);
    expect(commonPasswords.every((password) => password === password.toLowerCase())).toBe(true);
  });

  it('is ordered by frequency, most common first', () => {
    expect(commonPasswords.slice(0, 3)).toEqual(['123456', 'password', '12345678']);
  });
});

describe('findPasswordProblem', () => {
  it('accepts a long, uncommon passphrase', () => {
    expect(findPasswordProblem('correct horse battery staple')).toBeNull();
  });

  it('counts code points, so 12 emoji or Arabic letters are long enough', () => {
    const emoji = '🔐🌍🛰️🧭🦉🎻🪁🍋🚲🌵🧩🐙'.replace(/\uFE0F/g, '');
    expect([...emoji]).toHaveLength(12);
    expect(emoji.length).toBeGreaterThan(12);
    expect(findPasswordProblem(emoji)).toBeNull();
    const arabic = 'حديقة الورود';
    expect([...arabic]).toHaveLength(12);
    expect(findPasswordProblem(arabic)).toBeNull();
  });

  it('rejects 11 code points as too short, even when they are 22 UTF-16 units', () => {
    const elevenEmoji = '🔐🌍🧭🦉🎻🪁🍋🚲🌵🧩🐙';
    expect(elevenEmoji.length).toBe(22);
    expect(findPasswordProblem(elevenEmoji)).toBe('too_short');
    expect(findPasswordProblem('a'.repeat(PASSWORD_MIN_LENGTH - 1))).toBe('too_short');
    expect(findPasswordProblem('')).toBe('too_short');
  });

  it('accepts the maximum length and rejects one more', () => {
    expect(findPasswordProblem('x7'.repeat(PASSWORD_MAX_LENGTH / 2))).toBeNull();
    expect(findPasswordProblem(`${'x7'.repeat(PASSWORD_MAX_LENGTH / 2)}!`)).toBe('too_long');
  });

  it('rejects a list entry from near the end of the list, whatever its case', () => {
    const index = commonPasswords.indexOf('qwerasdfzxcv');
    expect(index).toBeGreaterThan(9_000);
    expect(findPasswordProblem('qwerasdfzxcv')).toBe('too_common');
    expect(findPasswordProblem('QwerAsdfZxcv')).toBe('too_common');
  });

  it('knows the very last entry of the list', () => {
    const last = commonPasswords.at(-1) ?? '';
    expect(isCommonPassword(last)).toBe(true);
    expect(isCommonPassword(`${last}-not-in-the-list`)).toBe(false);
  });

  it('needs no letters, digits or symbols of any particular class', () => {
    expect(findPasswordProblem('alllowercaseletters')).toBeNull();
    expect(findPasswordProblem('840261739518')).toBeNull();
  });

  it('rejects the e-mail address or its local part, ignoring case', () => {
    const context = { email: 'Amina.Diallo@example.org' };
    expect(findPasswordProblem('amina.diallo@example.org', context)).toBe('contains_email');
    expect(findPasswordProblem('AMINA.DIALLO', context)).toBe('contains_email');
    expect(findPasswordProblem('amina.diallo is my name', context)).toBeNull();
    expect(findPasswordProblem('amina.diallo', {})).toBeNull();
  });

  it('does not treat a malformed e-mail as a local part', () => {
    expect(findPasswordProblem('not-an-email-address', { email: 'not-an-email-address!' })).toBeNull();
  });
});
