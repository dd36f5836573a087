/** Addresses of the participation pages, shared by every page that links to another. */

export const processesPath = () => '/participation';

export const processPath = (processId: string, tab?: string) =>
  `/participation/processes/${encodeURIComponent(processId)}${tab ? `?tab=${tab}` : ''}`;

export const applyPath = (processId: string, organizationId?: string) =>
  `/participation/processes/${encodeURIComponent(processId)}/apply${
    organizationId ? `?organizationId=${encodeURIComponent(organizationId)}` : ''
  }`;

export const applicationPath = (applicationId: string) =>
  `/participation/applications/${encodeURIComponent(applicationId)}`;

export const groupPath = (groupId: string) => `/participation/groups/${encodeURIComponent(groupId)}`;

export const draftsPath = (processId: string, groupId?: string) =>
  `/participation/processes/${encodeURIComponent(processId)}/drafts${
    groupId ? `?groupId=${encodeURIComponent(groupId)}` : ''
  }`;

export const signInPath = (next: string) => `/sign-in?next=${encodeURIComponent(next)}`;
