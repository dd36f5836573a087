/**
 * Who a record is visible to, before any TLP label narrows it:
 * - `public`: everyone, signed in or not;
 * - `registered`: any signed-in user;
 * - `community`: the verified community, i.e. members of organizations the platform admins verified;
 * - `participants`: the people and organizations a record names, and its owner organization.
 */
export const VISIBILITIES = ['public', 'registered', 'community', 'participants'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export function isVisibility(value: unknown): value is Visibility {
  return typeof value === 'string' && (VISIBILITIES as readonly string[]).includes(value);
}
