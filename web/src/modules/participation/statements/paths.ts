/** Addresses of the pages for written contributions, meetings, contributors and search. */

const segment = encodeURIComponent;

export const statementsPath = (filters: { processId?: string; organizationId?: string } = {}) => {
  const query = new URLSearchParams();
  if (filters.processId) query.set('processId', filters.processId);
  if (filters.organizationId) query.set('organizationId', filters.organizationId);
  const search = query.toString();
  return `/participation/statements${search ? `?${search}` : ''}`;
};

export const statementPath = (statementId: string) => `/participation/statements/${segment(statementId)}`;

export const submitStatementPath = (
  processId: string,
  agendaItem?: { meetingId: string; agendaItemId: string },
) =>
  `/participation/processes/${segment(processId)}/statements/new${
    agendaItem
      ? `?meetingId=${segment(agendaItem.meetingId)}&agendaItemId=${segment(agendaItem.agendaItemId)}`
      : ''
  }`;

export const moderationPath = () => '/participation/moderation';

export const statementFileUrl = (statementId: string) =>
  `/api/v1/participation/statements/${segment(statementId)}/file`;

export const meetingsPath = (processId: string) => `/participation/processes/${segment(processId)}/meetings`;

export const meetingPath = (meetingId: string) => `/participation/meetings/${segment(meetingId)}`;

export const processCalendarUrl = (processId: string) =>
  `/api/v1/participation/processes/${segment(processId)}/calendar.ics`;

export const groupCalendarUrl = (groupId: string) =>
  `/api/v1/participation/groups/${segment(groupId)}/calendar.ics`;

export const contributorPath = (organizationId: string) =>
  `/participation/contributors/${segment(organizationId)}`;

/** A draft as it stood at a revision, scrolled to a paragraph when one is given (the draft page's anchors). */
export const draftPath = (draftId: string, revision?: number, paragraphNumber?: number | null) =>
  `/participation/drafts/${segment(draftId)}${revision ? `?revision=${revision}` : ''}${
    paragraphNumber ? `#paragraph-${paragraphNumber}` : ''
  }`;

export const searchPath = (q?: string) => `/participation/search${q ? `?q=${segment(q)}` : ''}`;
