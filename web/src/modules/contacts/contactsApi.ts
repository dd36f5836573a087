import { api, call } from '../../api/client.ts';
import type { ContactQuery, EditBody, NominateBody } from './types.ts';

const byId = (id: string) => ({ path: { id } });

/** The contacts API (src/modules/contacts) as the pages use it. */
export const contactsApi = {
  list: (query: ContactQuery) => call(api.GET('/api/v1/contacts', { params: { query } })),
  get: (id: string) => call(api.GET('/api/v1/contacts/{id}', { params: byId(id) })),
  create: (body: NominateBody) => call(api.POST('/api/v1/contacts', { body })),
  update: (id: string, body: EditBody) =>
    call(api.PATCH('/api/v1/contacts/{id}', { params: byId(id), body })),
  remove: (id: string) => call(api.DELETE('/api/v1/contacts/{id}', { params: byId(id) })).then(() => true),
  /** Signed in as the holder, an org admin or the secretariat: `{}`. From a reminder link: its token. */
  confirm: (id: string, token?: string) =>
    call(
      api.POST('/api/v1/contacts/{id}/confirmations', {
        params: byId(id),
        body: token ? { token } : {},
      }),
    ),
  coverage: () => call(api.GET('/api/v1/directory/coverage')),
  freshness: () => call(api.GET('/api/v1/directory/freshness')),
};

/** Where the armored key downloads from (a plain link: the browser saves the file). */
export const keyDownloadPath = (id: string) => `/api/v1/contacts/${encodeURIComponent(id)}/openpgp.asc`;
