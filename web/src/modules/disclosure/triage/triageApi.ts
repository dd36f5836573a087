import { api, call } from '../../../api/client.ts';
import type {
  ChangeStatusBody,
  MessageBody,
  OrgMember,
  ProgramSummary,
  ReportQuery,
  SsvcDecisionBody,
  SsvcDescription,
  SsvcKind,
  UpdateReportBody,
} from './types.ts';

// Every call of the triage pages goes through here, so the paths live in one place.

const byId = (id: string) => ({ params: { path: { id } } });

export function listReports(query: ReportQuery, cursor: string | undefined) {
  return call(
    api.GET('/api/v1/vulnerability-reports', {
      params: { query: { ...query, ...(cursor ? { cursor } : {}) } },
    }),
  );
}

export const getReport = (id: string) => call(api.GET('/api/v1/vulnerability-reports/{id}', byId(id)));

export const updateReport = (id: string, body: UpdateReportBody) =>
  call(api.PATCH('/api/v1/vulnerability-reports/{id}', { ...byId(id), body }));

export const changeStatus = (id: string, body: ChangeStatusBody) =>
  call(api.POST('/api/v1/vulnerability-reports/{id}/status', { ...byId(id), body }));

export const recordSsvcDecision = (id: string, body: SsvcDecisionBody) =>
  call(api.POST('/api/v1/vulnerability-reports/{id}/ssvc-decisions', { ...byId(id), body }));

export const postMessage = (id: string, body: MessageBody) =>
  call(api.POST('/api/v1/vulnerability-reports/{id}/messages', { ...byId(id), body }));

/** An attachment's bytes, for decrypting in the browser (a plain link would save the ciphertext). */
export async function fetchAttachment(reportId: string, attachmentId: string): Promise<Uint8Array> {
  const blob = await call(
    api.GET('/api/v1/vulnerability-reports/{id}/attachments/{attachmentId}', {
      params: { path: { id: reportId, attachmentId } },
      parseAs: 'blob',
    }),
  );
  return new Uint8Array(await (blob as unknown as Blob).arrayBuffer());
}

export const attachmentUrl = (reportId: string, attachmentId: string) =>
  `/api/v1/vulnerability-reports/${encodeURIComponent(reportId)}/attachments/${encodeURIComponent(attachmentId)}`;

const ssvcTables = new Map<SsvcKind, Promise<SsvcDescription>>();

/** CERT/CC's decision table for a kind of decision; it never changes while the page is open. */
export function getSsvcDescription(kind: SsvcKind): Promise<SsvcDescription> {
  let table = ssvcTables.get(kind);
  if (!table) {
    table = call(api.GET('/api/v1/disclosure/ssvc/{kind}', { params: { path: { kind } } })).then(
      (data) => data as unknown as SsvcDescription,
    );
    // A failed load is tried again next time rather than remembered.
    table.catch(() => ssvcTables.delete(kind));
    ssvcTables.set(kind, table);
  }
  return table;
}

export const scoreCvss = (vector: string) =>
  call(api.POST('/api/v1/disclosure/cvss-scores', { body: { vector } }));

export const getProgram = (id: string) => call(api.GET('/api/v1/disclosure-programs/{id}', byId(id)));

/** The programs of the given organizations (the reader's own), for the queue's program filter. */
export async function listProgramsOf(orgIds: readonly string[]): Promise<ProgramSummary[]> {
  const pages = await Promise.all(
    orgIds.map((orgId) =>
      call(api.GET('/api/v1/disclosure-programs', { params: { query: { orgId, limit: 100 } } })),
    ),
  );
  const programs = new Map<string, ProgramSummary>();
  for (const page of pages) for (const program of page.items) programs.set(program.id, program);
  return [...programs.values()];
}

/** The members of an organization, at most `maxPages` pages of 100, for the assignee choice. */
export async function listMembers(orgId: string, maxPages = 5): Promise<OrgMember[]> {
  const members: OrgMember[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await call(
      api.GET('/api/v1/organizations/{id}/members', {
        params: { path: { id: orgId }, query: { limit: 100, ...(cursor ? { cursor } : {}) } },
      }),
    );
    members.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return members;
}
