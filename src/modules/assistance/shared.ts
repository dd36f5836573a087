import type { Static } from 'typebox';
import { type Actor, authorize, can, type RecordResource } from '../../core/access/index.ts';
import type { AppContext } from '../../core/context.ts';
import type { Trx } from '../../core/db/transaction.ts';
import {
  type AttachmentInput,
  type DecodedAttachment,
  decodeAttachments as decodeFiles,
} from '../../core/http/attachments.ts';
import { AppError, notFound } from '../../core/http/errors.ts';
import { type CurrentPoc, findCurrentPocs, findPocHolderUserIds } from '../contacts/index.ts';
import {
  findRecipientPocRows,
  findRecipientRows,
  findRequestRow,
  type RecipientPocRow,
  type RecipientRow,
  type RequestRow,
} from './assistance.repository.ts';
import { requestRecord } from './audience.ts';

/** A request with everything its audience depends on. */
export interface LoadedRequest {
  request: RequestRow;
  recipients: RecipientRow[];
  pocs: RecipientPocRow[];
  record: RecordResource;
}

export async function loadRequest(
  db: AppContext['db'] | Trx,
  id: string,
): Promise<LoadedRequest | undefined> {
  const request = await findRequestRow(db, id);
  if (!request) return undefined;
  const [recipients, pocs] = await Promise.all([findRecipientRows(db, [id]), findRecipientPocRows(db, id)]);
  const record = requestRecord(
    request,
    recipients.map((recipient) => recipient.org_id),
    pocs.map((poc) => poc.user_id),
  );
  return { request, recipients, pocs, record };
}

/** The request if the actor may read it; hidden means missing (404). */
export async function getReadableRequest(ctx: AppContext, actor: Actor, id: string): Promise<LoadedRequest> {
  const loaded = await loadRequest(ctx.db, id);
  if (!loaded || !can(actor, 'record.read', loaded.record)) throw notFound('Request');
  return loaded;
}

/**
 * Acting for an organization as one of its POCs. Refused only for want of a second factor, the answer
 * says so (403 `mfa_required`), so the client can send the user to set up TOTP.
 */
export async function authorizeActFor(ctx: AppContext, actor: Actor, orgId: string): Promise<void> {
  const resource = {
    type: 'poc_holders',
    orgId,
    holderUserIds: await findPocHolderUserIds(ctx.db, orgId),
  } as const;
  if (can(actor, 'assistance.act_for', resource)) return;
  if (
    actor.type === 'user' &&
    !actor.hasMfa &&
    can({ ...actor, hasMfa: true }, 'assistance.act_for', resource)
  ) {
    throw new AppError(
      403,
      'mfa_required',
      'Points of contact act on requests with two-factor sign-in. Turn on TOTP.',
    );
  }
  authorize(actor, 'assistance.act_for', resource);
}

/** Media types shown inline-safe; anything else is served as application/octet-stream. */
const SAFE_MEDIA_TYPES = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/plain',
  'text/csv',
]);

export function servedMediaType(mediaType: string): string {
  const type = mediaType.toLowerCase();
  return SAFE_MEDIA_TYPES.has(type) ? type : 'application/octet-stream';
}

/** Request attachments are decoded by core's one decoder (ids `rfx_…`). */
export function decodeAttachments(
  ctx: AppContext,
  inputs: readonly Static<typeof AttachmentInput>[] | undefined,
): DecodedAttachment[] {
  return decodeFiles(inputs, { uploadLimitBytes: ctx.config.uploadLimitBytes, idPrefix: 'rfx' });
}

export async function insertAttachments(
  trx: Trx,
  requestId: string,
  messageId: string | null,
  attachments: readonly DecodedAttachment[],
  now: string,
): Promise<void> {
  if (attachments.length === 0) return;
  await trx
    .insertInto('assistance_attachments')
    .values(
      attachments.map((attachment) => ({
        id: attachment.id,
        request_id: requestId,
        message_id: messageId,
        file_name: attachment.fileName,
        media_type: attachment.mediaType,
        size: attachment.size,
        sha256: attachment.sha256,
        data: attachment.data,
        created_at: now,
      })),
    )
    .execute();
}

/** The POCs of a request as they are now in the directory (removed entries drop out). */
export async function currentPocsOf(
  db: AppContext['db'] | Trx,
  orgIds: readonly string[],
  filter: (poc: CurrentPoc) => boolean,
): Promise<CurrentPoc[]> {
  return (await findCurrentPocs(db, orgIds)).filter(filter);
}

/** The sender's own POC entry, when it is still in the directory. */
export async function senderPocOf(db: AppContext['db'] | Trx, request: RequestRow): Promise<CurrentPoc[]> {
  return currentPocsOf(db, [request.sender_org_id], (poc) => poc.id === request.sender_poc_id);
}
