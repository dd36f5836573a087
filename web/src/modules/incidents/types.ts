import type { paths } from '../../api/schema.d.ts';

// Shapes of the incidents API, derived from the generated client so they follow the server's schemas.

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type JsonOf<P extends keyof paths, M extends Method, S extends number> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
type BodyOf<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** An incident as the reader may see it, with its attributions, corrections log and the reader's permissions. */
export type Incident = JsonOf<'/api/v1/incidents/{id}', 'get', 200>;
export type Attribution = Incident['attributions'][number];
export type Correction = Incident['corrections'][number];
export type IncidentSource = Incident['sources'][number];
export type IncidentResponse = Incident['responses'][number];
export type IntensityBreakdown = Incident['intensity']['breakdown'];

export type IncidentList = JsonOf<'/api/v1/incidents', 'get', 200>;
export type IncidentSummary = IncidentList['items'][number];
export type IncidentFacets = IncidentList['facets'];
export type IncidentListQuery = NonNullable<paths['/api/v1/incidents']['get']['parameters']['query']>;

export type CreateIncidentBody = BodyOf<'/api/v1/incidents', 'post'>;
export type UpdateIncidentBody = BodyOf<'/api/v1/incidents/{id}', 'patch'>;
export type EditorialActionBody = BodyOf<'/api/v1/incidents/{id}/editorial', 'post'>;
export type EditorialAction = EditorialActionBody['action'];
export type AttributionBody = BodyOf<'/api/v1/incidents/{id}/attributions', 'post'>;
export type SourceBody = CreateIncidentBody['sources'] extends (infer S)[] | undefined ? S : never;

export type IncidentTlp = NonNullable<CreateIncidentBody['tlp']>;
export type IncidentVisibility = NonNullable<CreateIncidentBody['visibility']>;
export type SectorCode = NonNullable<IncidentListQuery['sector']>;
