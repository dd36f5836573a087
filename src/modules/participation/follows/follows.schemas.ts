import { Type } from 'typebox';

export const SUBJECT_TYPES = ['process', 'group', 'draft', 'measure'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export const FollowParams = Type.Object({
  subjectType: Type.Enum(SUBJECT_TYPES),
  subjectId: Type.String({ minLength: 1, maxLength: 80 }),
});

export const Follow = Type.Object({
  subjectType: Type.Enum(SUBJECT_TYPES),
  subjectId: Type.String(),
  title: Type.String(),
  feedUrl: Type.String({ description: 'The Atom feed of the same changes.' }),
  createdAt: Type.String(),
});
export const FollowList = Type.Object({ items: Type.Array(Follow) });

export const FeedParams = Type.Object({
  subjectType: Type.Enum(SUBJECT_TYPES),
  file: Type.String({ pattern: '^[A-Za-z0-9_]{1,80}\\.atom$', description: '`<id>.atom`' }),
});
