import { Type } from 'typebox';
import { pageOf } from '../../../core/http/pagination.ts';
import { Nullable } from '../shared.schemas.ts';
import { BLOCK_KINDS } from './document.ts';

export const RevisionSummary = Type.Object({
  number: Type.Integer(),
  note: Type.String(),
  publishedAt: Type.String(),
});

export const DraftSummary = Type.Object({
  id: Type.String(),
  processId: Type.String(),
  groupId: Nullable(Type.String()),
  title: Type.String(),
  summary: Type.String(),
  currentRevision: Type.Integer({ description: '0 while the draft is in preparation.' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const DraftList = pageOf(DraftSummary);

export const Draft = Type.Intersect([
  DraftSummary,
  Type.Object({
    revisions: Type.Array(RevisionSummary),
    hasWorkingCopy: Type.Boolean(),
    canManage: Type.Boolean({ description: 'You chair the draft’s group or act for the secretariat.' }),
  }),
]);

export const DraftQuery = Type.Object({
  groupId: Type.Optional(Type.String({ maxLength: 80 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});

const BlockText = Type.String({ minLength: 1, maxLength: 20_000 });
const Markdown = Type.String({ minLength: 1, maxLength: 2_000_000 });

export const BlockInput = Type.Object(
  {
    key: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    kind: Type.Enum(BLOCK_KINDS),
    text: BlockText,
  },
  { additionalProperties: false },
);

export const CreateDraft = Type.Object(
  {
    groupId: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    title: Type.String({ minLength: 3, maxLength: 300 }),
    summary: Type.Optional(Type.String({ maxLength: 5_000 })),
    markdown: Type.Optional(Markdown),
  },
  { additionalProperties: false },
);

export const UpdateDraft = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 3, maxLength: 300 })),
    summary: Type.Optional(Type.String({ maxLength: 5_000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const SaveWorkingCopy = Type.Object(
  {
    blocks: Type.Optional(Type.Array(BlockInput, { minItems: 1, maxItems: 5_000 })),
    markdown: Type.Optional(Markdown),
  },
  { additionalProperties: false, minProperties: 1, maxProperties: 1 },
);

export const PublishRevision = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: 2_000, description: 'What changed, for readers.' }) },
  { additionalProperties: false },
);

export const ViewBlock = Type.Object({
  key: Type.String(),
  kind: Type.Enum(BLOCK_KINDS),
  number: Nullable(Type.Integer()),
  text: Type.String(),
  commentCount: Type.Integer(),
  amendmentCount: Type.Integer(),
});

export const RemovedParagraph = Type.Object({
  key: Type.String(),
  lastRevision: Type.Integer(),
  lastNumber: Nullable(Type.Integer()),
  text: Type.String(),
  commentCount: Type.Integer(),
  amendmentCount: Type.Integer(),
});

export const RevisionView = Type.Object({
  draftId: Type.String(),
  number: Nullable(Type.Integer({ description: 'null for the working copy.' })),
  note: Type.String(),
  publishedAt: Nullable(Type.String()),
  blocks: Type.Array(ViewBlock),
  removedParagraphs: Type.Array(RemovedParagraph, {
    description: 'Paragraphs that carry comments but are no longer in this revision.',
  }),
  generalCommentCount: Type.Integer(),
});

export const RevisionParams = Type.Object({
  id: Type.String({ maxLength: 80 }),
  number: Type.Integer({ minimum: 1, maximum: 100_000 }),
});

export const DiffQuery = Type.Object({
  from: Type.Integer({ minimum: 1, maximum: 100_000 }),
  to: Type.Integer({ minimum: 1, maximum: 100_000 }),
});

export const Diff = Type.Object({
  draftId: Type.String(),
  from: Type.Integer(),
  to: Type.Integer(),
  summary: Type.Object({
    added: Type.Integer(),
    removed: Type.Integer(),
    changed: Type.Integer(),
    unchanged: Type.Integer(),
  }),
  entries: Type.Array(
    Type.Object({
      key: Type.String(),
      kind: Type.Enum(BLOCK_KINDS),
      change: Type.Enum(['unchanged', 'changed', 'added', 'removed'] as const),
      fromNumber: Nullable(Type.Integer()),
      toNumber: Nullable(Type.Integer()),
      text: Type.String(),
      segments: Type.Optional(
        Type.Array(
          Type.Object({ type: Type.Enum(['same', 'removed', 'added'] as const), text: Type.String() }),
        ),
      ),
    }),
  ),
});
