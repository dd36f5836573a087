import { unprocessable } from '../../../core/http/errors.ts';
import { InvalidOpenPgpKeyError, inspectPublicKey, invalidKeyProblem } from '../../../core/openpgp/keys.ts';

/** Checks of what a nomination or an edit submits, beyond what the JSON schema can say. */

/**
 * BCP 47 tags in canonical form (`EN-us` becomes `en-US`), duplicates dropped, order kept: the first
 * UN language among them is the one mail goes out in.
 */
export function canonicalLanguageTags(tags: readonly string[]): string[] {
  const canonical: string[] = [];
  for (const tag of tags) {
    let normalized: string | undefined;
    try {
      normalized = Intl.getCanonicalLocales(tag.trim())[0];
    } catch {
      normalized = undefined;
    }
    // The primary subtag must be an ISO 639 code: BCP 47 also admits 5-8 letter subtags ("english")
    // and private-use forms ("x-…"), which name no language a person can be written to in.
    if (!normalized || !/^[a-z]{2,3}(-|$)/.test(normalized)) {
      throw unprocessable(
        'invalid_language_tag',
        `"${tag}" is not a BCP 47 language tag. Use tags such as "en", "fr-CA" or "zh-Hans".`,
        { tag },
      );
    }
    if (!canonical.includes(normalized)) canonical.push(normalized);
  }
  return canonical;
}

let timeZones: Set<string> | undefined;

/** An IANA time zone in its canonical name; a link such as `Asia/Calcutta` reads as `Asia/Kolkata`. */
export function canonicalTimeZone(zone: string): string {
  timeZones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  if (timeZones.has(zone)) return zone;
  try {
    const resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
    if (timeZones.has(resolved)) return resolved;
  } catch {
    // refused below
  }
  throw unprocessable(
    'invalid_time_zone',
    `"${zone}" is not an IANA time zone. Use names such as "Africa/Nairobi" or "UTC".`,
    { timeZone: zone },
  );
}

export interface WorkingHours {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: number[];
  start: string;
  end: string;
}

/** Weekdays sorted and without repeats; a start equal to its end would be no hours at all. */
export function normalizeWorkingHours(hours: WorkingHours | null | undefined): WorkingHours | null {
  if (!hours) return null;
  if (hours.start === hours.end) {
    throw unprocessable(
      'invalid_working_hours',
      'Working hours start and end at the same time. Leave them out for a contact reachable at all hours.',
    );
  }
  return { days: [...new Set(hours.days)].sort((a, b) => a - b), start: hours.start, end: hours.end };
}

export interface CheckedKey {
  armored: string;
  fingerprint: string;
  expiresAt: string | null;
}

/** A usable public key, re-armored (a private key or anything unusable is refused with 422). */
export async function checkOpenPgpKey(armored: string): Promise<CheckedKey> {
  try {
    const info = await inspectPublicKey(armored);
    return { armored: info.armored, fingerprint: info.fingerprint, expiresAt: info.expiresAt };
  } catch (error) {
    if (error instanceof InvalidOpenPgpKeyError) throw invalidKeyProblem(error);
    throw error;
  }
}
