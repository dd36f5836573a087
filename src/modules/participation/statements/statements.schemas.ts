import { Type } from 'typebox';
import { pageOf } from '../../../core/http/pagination.ts';
import { Nullable, OrganizationRef } from '../shared.schemas.ts';

export const STATEMENT_KINDS = ['statement', 'position_paper', 'written_input'] as const;
export const STATEMENT_STATUSES = ['submitted', 'published', 'rejected'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

const LanguageTag = Type.String({
  pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$',
  maxLength: 35,
  description: 'BCP 47 tag of the text, e.g. `en` or `zh-Hans`.',
});

export const Statement = Type.Object({
  id: Type.String(),
  processId: Type.String(),
  organization: OrganizationRef,
  kind: Type.Enum(STATEMENT_KINDS),
  title: Type.String(),
  language: Type.String(),
  meetingLabel: Nullable(Type.String()),
  agendaItem: Nullable(Type.String()),
  meetingId: Nullable(Type.String()),
  agendaItemId: Nullable(Type.String()),
  format: Type.Enum(['pdf', 'markdown'] as const),
  fileName: Nullable(Type.String()),
  fileSize: Nullable(Type.Integer()),
  fileSha256: Nullable(Type.String()),
  text: Type.String({ description: 'The Markdown, or the text extracted from the PDF.' }),
  status: Type.Enum(STATEMENT_STATUSES),
  moderationNote: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
/** Lists carry an excerpt, not the whole text. */
const { text: _text, ...summaryProperties } = Statement.properties;
export const StatementListItem = Type.Object({ ...summaryProperties, excerpt: Type.String() });
export const StatementList = pageOf(StatementListItem);

export const SubmitStatement = Type.Object(
  {
    organizationId: Type.String({ minLength: 1, maxLength: 80 }),
    kind: Type.Enum(STATEMENT_KINDS),
    title: Type.String({ minLength: 3, maxLength: 300 }),
    language: LanguageTag,
    meetingLabel: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    agendaItem: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    agendaItemId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 80,
        description: 'Attach to a scheduled meeting’s agenda item.',
      }),
    ),
    markdown: Type.Optional(Type.String({ minLength: 1, maxLength: 500_000 })),
    pdf: Type.Optional(
      Type.Object(
        {
          fileName: Type.String({ minLength: 1, maxLength: 200, pattern: '^[^/\\\\]+$' }),
          contentBase64: Type.String({ minLength: 4, contentEncoding: 'base64' }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const StatementQuery = Type.Object({
  status: Type.Optional(Type.Enum(STATEMENT_STATUSES)),
  organizationId: Type.Optional(Type.String({ maxLength: 80 })),
  processId: Type.Optional(Type.String({ maxLength: 80 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});

export const Moderate = Type.Object(
  {
    decision: Type.Enum(['publish', 'reject'] as const),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 2_000 })),
  },
  { additionalProperties: false },
);
