/** The contacts pages, under /contacts. */
export const directoryPath = () => '/contacts';
export const coveragePath = () => '/contacts/coverage';
export const contactPath = (id: string) => `/contacts/${encodeURIComponent(id)}`;
export const editContactPath = (id: string) => `/contacts/${encodeURIComponent(id)}/edit`;
export const nominatePath = (orgId?: string) =>
  orgId ? `/contacts/new?orgId=${encodeURIComponent(orgId)}` : '/contacts/new';
