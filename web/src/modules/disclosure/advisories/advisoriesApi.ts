import { api, call } from '../../../api/client.ts';
import { ApiError } from '../../../api/errors.ts';
import { type LinkHeaders, storedLinkHeaders } from './linkAuth.ts';
import type {
  Advisory,
  CreateAdvisoryBody,
  CsafProfile,
  ReviewAdvisoryBody,
  ReviseAdvisoryBody,
} from './types.ts';

// Every call of the advisory pages goes through here, so the paths live in one place.

const segment = encodeURIComponent;
const withId = (id: string) => ({ params: { path: { id } } });

/** Where the published advisories are also offered: the Atom feed and the CSAF trusted-provider directory. */
export const FEED_URL = '/api/v1/advisories/feed.atom';
export const PROVIDER_METADATA_URL = '/.well-known/csaf/provider-metadata.json';
export const CSAF_DIRECTORY_URL = '/.well-known/csaf/white/';

/**
 * The CSAF document of an advisory on this site: as published, or the draft as it would be published now
 * for the coordinators. Relative, so it follows the address the reader uses.
 */
export const csafUrl = (id: string, profile: CsafProfile = 'security_advisory') =>
  `/api/v1/advisories/${segment(id)}/csaf${profile === 'vex' ? '?profile=vex' : ''}`;

export const listAdvisories = (cursor: string | undefined) =>
  call(api.GET('/api/v1/advisories', { params: { query: cursor ? { cursor } : {} } }));

const readAdvisory = (id: string, header: LinkHeaders) =>
  call(api.GET('/api/v1/advisories/{id}', { params: { path: { id }, header } }));

/**
 * Reads an advisory as the visitor, and, when that finds nothing, with a case link this tab holds (a
 * participant reading the draft). The first answer's error stands when no link opens it either.
 */
export async function getAdvisory(
  id: string,
  linkAttempts: readonly LinkHeaders[] = storedLinkHeaders(),
): Promise<{ advisory: Advisory; viaLink: LinkHeaders | null }> {
  try {
    return { advisory: await readAdvisory(id, {}), viaLink: null };
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
    for (const header of linkAttempts) {
      try {
        return { advisory: await readAdvisory(id, header), viaLink: header };
      } catch {
        // A withdrawn link, or one for another case: the advisory stays not found.
      }
    }
    throw error;
  }
}

/** Drafts a case's advisory once: the same key on a retry or a double click gives back the first answer. */
export const createAdvisory = (caseId: string, body: CreateAdvisoryBody, idempotencyKey: string) =>
  call(
    api.POST('/api/v1/disclosure-cases/{id}/advisory', {
      ...withId(caseId),
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  );

export const reviseAdvisory = (id: string, body: ReviseAdvisoryBody) =>
  call(api.POST('/api/v1/advisories/{id}/revisions', { ...withId(id), body }));

export const requestReview = (id: string) =>
  call(api.POST('/api/v1/advisories/{id}/review-requests', withId(id)));

export const reviewAdvisory = (id: string, body: ReviewAdvisoryBody) =>
  call(api.POST('/api/v1/advisories/{id}/reviews', { ...withId(id), body }));

export const requestPublication = (id: string) =>
  call(api.POST('/api/v1/advisories/{id}/publication', withId(id)));

export const getValidation = (id: string, profile: CsafProfile) =>
  call(api.GET('/api/v1/advisories/{id}/validation', { params: { path: { id }, query: { profile } } }));

/** The case, for its title and embargo (the coordinators read it with their account). */
export const getCase = (id: string) => call(api.GET('/api/v1/disclosure-cases/{id}', withId(id)));
