import type { NotificationsTable, WebhookDeliveriesTable, WebhookEndpointsTable } from '../db/tables.ts';

export function presentWebhook(row: WebhookEndpointsTable) {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: JSON.parse(row.event_types) as string[],
    status: row.status as 'active' | 'disabled',
    consecutiveFailures: row.consecutive_failures,
    disabledAt: row.disabled_at,
    disabledReason: row.disabled_reason,
    createdAt: row.created_at,
  };
}

export function presentWebhookDelivery(row: WebhookDeliveriesTable) {
  return {
    id: row.id,
    messageId: row.message_id,
    attempt: row.attempt,
    at: row.at,
    statusCode: row.status_code,
    isSuccess: row.is_success === 1,
    error: row.error,
    durationMs: row.duration_ms,
  };
}

export function presentNotification(row: NotificationsTable) {
  return {
    id: row.id,
    topic: row.topic,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}
