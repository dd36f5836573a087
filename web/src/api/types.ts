import type { paths } from './schema.d.ts';

type JsonOf<
  P extends keyof paths,
  M extends 'get' | 'post' | 'patch',
  S extends number,
> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

type ItemOf<T> = T extends { items: (infer I)[] } ? I : never;

export type Me = JsonOf<'/api/v1/me', 'get', 200>;
export type Membership = Me['memberships'][number];
export type OrgRole = Membership['role'];
export type TotpEnrolment = JsonOf<'/api/v1/me/totp/enrolment', 'post', 200>;
export type UserSession = ItemOf<JsonOf<'/api/v1/me/sessions', 'get', 200>>;
export type ApiToken = ItemOf<JsonOf<'/api/v1/me/api-tokens', 'get', 200>>;
export type InvitationLookup = JsonOf<'/api/v1/invitations/lookup', 'post', 200>;
export type Organization = JsonOf<'/api/v1/organizations/{id}', 'get', 200>;
export type VerificationStatus = Organization['verificationStatus'];
export type OrganizationDraft = NonNullable<
  paths['/api/v1/organizations']['post']['requestBody']
>['content']['application/json'];
export type OrgKind = OrganizationDraft['kind'];
export type WebhookEventType = NonNullable<
  paths['/api/v1/organizations/{id}/webhooks']['post']['requestBody']
>['content']['application/json']['eventTypes'][number];
export type UserLocale = NonNullable<
  NonNullable<paths['/api/v1/me']['patch']['requestBody']>['content']['application/json']['locale']
>;
export type Member = ItemOf<JsonOf<'/api/v1/organizations/{id}/members', 'get', 200>>;
export type Invitation = ItemOf<JsonOf<'/api/v1/organizations/{id}/invitations', 'get', 200>>;
export type AuditEvent = ItemOf<JsonOf<'/api/v1/audit-events', 'get', 200>>;
export type Webhook = ItemOf<JsonOf<'/api/v1/organizations/{id}/webhooks', 'get', 200>>;
export type WebhookDelivery = ItemOf<
  JsonOf<'/api/v1/organizations/{id}/webhooks/{webhookId}/deliveries', 'get', 200>
>;
export type AdminUser = ItemOf<JsonOf<'/api/v1/admin/users', 'get', 200>>;
export type AppNotification = ItemOf<JsonOf<'/api/v1/notifications', 'get', 200>>;
export type Country = ItemOf<JsonOf<'/api/v1/reference/countries', 'get', 200>>;
export type StakeholderKind = ItemOf<JsonOf<'/api/v1/reference/stakeholder-kinds', 'get', 200>>;

/** A page of a cursor-paginated list. */
export type Page<T> = { items: T[]; nextCursor: string | null };
