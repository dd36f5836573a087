import type { paths } from '../../../api/schema.d.ts';

type JsonOf<
  P extends keyof paths,
  M extends 'get' | 'post' | 'patch',
  S extends number,
> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type Process = JsonOf<'/api/v1/participation/processes/{id}', 'get', 200>;
export type ProcessStatus = Process['status'];

export type Application = JsonOf<'/api/v1/participation/applications/{id}', 'get', 200>;
export type ApplicationStatus = Application['status'];
export type AccreditationRoute = Application['route'];
export type OrganizationRef = Application['organization'];
export type Objection = JsonOf<
  '/api/v1/participation/applications/{id}/objections',
  'get',
  200
>['items'][number];

export type Group = JsonOf<'/api/v1/participation/groups/{id}', 'get', 200>;
export type GroupMember = JsonOf<'/api/v1/participation/groups/{id}/members', 'get', 200>['items'][number];

export const APPLICATION_STATUSES: readonly ApplicationStatus[] = [
  'pending_confirmation',
  'circulating',
  'accredited',
  'objected',
  'declined',
  'withdrawn',
];

/** Statuses that block a new application: the organization is waiting for an outcome or already in. */
export const LIVE_STATUSES: readonly ApplicationStatus[] = [
  'pending_confirmation',
  'circulating',
  'accredited',
];

export const PENDING_STATUSES: readonly ApplicationStatus[] = ['pending_confirmation', 'circulating'];
