import type { paths } from '../../api/schema.d.ts';

// The code lists the pages iterate over, in the order they are offered; labels come from codes.ts.

export const MESSAGE_TYPES = ['notification', 'request_for_information', 'request_for_assistance'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export const INCIDENT_STATUSES = ['suspected', 'ongoing', 'contained', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const IMPACT_LEVELS = ['low', 'medium', 'high', 'critical', 'unknown'] as const;
export type ImpactLevel = (typeof IMPACT_LEVELS)[number];

export const URGENCIES = ['immediate', 'priority', 'routine'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const REQUEST_STATUSES = [
  'sent',
  'acknowledged',
  'accepted',
  'partially_accepted',
  'declined',
  'more_info_needed',
  'responded',
  'closed',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const DECISIONS = ['accepted', 'partially_accepted', 'declined', 'more_info_needed'] as const;
export type Decision = (typeof DECISIONS)[number];

export const POC_ROLES = ['technical', 'policy', 'diplomatic'] as const;
export type PocRole = (typeof POC_ROLES)[number];

export const MESSAGE_KINDS = [
  'message',
  'response',
  'decision',
  'acknowledgement',
  'closure',
  'escalation',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export type Box = 'inbox' | 'outbox';

type JsonOf<P extends keyof paths, M extends 'get' | 'post', S extends number> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
type BodyOf<P extends keyof paths> = paths[P] extends {
  post: { requestBody?: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

export type AssistanceRequest = JsonOf<'/api/v1/assistance-requests/{id}', 'get', 200>;
export type RequestSummary = JsonOf<'/api/v1/assistance-requests', 'get', 200>['items'][number];
export type Recipient = AssistanceRequest['recipients'][number];
export type ThreadMessage = AssistanceRequest['thread'][number];
export type AttachmentMeta = AssistanceRequest['attachments'][number];
export type CreateRequestBody = BodyOf<'/api/v1/assistance-requests'>;
export type NewAttachment = NonNullable<CreateRequestBody['attachments']>[number];
export type DecideBody = BodyOf<'/api/v1/assistance-requests/{id}/decision'>;
export type MessageBody = BodyOf<'/api/v1/assistance-requests/{id}/messages'>;
export type PersonalDataFinding = JsonOf<
  '/api/v1/assistance-requests/personal-data-check',
  'post',
  200
>['findings'][number];
export type PocEntry = JsonOf<'/api/v1/contacts', 'get', 200>['items'][number];
