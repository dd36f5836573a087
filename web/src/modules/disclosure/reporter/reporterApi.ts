import { api, call } from '../../../api/client.ts';
import { networkError, toApiError } from '../../../api/errors.ts';
import type { CreateMessageBody, CreateReportBody } from '../shared/types.ts';
import { REPORTER_TOKEN_HEADER } from '../shared/types.ts';

// Every call of the researcher's pages goes through here. The reporter link's secret travels only in the
// X-Reporter-Token header, never in a URL, so it stays out of server logs and Referer headers.

const segment = encodeURIComponent;

/** Sends a report once; the API has no idempotency here, so the form must never send twice. */
export const createReport = (body: CreateReportBody) =>
  call(api.POST('/api/v1/vulnerability-reports', { body }));

export const getReportWithToken = (id: string, token: string) =>
  call(
    api.GET('/api/v1/vulnerability-reports/{id}', {
      params: { path: { id }, header: { [REPORTER_TOKEN_HEADER]: token } },
    }),
  );

export const postMessageWithToken = (id: string, token: string, body: CreateMessageBody) =>
  call(
    api.POST('/api/v1/vulnerability-reports/{id}/messages', {
      params: { path: { id }, header: { [REPORTER_TOKEN_HEADER]: token } },
      body,
    }),
  );

/** An attachment as a Blob: the download needs the header, which a plain link cannot send. */
export async function fetchAttachment(reportId: string, attachmentId: string, token: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(
      `/api/v1/vulnerability-reports/${segment(reportId)}/attachments/${segment(attachmentId)}`,
      { headers: { [REPORTER_TOKEN_HEADER]: token }, credentials: 'same-origin', cache: 'no-store' },
    );
  } catch {
    throw networkError();
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw toApiError(body, response);
  }
  return response.blob();
}

/** Hands a Blob to the browser as a download with the given name, through a short-lived object URL. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL only needs to outlive the click.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
