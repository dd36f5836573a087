/** Addresses of the assistance pages, under /requests. */

const segment = encodeURIComponent;

export const requestsPath = (box: 'inbox' | 'outbox' = 'inbox') =>
  box === 'inbox' ? '/requests' : '/requests?box=outbox';
export const newRequestPath = () => '/requests/new';
export const requestPath = (id: string) => `/requests/${segment(id)}`;
export const printPath = (id: string) => `/requests/${segment(id)}/print`;
