import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { PageQuery } from '../http/pagination.ts';
import { requireUser } from '../identity/authenticate.ts';
import { OrgParams } from '../orgs/orgs.schemas.ts';
import * as schemas from './delivery.schemas.ts';
import { countUnread, findNotifications, markAllRead, markRead } from './notifications.service.ts';
import {
  createWebhook,
  deleteWebhook,
  findWebhookDeliveries,
  findWebhooks,
  sendTestEvent,
  updateWebhook,
} from './webhooks.service.ts';

const webhookTags = ['webhooks'];
const notificationTags = ['notifications'];

/** Organization webhooks and the signed-in user's in-app notifications. */
export async function deliveryRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  app.get(
    '/organizations/:id/webhooks',
    {
      schema: {
        tags: webhookTags,
        summary: 'List webhooks (org admins)',
        params: OrgParams,
        response: { 200: schemas.WebhookList },
      },
    },
    (request) => findWebhooks(ctx, request.actor, request.params.id),
  );

  app.post(
    '/organizations/:id/webhooks',
    {
      schema: {
        tags: webhookTags,
        summary: 'Create a webhook (org admins)',
        description:
          'Events are POSTed as signed JSON per Standard Webhooks. The signing secret is in this response only. URLs that resolve to loopback or private addresses are refused (`webhook_url_not_allowed`).',
        params: OrgParams,
        body: schemas.CreateWebhook,
        response: { 201: schemas.CreatedWebhook },
      },
      config: { isIdempotent: true },
    },
    async (request, reply) =>
      reply.status(201).send(await createWebhook(ctx, request.actor, request.params.id, request.body)),
  );

  app.patch(
    '/organizations/:id/webhooks/:webhookId',
    {
      schema: {
        tags: webhookTags,
        summary: 'Update a webhook, or enable a disabled one again',
        params: schemas.WebhookParams,
        body: schemas.UpdateWebhook,
        response: { 200: schemas.Webhook },
      },
    },
    (request) => updateWebhook(ctx, request.actor, request.params.id, request.params.webhookId, request.body),
  );

  app.delete(
    '/organizations/:id/webhooks/:webhookId',
    {
      schema: {
        tags: webhookTags,
        summary: 'Delete a webhook',
        description: 'Events still queued for it are not sent.',
        params: schemas.WebhookParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await deleteWebhook(ctx, request.actor, request.params.id, request.params.webhookId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/organizations/:id/webhooks/:webhookId/deliveries',
    {
      schema: {
        tags: webhookTags,
        summary: 'List delivery attempts, newest first',
        params: schemas.WebhookParams,
        querystring: PageQuery,
        response: { 200: schemas.WebhookDeliveryList },
      },
    },
    (request) =>
      findWebhookDeliveries(ctx, request.actor, request.params.id, request.params.webhookId, request.query),
  );

  app.post(
    '/organizations/:id/webhooks/:webhookId/test',
    {
      schema: {
        tags: webhookTags,
        summary: 'Send a test event',
        description:
          'Queues a `webhook.test` event to this webhook alone; its attempts appear in the delivery log.',
        params: schemas.WebhookParams,
        response: { 202: Type.Object({ messageId: Type.String() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await sendTestEvent(ctx, request.actor, request.params.id, request.params.webhookId)),
  );

  app.get(
    '/notifications',
    {
      schema: {
        tags: notificationTags,
        summary: 'List your notifications, newest first',
        querystring: schemas.NotificationQuery,
        response: { 200: schemas.NotificationList },
      },
    },
    (request) => findNotifications(ctx, requireUser(request), request.query),
  );

  app.get(
    '/notifications/unread-count',
    {
      schema: {
        tags: notificationTags,
        summary: 'Count your unread notifications',
        response: { 200: schemas.UnreadCount },
      },
    },
    (request) => countUnread(ctx, requireUser(request)),
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags: notificationTags,
        summary: 'Mark a notification read',
        params: schemas.NotificationParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await markRead(ctx, requireUser(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/notifications/read-all',
    {
      schema: {
        tags: notificationTags,
        summary: 'Mark all your notifications read',
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await markAllRead(ctx, requireUser(request));
      return reply.status(204).send(null);
    },
  );
}
