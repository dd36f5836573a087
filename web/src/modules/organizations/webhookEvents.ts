import type { WebhookEventType } from '../../api/types.ts';

/** `*` subscribes to everything, including event types added later. */
export const ALL_EVENTS = '*';

type SubscribableEvent = Exclude<WebhookEventType, typeof ALL_EVENTS | 'webhook.test'>;

/** The events a webhook can subscribe to, with their catalog keys. (`webhook.test` is sent on request only.) */
export const WEBHOOK_EVENTS = [
  { type: 'organization.updated', labelKey: 'webhooks.events.organizationUpdated' },
  { type: 'organization.verification_changed', labelKey: 'webhooks.events.organizationVerificationChanged' },
  { type: 'organization.member_added', labelKey: 'webhooks.events.organizationMemberAdded' },
  { type: 'organization.member_removed', labelKey: 'webhooks.events.organizationMemberRemoved' },
  { type: 'organization.member_role_changed', labelKey: 'webhooks.events.organizationMemberRoleChanged' },
] as const satisfies readonly { type: SubscribableEvent; labelKey: string }[];

type Listed = (typeof WEBHOOK_EVENTS)[number]['type'];
type AssertNever<T extends never> = T;
/** Fails to compile when the server adds an event type that is not listed above. */
export type WebhookEventsAreComplete = AssertNever<Exclude<SubscribableEvent, Listed>>;
