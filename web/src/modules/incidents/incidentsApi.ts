import { api, call } from '../../api/client.ts';
import type {
  AttributionBody,
  CreateIncidentBody,
  EditorialActionBody,
  IncidentListQuery,
  UpdateIncidentBody,
} from './types.ts';

// Every call of the incident pages goes through here, so the paths live in one place.

const withId = (id: string) => ({ params: { path: { id } } });

export const listIncidents = (query: IncidentListQuery) =>
  call(api.GET('/api/v1/incidents', { params: { query } }));

export const getIncident = (id: string) => call(api.GET('/api/v1/incidents/{id}', withId(id)));

/** Records a draft once: the same key on a retry or a double click gives back the first answer. */
export const createIncident = (body: CreateIncidentBody, idempotencyKey: string) =>
  call(api.POST('/api/v1/incidents', { body, headers: { 'Idempotency-Key': idempotencyKey } }));

export const updateIncident = (id: string, body: UpdateIncidentBody) =>
  call(api.PATCH('/api/v1/incidents/{id}', { ...withId(id), body }));

export const moveIncident = (id: string, body: EditorialActionBody) =>
  call(api.POST('/api/v1/incidents/{id}/editorial', { ...withId(id), body }));

export const addAttribution = (id: string, body: AttributionBody) =>
  call(api.POST('/api/v1/incidents/{id}/attributions', { ...withId(id), body }));

export const replaceAttribution = (
  id: string,
  attributionId: string,
  body: AttributionBody & { correction?: string },
) =>
  call(
    api.PUT('/api/v1/incidents/{id}/attributions/{attributionId}', {
      params: { path: { id, attributionId } },
      body,
    }),
  );

/** On a published incident the note is required: it goes to the public corrections log. */
export const removeAttribution = (id: string, attributionId: string, correction: string | undefined) =>
  call(
    api.DELETE('/api/v1/incidents/{id}/attributions/{attributionId}', {
      params: { path: { id, attributionId }, query: correction ? { correction } : {} },
    }),
  );
