import type { paths } from '../../../api/schema.d.ts';
import type { Member } from '../../../api/types.ts';
import type { Report, ReportContent } from '../shared/types.ts';

// The shapes of the disclosure API as the triage pages use them, derived from the API document.

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
type QueryOf<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } }
  ? NonNullable<Q>
  : never;

// The shapes both sides of a report share come from the disclosure pages' common types.
export type {
  Program,
  ProgramSummary,
  Report,
  ReportAttachment,
  ReportContent,
  ReportMessage,
  ReportSummary,
  ViewerRole,
} from '../shared/types.ts';

export type Triage = NonNullable<Report['triage']>;
export type RecordedDecision = Triage['decisions'][number];
export type CvssRating = NonNullable<Triage['cvssV3']>;

export type ReportQuery = QueryOf<'/api/v1/vulnerability-reports'>;
export type UpdateReportBody = BodyOf<'/api/v1/vulnerability-reports/{id}', 'patch'>;
export type ChangeStatusBody = BodyOf<'/api/v1/vulnerability-reports/{id}/status', 'post'>;
export type SsvcDecisionBody = BodyOf<'/api/v1/vulnerability-reports/{id}/ssvc-decisions', 'post'>;
export type MessageBody = BodyOf<'/api/v1/vulnerability-reports/{id}/messages', 'post'>;
export type CvssScore = JsonOf<'/api/v1/disclosure/cvss-scores', 'post', 200>;

export type OrgMember = Member;

export type ReportStatus = NonNullable<ReportQuery['status']>;
export const REPORT_STATUSES: readonly ReportStatus[] = [
  'received',
  'acknowledged',
  'tracked',
  'coordinating',
  'closed',
];

export type Priority = NonNullable<ReportQuery['priority']>;
export const PRIORITIES: readonly Priority[] = ['low', 'medium', 'high', 'critical'];

export type Tristate = NonNullable<UpdateReportBody['exploitation']>;
export const TRISTATES: readonly Tristate[] = ['yes', 'no', 'unknown'];

export type TargetStatus = ChangeStatusBody['status'];
export type CloseReason = NonNullable<ChangeStatusBody['closeReason']>;
export const CLOSE_REASONS: readonly CloseReason[] = [
  'out_of_scope',
  'duplicate',
  'not_a_vulnerability',
  'spam',
  'declined',
  'resolved',
];

export type SsvcKind = SsvcDecisionBody['kind'];
export const SSVC_KINDS: readonly SsvcKind[] = ['triage', 'publish'];

/** The fields of a report in the order a reader takes them in. */
export const CONTENT_FIELDS = [
  'product',
  'version',
  'description',
  'reproduction',
  'impact',
  'priorVendorContact',
  'exploitation',
  'publicity',
  'disclosurePlans',
] as const satisfies readonly (keyof ReportContent)[];

// GET /api/v1/disclosure/ssvc/{kind} has no response schema in the API document, so its shape is written
// here, as the server's scoring module describes it (decision points with their values and definitions,
// every row of CERT/CC's table, and the tables that derive an input from more basic facts).

export interface SsvcValue {
  key: string;
  name: string;
  definition: string;
}

export interface SsvcDecisionPoint {
  key: string;
  id: string;
  name: string;
  definition: string;
  values: SsvcValue[];
}

export interface SsvcRow {
  inputs: Record<string, string>;
  outcome: string;
}

export interface SsvcTable {
  tableKey: string;
  tableVersion: string;
  name: string;
  definition: string;
  inputs: SsvcDecisionPoint[];
  outcome: SsvcDecisionPoint;
  rows: SsvcRow[];
}

export interface SsvcDerivation extends SsvcTable {
  derives: string;
}

export interface SsvcDescription extends SsvcTable {
  kind: SsvcKind;
  derivable: SsvcDerivation[];
}
