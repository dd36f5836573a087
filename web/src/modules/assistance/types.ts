import assistanceCodes from '../../../../src/modules/assistance/data/codes.json' with { type: 'json' };
import contactCodes from '../../../../src/modules/contacts/data/codes.json' with { type: 'json' };
import type { paths } from '../../api/schema.d.ts';

// The code lists the pages iterate over come from the same JSON the server validates and labels with, in
// its order; their types come from the API document.

type Coded = readonly { code: string }[];
const codesOf = <T extends string>(list: Coded): readonly T[] => list.map((entry) => entry.code as T);

export type MessageType = CreateRequestBody['type'];
export const MESSAGE_TYPES = codesOf<MessageType>(assistanceCodes.messageTypes);

export type IncidentStatus = CreateRequestBody['incidentStatus'];
export const INCIDENT_STATUSES = codesOf<IncidentStatus>(assistanceCodes.incidentStatuses);

export type ImpactLevel = CreateRequestBody['impactLevel'];
export const IMPACT_LEVELS = codesOf<ImpactLevel>(assistanceCodes.impactLevels);

export type Urgency = CreateRequestBody['urgency'];
export const URGENCIES = codesOf<Urgency>(assistanceCodes.urgencies);

export type RequestStatus = NonNullable<Recipient['status']>;
export const REQUEST_STATUSES = codesOf<RequestStatus>(assistanceCodes.requestStatuses);

export type Decision = DecideBody['decision'];
export const DECISIONS = codesOf<Decision>(assistanceCodes.decisions);

export type PocRole = PocEntry['role'];
export const POC_ROLES = codesOf<PocRole>(contactCodes.pocRoles);

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
