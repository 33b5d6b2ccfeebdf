import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import type { DeviceSupervisor } from '../devices/supervisor.js';
import type { Loop } from '../jobs/loop.js';
import { startConversationRetention } from './retention.js';
import { conversationRoutes } from './routes.js';

/** The team inbox: its routes and the retention of its notes and previews. */
export async function registerConversations(
  app: FastifyInstance,
  ctx: AppContext,
  supervisor: DeviceSupervisor,
): Promise<void> {
  await app.register(conversationRoutes(ctx, supervisor));
  let retention: Loop | undefined;
  app.addHook('onReady', async () => {
    retention = startConversationRetention(ctx, ctx.config.retentionIntervalMinutes * 60_000);
  });
  app.addHook('onClose', async () => {
    await retention?.stop();
  });
}
