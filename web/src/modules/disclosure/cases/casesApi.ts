import { api, call } from '../../../api/client.ts';
import { type CaseAuth, linkHeaders } from './auth.ts';
import type {
  AddProductsBody,
  CaseEventBody,
  EmbargoTransitionBody,
  InviteBody,
  MessageBody,
  OpenCaseBody,
  ProposeEmbargoBody,
  ReviewBody,
  StatementBody,
  UpdateCaseBody,
  UpdateProductBody,
} from './types.ts';

// Every call of the case pages goes through here. Calls a participant may make take the page's auth, so a
// link's secret rides in its header on each of them; the coordinators' calls need an account.

const withId = (id: string) => ({ params: { path: { id } } });
const withLink = (id: string, auth: CaseAuth) => ({ params: { path: { id }, header: linkHeaders(auth) } });

export const listCases = (status: 'open' | 'closed' | '', cursor: string | undefined) =>
  call(
    api.GET('/api/v1/disclosure-cases', {
      params: { query: { ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) } },
    }),
  );

export const getCase = (id: string, auth: CaseAuth) =>
  call(api.GET('/api/v1/disclosure-cases/{id}', withLink(id, auth)));

/** The report a case is opened from, for its title. */
export const getReport = (id: string) => call(api.GET('/api/v1/vulnerability-reports/{id}', withId(id)));

export const openCase = (reportId: string, body: OpenCaseBody) =>
  call(api.POST('/api/v1/vulnerability-reports/{id}/case', { ...withId(reportId), body }));

export const updateCase = (id: string, body: UpdateCaseBody) =>
  call(api.PATCH('/api/v1/disclosure-cases/{id}', { ...withId(id), body }));

export const recordCaseEvent = (id: string, body: CaseEventBody) =>
  call(api.POST('/api/v1/disclosure-cases/{id}/events', { ...withId(id), body }));

export const inviteParticipant = (id: string, body: InviteBody) =>
  call(api.POST('/api/v1/disclosure-cases/{id}/participants', { ...withId(id), body }));

export const removeParticipant = (id: string, participantId: string) =>
  call(
    api.DELETE('/api/v1/disclosure-cases/{id}/participants/{participantId}', {
      params: { path: { id, participantId } },
    }),
  );

export const reissueLink = (id: string, participantId: string) =>
  call(
    api.POST('/api/v1/disclosure-cases/{id}/participants/{participantId}/links', {
      params: { path: { id, participantId } },
    }),
  );

export const addProducts = (id: string, body: AddProductsBody, auth: CaseAuth) =>
  call(api.POST('/api/v1/disclosure-cases/{id}/products', { ...withLink(id, auth), body }));

export const setProductStatus = (id: string, productId: string, body: UpdateProductBody, auth: CaseAuth) =>
  call(
    api.PUT('/api/v1/disclosure-cases/{id}/products/{productId}/status', {
      params: { path: { id, productId }, header: linkHeaders(auth) },
      body,
    }),
  );

export const submitStatement = (
  id: string,
  body: StatementBody & { participantId?: string },
  auth: CaseAuth,
) => call(api.POST('/api/v1/disclosure-cases/{id}/statements', { ...withLink(id, auth), body }));

export const reviewStatement = (id: string, statementId: string, body: ReviewBody) =>
  call(
    api.POST('/api/v1/disclosure-cases/{id}/statements/{statementId}/review', {
      params: { path: { id, statementId } },
      body,
    }),
  );

export const postCaseMessage = (id: string, body: MessageBody, auth: CaseAuth) =>
  call(api.POST('/api/v1/disclosure-cases/{id}/messages', { ...withLink(id, auth), body }));

export const proposeEmbargo = (id: string, body: ProposeEmbargoBody) =>
  call(api.POST('/api/v1/disclosure-cases/{id}/embargo', { ...withId(id), body }));

export const transitionEmbargo = (id: string, body: EmbargoTransitionBody, auth: CaseAuth) =>
  call(api.POST('/api/v1/disclosure-cases/{id}/embargo/transitions', { ...withLink(id, auth), body }));

/** Organizations of the platform whose name matches, for the invitation form; the first 20. */
export async function searchOrganizations(q: string) {
  const page = await call(api.GET('/api/v1/organizations', { params: { query: { q, limit: 20 } } }));
  return page.items;
}
