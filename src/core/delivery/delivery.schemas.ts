import { Type } from 'typebox';
import { PageQuery, pageOf } from '../http/pagination.ts';
import { WEBHOOK_EVENT_TYPES } from './webhooks.ts';

const Nullable = <T extends ReturnType<typeof Type.String | typeof Type.Integer>>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const WebhookEventType = Type.Enum([...WEBHOOK_EVENT_TYPES, '*'], {
  description: 'An event type, or `*` for every event type, including those added later.',
});

const WebhookUrl = Type.String({
  format: 'uri',
  pattern: '^https?://',
  maxLength: 2000,
  description: 'Where events are POSTed. It must reach the public internet.',
});
const EventTypes = Type.Array(WebhookEventType, { minItems: 1, maxItems: 20, uniqueItems: true });
const Description = Type.String({ maxLength: 500 });

export const Webhook = Type.Object({
  id: Type.String(),
  url: Type.String(),
  description: Type.String(),
  eventTypes: Type.Array(Type.String()),
  status: Type.Enum(['active', 'disabled'] as const),
  consecutiveFailures: Type.Integer(),
  disabledAt: Nullable(Type.String()),
  disabledReason: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const WebhookList = Type.Object({ items: Type.Array(Webhook) });

export const CreatedWebhook = Type.Intersect([
  Webhook,
  Type.Object({
    secret: Type.String({
      description:
        'The signing secret (`whsec_…`), shown this once. Verify `webhook-signature` with it, as Standard Webhooks describes.',
    }),
  }),
]);

export const CreateWebhook = Type.Object(
  { url: WebhookUrl, description: Type.Optional(Description), eventTypes: EventTypes },
  { additionalProperties: false },
);

export const UpdateWebhook = Type.Object(
  {
    url: Type.Optional(WebhookUrl),
    description: Type.Optional(Description),
    eventTypes: Type.Optional(EventTypes),
    status: Type.Optional(
      Type.Enum(['active'] as const, { description: 'Set to `active` to enable a disabled webhook again.' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const WebhookParams = Type.Object({ id: Type.String(), webhookId: Type.String() });

export const WebhookDelivery = Type.Object({
  id: Type.String(),
  messageId: Type.String({
    description: 'The `webhook-id` sent; the same for every attempt of one message.',
  }),
  attempt: Type.Integer(),
  at: Type.String(),
  statusCode: Nullable(Type.Integer()),
  isSuccess: Type.Boolean(),
  error: Nullable(Type.String()),
  durationMs: Type.Integer(),
});
export const WebhookDeliveryList = pageOf(WebhookDelivery);

export const Notification = Type.Object({
  id: Type.String(),
  topic: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: Nullable(Type.String()),
  createdAt: Type.String(),
  readAt: Nullable(Type.String()),
});
export const NotificationList = pageOf(Notification);

export const NotificationQuery = Type.Intersect([
  PageQuery,
  Type.Object({ unreadOnly: Type.Optional(Type.Boolean({ default: false })) }),
]);

export const NotificationParams = Type.Object({ id: Type.String() });

export const UnreadCount = Type.Object({ count: Type.Integer() });
