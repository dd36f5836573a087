import type { paths } from '../../../api/schema.d.ts';

type JsonOf<
  P extends keyof paths,
  M extends 'get' | 'post' | 'patch' | 'delete',
  S extends number,
> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type Statement = JsonOf<'/api/v1/participation/statements/{id}', 'get', 200>;
export type StatementSummary = JsonOf<'/api/v1/participation/statements', 'get', 200>['items'][number];
export type StatementKind = Statement['kind'];
export type StatementStatus = Statement['status'];
export type SubmitStatementBody = NonNullable<
  paths['/api/v1/participation/processes/{id}/statements']['post']['requestBody']
>['content']['application/json'];

export type Meeting = JsonOf<'/api/v1/participation/meetings/{id}', 'get', 200>;
export type MeetingSummary = JsonOf<
  '/api/v1/participation/processes/{id}/meetings',
  'get',
  200
>['items'][number];
export type AgendaItem = Meeting['agenda'][number];
export type Speaker = AgendaItem['speakers'][number];
export type CreateMeetingBody = NonNullable<
  paths['/api/v1/participation/processes/{id}/meetings']['post']['requestBody']
>['content']['application/json'];

export type Contributor = JsonOf<'/api/v1/participation/contributors/{organizationId}', 'get', 200>;
export type OrganizationContribution = JsonOf<
  '/api/v1/participation/contributions',
  'get',
  200
>['items'][number];

export type SearchResult = JsonOf<'/api/v1/search', 'get', 200>['items'][number];

export const STATEMENT_KINDS: readonly StatementKind[] = ['statement', 'position_paper', 'written_input'];

/** The six official languages of the United Nations, in which statements are usually delivered. */
export const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
