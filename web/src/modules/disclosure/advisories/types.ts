import type { paths } from '../../../api/schema.d.ts';

// Shapes of the advisories API, derived from the generated client so they follow the server's schemas.

type Method = 'get' | 'post' | 'put';
type JsonOf<P extends keyof paths, M extends Method, S extends number> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
type BodyOf<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** An advisory as the reader's place sees it: every revision for the coordinators, the published text for others. */
export type Advisory = JsonOf<'/api/v1/advisories/{id}', 'get', 200>;
export type Revision = Advisory['revisions'][number];
export type AdvisoryProduct = Advisory['products'][number];
export type AdvisoryReference = Revision['references'][number];
export type PublishedVersion = Advisory['versions'][number];
export type CvssScore = NonNullable<Advisory['cvss']['v3']>;

export type AdvisoryList = JsonOf<'/api/v1/advisories', 'get', 200>;
export type AdvisorySummary = AdvisoryList['items'][number];

export type CreateAdvisoryBody = BodyOf<'/api/v1/disclosure-cases/{id}/advisory', 'post'>;
export type ReviseAdvisoryBody = BodyOf<'/api/v1/advisories/{id}/revisions', 'post'>;
export type ReviewAdvisoryBody = BodyOf<'/api/v1/advisories/{id}/reviews', 'post'>;
export type ReviewDecision = ReviewAdvisoryBody['decision'];

export type Validation = JsonOf<'/api/v1/advisories/{id}/validation', 'get', 200>;
export type ValidationFinding = Validation['errors'][number];
export type CsafProfile = NonNullable<
  NonNullable<paths['/api/v1/advisories/{id}/validation']['get']['parameters']['query']>['profile']
>;
/** Both CSAF profiles the platform publishes, in the order the page lists them. */
export const CSAF_PROFILES = ['security_advisory', 'vex'] as const satisfies readonly CsafProfile[];

export type AdvisoryTlp = NonNullable<CreateAdvisoryBody['tlp']>;
export const ADVISORY_TLPS = [
  'CLEAR',
  'GREEN',
  'AMBER',
  'AMBER+STRICT',
  'RED',
] as const satisfies readonly AdvisoryTlp[];

/** The case an advisory is drafted from, as its coordinators read it. */
export type AdvisoryCase = JsonOf<'/api/v1/disclosure-cases/{id}', 'get', 200>;

/** Advisory statuses; an approved advisory may also wait for its case's embargo to exit. */
export const ADVISORY_STATUSES = ['draft', 'in_review', 'approved', 'published'] as const;
/** Review states of a revision. */
export const REVIEW_STATUSES = ['pending', 'approved', 'changes_requested'] as const;
