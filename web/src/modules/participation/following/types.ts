import type { paths } from '../../../api/schema.d.ts';

export type Follow =
  paths['/api/v1/participation/follows']['get']['responses'][200]['content']['application/json']['items'][number];
export type SubjectType = Follow['subjectType'];

export const SUBJECT_TYPES: readonly SubjectType[] = ['process', 'group', 'draft', 'measure'];

/** The page of what is followed, by the URL map of the participation pages. */
export function subjectPath(subjectType: SubjectType, subjectId: string): string {
  const id = encodeURIComponent(subjectId);
  switch (subjectType) {
    case 'process':
      return `/participation/processes/${id}`;
    case 'group':
      return `/participation/groups/${id}`;
    case 'draft':
      return `/participation/drafts/${id}`;
    case 'measure':
      return `/participation/measures/${id}`;
  }
}

export const feedPath = (subjectType: SubjectType, subjectId: string) =>
  `/api/v1/participation/feeds/${subjectType}/${encodeURIComponent(subjectId)}.atom`;

export const followingPath = () => '/participation/following';
