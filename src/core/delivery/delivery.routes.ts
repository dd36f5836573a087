import type { FastifyInstance } from 'fastify';

/** Notifications and webhook routes; being written. */
export async function deliveryRoutes(_app: FastifyInstance): Promise<void> {}
