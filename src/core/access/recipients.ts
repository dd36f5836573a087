import { isInRecordAudience, type ReadScope, type RecordResource } from './audience.ts';

/** A person notified by e-mail or in the app. */
export interface UserRecipient {
  kind: 'user';
  userId: string;
  memberships: readonly { orgId: string; isOrgVerified: boolean }[];
}

/** An organization's machine endpoint: a webhook or a TAXII client. */
export interface OrganizationRecipient {
  kind: 'organization';
  orgId: string;
  isOrgVerified: boolean;
}

/** Anyone at all: the public API, public exports, security.txt. */
export interface PublicRecipient {
  kind: 'public';
}

export type Recipient = UserRecipient | OrganizationRecipient | PublicRecipient;

function scopeOf(recipient: Recipient): ReadScope {
  switch (recipient.kind) {
    case 'public':
      return { isSignedIn: false, isCommunity: false, isSystem: false, orgIds: [] };
    case 'user': {
      // A recipient carries no platform-admin powers: those need a live TOTP session.
      const isCommunity = recipient.memberships.some((m) => m.isOrgVerified);
      const orgIds = recipient.memberships.map((m) => m.orgId);
      return { isSignedIn: true, isCommunity, isSystem: false, userId: recipient.userId, orgIds };
    }
    case 'organization':
      // An endpoint passes material on to people the platform does not know; only verification vouches
      // for them. So an unverified organization gets what the public gets, plus the records it is
      // involved in. With no user id, it can never be a named individual, hence never TLP:RED.
      return {
        isSignedIn: recipient.isOrgVerified,
        isCommunity: recipient.isOrgVerified,
        isSystem: false,
        orgIds: [recipient.orgId],
      };
  }
}

/** Whether a labelled record may leave the platform towards this recipient. */
export function canReceive(recipient: Recipient, record: RecordResource): boolean {
  return isInRecordAudience(scopeOf(recipient), record);
}

/** The recipients allowed to receive the record, in their original order and with their own fields. */
export function filterRecipients<R extends Recipient>(recipients: readonly R[], record: RecordResource): R[] {
  return recipients.filter((recipient) => canReceive(recipient, record));
}
