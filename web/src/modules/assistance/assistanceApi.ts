import { api, call } from '../../api/client.ts';
import type {
  Box,
  CreateRequestBody,
  DecideBody,
  MessageBody,
  MessageType,
  PersonalDataFinding,
  PocEntry,
  RequestStatus,
} from './types.ts';

// Every call of these pages goes through here, so the paths live in one place.

const segment = encodeURIComponent;
const base = '/api/v1/assistance-requests';
const path = (id: string) => ({ params: { path: { id } } });

export type ListFilters = { box: Box; status: RequestStatus | ''; type: MessageType | ''; q: string };

export function listRequests(filters: ListFilters, cursor: string | undefined) {
  return call(
    api.GET('/api/v1/assistance-requests', {
      params: {
        query: {
          box: filters.box,
          ...(filters.status ? { status: filters.status } : {}),
          ...(filters.type ? { type: filters.type } : {}),
          ...(filters.q ? { q: filters.q } : {}),
          ...(cursor ? { cursor } : {}),
        },
      },
    }),
  );
}

export function exportCsvUrl(filters: ListFilters): string {
  const query = new URLSearchParams({ box: filters.box });
  if (filters.status) query.set('status', filters.status);
  if (filters.type) query.set('type', filters.type);
  if (filters.q) query.set('q', filters.q);
  return `${base}/export.csv?${query}`;
}

export const attachmentUrl = (requestId: string, attachmentId: string) =>
  `${base}/${segment(requestId)}/attachments/${segment(attachmentId)}`;

export const getRequest = (id: string) => call(api.GET('/api/v1/assistance-requests/{id}', path(id)));

/** Sends a request once: the same key on a retry or a double click gives back the first answer. */
export const createRequest = (body: CreateRequestBody, idempotencyKey: string) =>
  call(api.POST('/api/v1/assistance-requests', { body, headers: { 'Idempotency-Key': idempotencyKey } }));

export async function checkPersonalData(text: string): Promise<PersonalDataFinding[]> {
  const result = await call(api.POST('/api/v1/assistance-requests/personal-data-check', { body: { text } }));
  return result.findings;
}

export const acknowledge = (id: string, orgId: string | undefined) =>
  call(
    api.POST('/api/v1/assistance-requests/{id}/acknowledgement', {
      ...path(id),
      body: orgId ? { orgId } : {},
    }),
  );

export const decide = (id: string, body: DecideBody) =>
  call(api.POST('/api/v1/assistance-requests/{id}/decision', { ...path(id), body }));

export const postMessage = (id: string, body: MessageBody) =>
  call(api.POST('/api/v1/assistance-requests/{id}/messages', { ...path(id), body }));

export const closeRequest = (id: string, note: string) =>
  call(api.POST('/api/v1/assistance-requests/{id}/closure', { ...path(id), body: note ? { note } : {} }));

/** Entries of the POC directory, optionally of one organization; at most `maxPages` pages of 100. */
export async function listPocEntries(orgId?: string, maxPages = 10): Promise<PocEntry[]> {
  const entries: PocEntry[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await call(
      api.GET('/api/v1/contacts', {
        params: { query: { limit: 100, ...(orgId ? { orgId } : {}), ...(cursor ? { cursor } : {}) } },
      }),
    );
    entries.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return entries;
}
