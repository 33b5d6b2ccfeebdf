import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import type { DeviceSupervisor } from '../devices/supervisor.js';
import { contactRoutes } from './routes.js';

/** Contacts: all of /v1/contacts. */
export async function registerContacts(
  app: FastifyInstance,
  ctx: AppContext,
  supervisor: DeviceSupervisor,
): Promise<void> {
  await app.register(contactRoutes(ctx, supervisor));
}
