// The assistance module's tables, merged into the one Database interface by declaration merging.
// Conventions as in core/db/tables.ts: ISO text timestamps, integer booleans, JSON as text.

/** A notification, request for information or request for assistance, from one organization to others. */
export interface AssistanceRequestsTable {
  id: string;
  /** notification | request_for_information | request_for_assistance */
  type: string;
  sender_org_id: string;
  /** The POC entry it was sent from, and the person who sent it (named on TLP:RED). */
  sender_poc_id: string;
  sender_user_id: string;
  tlp: string;
  /** A short subject for lists; never put in e-mail subjects, which carry only the label and the id. */
  title: string;
  detected_at: string | null;
  incident_status: string;
  sector: string;
  impact_level: string;
  is_cross_border: number;
  /** JSON array of service codes requested (contacts/codes.ts). */
  assistance_requested: string;
  assistance_details: string;
  actions_taken: string;
  urgency: string;
  /** BCP 47 tag of the language the sender prefers the response in. */
  response_language: string;
  acknowledge_by: string;
  respond_by: string;
  description: string;
  /** Set when the sender closes the request for every recipient. */
  closed_at: string | null;
  closure_note: string | null;
  created_at: string;
  updated_at: string;
}

/** Each recipient organization follows its own lifecycle (received, acknowledged, decided, responded). */
export interface AssistanceRecipientsTable {
  request_id: string;
  org_id: string;
  status: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  decision: string | null;
  decision_reason: string | null;
  decided_at: string | null;
  decided_by: string | null;
  responded_at: string | null;
  /** 0 until the acknowledgement deadline passes; then one step per further POC role notified. */
  escalation_level: number;
  next_escalation_at: string | null;
  updated_at: string;
}

/** The POCs a request was addressed to (and escalated to): the named people of a TLP:RED request. */
export interface AssistanceRecipientPocsTable {
  request_id: string;
  org_id: string;
  poc_id: string;
  user_id: string;
  /** 0 for the first addressees; the escalation level that added the others. */
  added_at_level: number;
  added_at: string;
}

/** The thread: messages from either side, including decisions and responses. */
export interface AssistanceMessagesTable {
  id: string;
  request_id: string;
  org_id: string;
  user_id: string;
  /** message | response | decision | acknowledgement | closure | escalation */
  kind: string;
  /** The recipient organization a sender's message is for; null when it goes to all of them. */
  to_org_id: string | null;
  body: string;
  created_at: string;
}

export interface AssistanceAttachmentsTable {
  id: string;
  request_id: string;
  /** null for attachments sent with the request itself. */
  message_id: string | null;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  data: Buffer;
  created_at: string;
}

declare module '../../core/db/tables.ts' {
  interface Database {
    assistance_requests: AssistanceRequestsTable;
    assistance_recipients: AssistanceRecipientsTable;
    assistance_recipient_pocs: AssistanceRecipientPocsTable;
    assistance_messages: AssistanceMessagesTable;
    assistance_attachments: AssistanceAttachmentsTable;
  }
}
