/** Addresses of the incident pages, under /incidents. */

const segment = encodeURIComponent;

export const incidentsPath = (query?: URLSearchParams) => {
  const search = query?.toString();
  return search ? `/incidents?${search}` : '/incidents';
};
export const newIncidentPath = () => '/incidents/new';
export const incidentPath = (id: string) => `/incidents/${segment(id)}`;
export const editIncidentPath = (id: string) => `/incidents/${segment(id)}/edit`;
/** The list of incidents attributed to one actor; the name only labels the filter. */
export const actorIncidentsPath = (actorId: string, actorName: string) =>
  incidentsPath(new URLSearchParams({ actor: actorId, actorName }));
