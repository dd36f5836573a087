import type { paths } from '../../api/schema.d.ts';

type JsonOf<
  P extends keyof paths,
  M extends 'get' | 'post' | 'patch',
  S extends number,
> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
type BodyOf<P extends keyof paths, M extends 'post' | 'patch'> =
  NonNullable<paths[P][M] extends { requestBody?: infer B } ? B : never> extends {
    content: { 'application/json': infer T };
  }
    ? T
    : never;

export type Contact = JsonOf<'/api/v1/contacts/{id}', 'get', 200>;
export type ContactSummary = JsonOf<'/api/v1/contacts', 'get', 200>['items'][number];
export type ContactQuery = NonNullable<paths['/api/v1/contacts']['get']['parameters']['query']>;
export type NominateBody = BodyOf<'/api/v1/contacts', 'post'>;
export type EditBody = BodyOf<'/api/v1/contacts/{id}', 'patch'>;
export type Coverage = JsonOf<'/api/v1/directory/coverage', 'get', 200>;
export type FreshnessStatistics = JsonOf<'/api/v1/directory/freshness', 'get', 200>;

export type PocRole = Contact['role'];
export type PocService = Contact['services'][number];
export type Freshness = Contact['freshness'];
export type WorkingHours = NonNullable<Contact['workingHours']>;
export type OpenPgpSummary = NonNullable<ContactSummary['openpgp']>;

export const POC_ROLES: readonly PocRole[] = ['diplomatic', 'policy', 'technical'];
export const FRESHNESS_STATES: readonly Freshness[] = ['fresh', 'expiring', 'stale'];
