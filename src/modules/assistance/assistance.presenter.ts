import type { TlpLabel } from '../../core/access/index.ts';
import type { SectorCode } from '../../core/reference/sectors.ts';
import type { PocService } from '../contacts/index.ts';
import type { AttachmentMetaRow, MessageRow, RecipientRow, RequestRow } from './assistance.repository.ts';
import { isMessageVisible, type ViewerSides } from './audience.ts';
import type { Decision, ImpactLevel, IncidentStatus, MessageType, RequestStatus, Urgency } from './codes.ts';

type ThreadKind = 'message' | 'response' | 'decision' | 'acknowledgement' | 'closure';

/** Statuses after which nothing is awaited from the recipient. */
const SETTLED = new Set(['responded', 'declined', 'closed']);

function overdue(request: RequestRow, recipient: RecipientRow, now: string) {
  return {
    isAcknowledgeOverdue: recipient.status === 'sent' && request.acknowledge_by < now,
    isResponseOverdue: !SETTLED.has(recipient.status) && request.respond_by < now,
  };
}

/** A recipient's own status is for the sender's side and that recipient; its name is for every reader. */
function canSeeStatus(sides: ViewerSides, recipient: RecipientRow): boolean {
  return sides.isSender || sides.recipientOrgIds.includes(recipient.org_id);
}

function presentAttachment(row: AttachmentMetaRow) {
  return {
    id: row.id,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: row.size,
    sha256: row.sha256,
  };
}

export function presentRequestSummary(
  request: RequestRow,
  recipients: readonly RecipientRow[],
  sides: ViewerSides,
  now: string,
) {
  const visible = recipients.filter((recipient) => canSeeStatus(sides, recipient));
  return {
    id: request.id,
    type: request.type as MessageType,
    tlp: request.tlp as TlpLabel,
    title: request.title,
    senderOrg: { id: request.sender_org_id, name: request.sender_org_name },
    recipients: recipients.map((recipient) => ({
      org: { id: recipient.org_id, name: recipient.org_name },
      status: canSeeStatus(sides, recipient) ? (recipient.status as RequestStatus) : null,
    })),
    urgency: request.urgency as Urgency,
    acknowledgeBy: request.acknowledge_by,
    respondBy: request.respond_by,
    isAcknowledgeOverdue: visible.some((recipient) => overdue(request, recipient, now).isAcknowledgeOverdue),
    isResponseOverdue: visible.some((recipient) => overdue(request, recipient, now).isResponseOverdue),
    createdAt: request.created_at,
    closedAt: request.closed_at,
  };
}

export function presentRequest(
  request: RequestRow,
  recipients: readonly RecipientRow[],
  messages: readonly MessageRow[],
  attachments: readonly AttachmentMetaRow[],
  sides: ViewerSides,
  now: string,
) {
  const visibleMessages = messages.filter((message) =>
    isMessageVisible(sides, message, request.sender_org_id),
  );
  return {
    id: request.id,
    type: request.type as MessageType,
    tlp: request.tlp as TlpLabel,
    title: request.title,
    senderOrg: { id: request.sender_org_id, name: request.sender_org_name },
    sender: { userId: request.sender_user_id, pocId: request.sender_poc_id, name: request.sender_poc_name },
    detectedAt: request.detected_at,
    incidentStatus: request.incident_status as IncidentStatus,
    sector: request.sector as SectorCode,
    impactLevel: request.impact_level as ImpactLevel,
    isCrossBorder: request.is_cross_border === 1,
    assistanceRequested: JSON.parse(request.assistance_requested) as PocService[],
    assistanceDetails: request.assistance_details,
    actionsTaken: request.actions_taken,
    urgency: request.urgency as Urgency,
    responseLanguage: request.response_language,
    acknowledgeBy: request.acknowledge_by,
    respondBy: request.respond_by,
    description: request.description,
    closedAt: request.closed_at,
    closureNote: request.closure_note,
    createdAt: request.created_at,
    updatedAt: request.updated_at,
    recipients: recipients.map((recipient) => {
      const isVisible = canSeeStatus(sides, recipient);
      const flags = isVisible
        ? overdue(request, recipient, now)
        : { isAcknowledgeOverdue: false, isResponseOverdue: false };
      return {
        org: { id: recipient.org_id, name: recipient.org_name },
        status: isVisible ? (recipient.status as RequestStatus) : null,
        acknowledgedAt: isVisible ? recipient.acknowledged_at : null,
        decision: isVisible ? (recipient.decision as Decision | null) : null,
        decisionReason: isVisible ? recipient.decision_reason : null,
        decidedAt: isVisible ? recipient.decided_at : null,
        respondedAt: isVisible ? recipient.responded_at : null,
        escalationLevel: isVisible ? recipient.escalation_level : null,
        ...flags,
      };
    }),
    attachments: attachments.filter((row) => row.message_id === null).map(presentAttachment),
    thread: visibleMessages.map((message) => ({
      id: message.id,
      kind: message.kind as ThreadKind,
      org: { id: message.org_id, name: message.org_name },
      author: { id: message.user_id, name: message.author_name },
      toOrgId: message.to_org_id,
      body: message.body,
      attachments: attachments.filter((row) => row.message_id === message.id).map(presentAttachment),
      createdAt: message.created_at,
    })),
    viewer: { isSender: sides.isSender, recipientOrgIds: sides.recipientOrgIds },
  };
}

export type PresentedRequest = ReturnType<typeof presentRequest>;
