import type { paths } from '../../../api/schema.d.ts';

type JsonOf<P extends keyof paths, M extends 'get' | 'post' | 'put', S extends number> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type Draft = JsonOf<'/api/v1/participation/drafts/{id}', 'get', 200>;
export type DraftSummary = JsonOf<'/api/v1/participation/processes/{id}/drafts', 'get', 200>['items'][number];
export type RevisionSummary = Draft['revisions'][number];
export type RevisionView = JsonOf<'/api/v1/participation/drafts/{id}/revisions/{number}', 'get', 200>;
export type ViewBlock = RevisionView['blocks'][number];
export type RemovedParagraph = RevisionView['removedParagraphs'][number];
export type BlockKind = ViewBlock['kind'];
export type RevisionDiff = JsonOf<'/api/v1/participation/drafts/{id}/diff', 'get', 200>;
export type DiffEntry = RevisionDiff['entries'][number];
export type DiffChange = DiffEntry['change'];
