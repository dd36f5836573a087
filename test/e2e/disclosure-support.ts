import { expect } from 'vitest';
import type { SmtpCapture } from '../fixtures/delivery-support.ts';
import { waitForMail } from './harness.ts';

/** What the disclosure journeys in Chromium share: dates around a zone, and the invitation links in mail. */

/** The day `days` ahead as YYYY-MM-DD, far enough from a change of clocks not to matter here. */
export function dayAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The zone's offset from UTC in hours on a day, read from the platform's zone data, not from the page's code. */
export function offsetHours(day: string, timeZone: string): number {
  const name =
    new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(new Date(`${day}T12:00:00Z`))
      .find((part) => part.type === 'timeZoneName')?.value ?? '';
  return Number(/GMT([+-]\d+)/.exec(name)?.[1] ?? 0);
}

/** The case link of an invitation mail, and the case id from its subject. */
export async function invitationLink(
  smtp: SmtpCapture,
  to: string,
): Promise<{ link: string; caseId: string }> {
  const mail = await waitForMail(smtp, to, /\/cases\/join#/);
  const link = /https?:\/\/\S+\/cases\/join#\S+/.exec(mail)?.[0];
  const caseId = /\[(case_[0-9a-z]{26})\]/.exec(mail)?.[1];
  expect(link, `the invitation mail to ${to} carries the link`).toBeDefined();
  return { link: link ?? '', caseId: caseId ?? '' };
}
