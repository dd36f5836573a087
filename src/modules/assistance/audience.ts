import { type Actor, can, type RecordResource, type TlpLabel } from '../../core/access/index.ts';
import type { RecipientRow, RequestRow } from './assistance.repository.ts';

/**
 * A request as a labelled record: the one policy (core/access) decides who reads it, and the same rule
 * filters lists in SQL (readableCondition in the repository).
 * - TLP:RED: the named people only, i.e. the sender and the POCs it was addressed or escalated to;
 * - TLP:AMBER+STRICT and TLP:AMBER: the members of the sender's and the recipients' organizations;
 * - TLP:GREEN and TLP:CLEAR: the verified community. CLEAR would allow the public, but a request between
 *   POCs is never published on the platform; the sender can share TLP:CLEAR material elsewhere.
 */
export function requestRecord(
  request: Pick<RequestRow, 'tlp' | 'sender_org_id' | 'sender_user_id' | 'sender_is_member'>,
  recipientOrgIds: readonly string[],
  namedPocUserIds: readonly string[],
): RecordResource {
  const tlp = request.tlp as TlpLabel;
  // Named people are named for their organization: the sender only while still a member of the sending
  // organization, the POCs only while members of theirs (findRecipientPocRows gives only those).
  const sender = request.sender_is_member === 1 ? [request.sender_user_id] : [];
  return {
    type: 'record',
    visibility: tlp === 'TLP:GREEN' || tlp === 'TLP:CLEAR' ? 'community' : 'participants',
    tlp,
    ownerOrgId: request.sender_org_id,
    participantOrgIds: [...recipientOrgIds],
    participantUserIds: [...new Set([...sender, ...namedPocUserIds])],
  };
}

/** Whether a label keeps the content of mail to a POC without a key to a link and metadata. */
export function isContentRestricted(tlp: string): boolean {
  return tlp === 'TLP:AMBER' || tlp === 'TLP:AMBER+STRICT' || tlp === 'TLP:RED';
}

/**
 * Which sides of the exchange a reader is on. Threads are bilateral: a recipient organization sees its
 * own exchange with the sender and the sender's messages to all recipients; the sender sees everything.
 * A reader on neither side (the community reading a TLP:GREEN request) sees the request, not the thread.
 */
export interface ViewerSides {
  isSender: boolean;
  recipientOrgIds: string[];
}

export function viewerSides(
  actor: Actor,
  request: Pick<RequestRow, 'sender_org_id'>,
  recipients: readonly Pick<RecipientRow, 'org_id'>[],
): ViewerSides {
  // A named person is named for an organization and only while a member of it, so the policy's side rule
  // (current members of that organization) covers them too.
  const readsSide = (orgId: string) => can(actor, 'record.side.read', { type: 'record_side', orgId });
  return {
    isSender: readsSide(request.sender_org_id),
    recipientOrgIds: recipients.map((recipient) => recipient.org_id).filter(readsSide),
  };
}

/** Whether the reader sees a thread message (or its attachments). */
export function isMessageVisible(
  sides: ViewerSides,
  message: { org_id: string; to_org_id: string | null },
  senderOrgId: string,
): boolean {
  if (sides.isSender) return true;
  if (message.org_id === senderOrgId) {
    return message.to_org_id === null
      ? sides.recipientOrgIds.length > 0
      : sides.recipientOrgIds.includes(message.to_org_id);
  }
  return sides.recipientOrgIds.includes(message.org_id);
}
