import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import type { Loop } from '../jobs/loop.js';
import { startExpirySweeper } from './expiry.js';
import { messageRoutes } from './routes.js';
import { templateRoutes } from './template-routes.js';

/** Messages and templates: their routes, and the expiry sweeper running with the app. */
export async function registerMessages(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(messageRoutes(ctx));
  await app.register(templateRoutes(ctx));
  let sweeper: Loop | undefined;
  app.addHook('onReady', async () => {
    sweeper = startExpirySweeper(ctx);
  });
  app.addHook('onClose', async () => sweeper?.stop());
}
