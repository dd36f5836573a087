import type { paths } from '../../../api/schema.d.ts';

// The shapes of the disclosure-case API, derived from the generated client so they follow the server's
// schemas. The code lists the pages iterate over are kept here in a fixed order; `satisfies` makes the
// compiler refuse a value the API does not accept.

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
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

/** A case as the viewer's role sees it (GET /api/v1/disclosure-cases/{id}, and every write's answer). */
export type Case = JsonOf<'/api/v1/disclosure-cases/{id}', 'get', 200>;
/** A line of the list of cases. */
export type CaseSummary = JsonOf<'/api/v1/disclosure-cases', 'get', 200>['items'][number];
export type Participant = Case['participants'][number];
export type Product = NonNullable<Participant['products']>[number];
export type Statement = NonNullable<Participant['statements']>[number];
export type Embargo = NonNullable<Case['embargo']>;
export type EmbargoEvent = Embargo['events'][number];
export type CaseMessage = Case['messages'][number];
export type CaseViewer = Case['viewer'];
/** The answer to an invitation or a new link: the secret link is shown once. */
export type Invitation = JsonOf<'/api/v1/disclosure-cases/{id}/participants', 'post', 201>;

export type OpenCaseBody = BodyOf<'/api/v1/vulnerability-reports/{id}/case', 'post'>;
export type UpdateCaseBody = BodyOf<'/api/v1/disclosure-cases/{id}', 'patch'>;
export type CaseEventBody = BodyOf<'/api/v1/disclosure-cases/{id}/events', 'post'>;
export type InviteBody = BodyOf<'/api/v1/disclosure-cases/{id}/participants', 'post'>;
export type ProductInput = NonNullable<InviteBody['products']>[number];
export type AddProductsBody = BodyOf<'/api/v1/disclosure-cases/{id}/products', 'post'>;
export type UpdateProductBody = BodyOf<'/api/v1/disclosure-cases/{id}/products/{productId}/status', 'put'>;
export type StatementBody = BodyOf<'/api/v1/disclosure-cases/{id}/statements', 'post'>;
export type ReviewBody = BodyOf<'/api/v1/disclosure-cases/{id}/statements/{statementId}/review', 'post'>;
export type MessageBody = BodyOf<'/api/v1/disclosure-cases/{id}/messages', 'post'>;
export type ProposeEmbargoBody = BodyOf<'/api/v1/disclosure-cases/{id}/embargo', 'post'>;
export type EmbargoTransitionBody = BodyOf<'/api/v1/disclosure-cases/{id}/embargo/transitions', 'post'>;
export type OrganizationSummary = JsonOf<'/api/v1/organizations', 'get', 200>['items'][number];

export type InvitedRole = InviteBody['role'];
/** The roles a coordinator invites; the coordinator and the reporter take part from the start. */
export const INVITED_ROLES = [
  'vendor',
  'affected_owner',
  'observer',
] as const satisfies readonly InvitedRole[];
export const CASE_ROLES = ['coordinator', 'reporter', ...INVITED_ROLES] as const;

export type SettableStatus = UpdateProductBody['status'];
/** The statuses a product can be given; "no response yet" is only ever where it starts. */
export const SETTABLE_STATUSES = [
  'affected',
  'not_affected',
  'fixed',
  'under_investigation',
] as const satisfies readonly SettableStatus[];
export type ProductStatus = SettableStatus | 'no_response';
export const PRODUCT_STATUSES = [...SETTABLE_STATUSES, 'no_response'] as const;

export type Justification = NonNullable<UpdateProductBody['justification']>;
/** CSAF 2.0 / VEX justifications of "not affected", from the most to the least conclusive. */
export const VEX_JUSTIFICATIONS = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
] as const satisfies readonly Justification[];

export type TargetDays = NonNullable<OpenCaseBody['targetDays']>;
/** The target-date presets, in days from the case's opening; 45 is the default. */
export const TARGET_PRESETS = [45, 90, 120] as const satisfies readonly TargetDays[];
export const DEFAULT_TARGET_DAYS: TargetDays = 45;

/** Embargo states after Vultron; "none" is the state of a case without an embargo. */
export const EMBARGO_STATES = ['none', 'proposed', 'active', 'revise', 'exited'] as const;
export type EmbargoAction = EmbargoTransitionBody['action'];

export type CaseEventKind = CaseEventBody['kind'];
export type CaseStatus = NonNullable<UpdateCaseBody['status']>;

/** At most this many products go in one request. */
export const MAX_PRODUCTS_PER_REQUEST = 200;
