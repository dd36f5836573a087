import type { paths } from '../../../api/schema.d.ts';

// Shapes of the disclosure API (programs and vulnerability reports), derived from the generated client so
// they follow the server's schemas. The code lists the pages iterate over are kept here in the server's
// order; `satisfies` makes the compiler refuse a value the API does not know.

type JsonOf<
  P extends keyof paths,
  M extends 'get' | 'post' | 'patch',
  S extends number,
> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
type BodyOf<P extends keyof paths, M extends 'post' | 'patch'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** A program with its policy text, as GET /api/v1/disclosure-programs/{id} answers. */
export type Program = JsonOf<'/api/v1/disclosure-programs/{id}', 'get', 200>;
/** A line of the program list. */
export type ProgramSummary = JsonOf<'/api/v1/disclosure-programs', 'get', 200>['items'][number];
export type ProgramOpenpgp = NonNullable<Program['openpgp']>;
export type CreateProgramBody = BodyOf<'/api/v1/disclosure-programs', 'post'>;
export type UpdateProgramBody = BodyOf<'/api/v1/disclosure-programs/{id}', 'patch'>;

export type SafeHarbor = CreateProgramBody['safeHarbor'];
export const SAFE_HARBOR_LEVELS = ['full', 'partial', 'none'] as const satisfies readonly SafeHarbor[];

export type DisclosurePolicy = CreateProgramBody['disclosurePolicy'];
export const DISCLOSURE_POLICIES = [
  'coordinated',
  'discretionary',
  'non_disclosure',
] as const satisfies readonly DisclosurePolicy[];

export type DisclosureDays = CreateProgramBody['disclosureDays'];
/** The disclosure deadlines a program chooses from, in days; 45 is the default. */
export const DISCLOSURE_DAY_PRESETS = [45, 90, 120] as const satisfies readonly DisclosureDays[];

export type ProgramStatus = NonNullable<UpdateProgramBody['status']>;
export const PROGRAM_STATUSES = ['draft', 'published', 'retired'] as const satisfies readonly ProgramStatus[];

/** A report with its thread, as its reporter or the program's coordinators read it. */
export type Report = JsonOf<'/api/v1/vulnerability-reports/{id}', 'get', 200>;
/** A line of the report queue. */
export type ReportSummary = JsonOf<'/api/v1/vulnerability-reports', 'get', 200>['items'][number];
export type ReportMessage = Report['messages'][number];
export type ReportAttachment = Report['attachments'][number];
export type ReportTriage = NonNullable<Report['triage']>;
export type ViewerRole = Report['viewerRole'];

export type CreateReportBody = BodyOf<'/api/v1/vulnerability-reports', 'post'>;
/** The fields a researcher writes; the same object, as JSON, is what an encrypted report encrypts. */
export type ReportContent = NonNullable<CreateReportBody['content']>;
export type AttachmentInput = NonNullable<CreateReportBody['attachments']>[number];
/** The answer to a new report: the tracking id and, once, the secret of the reporter link. */
export type CreatedReport = JsonOf<'/api/v1/vulnerability-reports', 'post', 201>;
export type CreateMessageBody = BodyOf<'/api/v1/vulnerability-reports/{id}/messages', 'post'>;

export type Tristate = ReportContent['exploitation'];
export const TRISTATE = ['yes', 'no', 'unknown'] as const satisfies readonly Tristate[];

export type CreditChoice = CreateReportBody['credit'];
export const CREDIT_CHOICES = ['name', 'anonymous', 'none'] as const satisfies readonly CreditChoice[];

export type ReportStatus = NonNullable<
  NonNullable<paths['/api/v1/vulnerability-reports']['get']['parameters']['query']>['status']
>;
export const REPORT_STATUSES = [
  'received',
  'acknowledged',
  'tracked',
  'coordinating',
  'closed',
] as const satisfies readonly ReportStatus[];

export type CloseReason = NonNullable<
  BodyOf<'/api/v1/vulnerability-reports/{id}/status', 'post'>['closeReason']
>;
export const CLOSE_REASONS = [
  'out_of_scope',
  'duplicate',
  'not_a_vulnerability',
  'spam',
  'declined',
  'resolved',
] as const satisfies readonly CloseReason[];

/** At most this many files go with a report or a message. */
export const MAX_ATTACHMENTS = 5;
/** The header that carries a reporter link's secret (`<report id>.<secret>`). */
export const REPORTER_TOKEN_HEADER = 'x-reporter-token';
