import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import type { Loop } from '../jobs/loop.js';
import { startExpirySweeper } from './expiry.js';
import { startSealedBodySweeper } from './sealed-bodies.js';
import { messageBulkRoutes } from './bulk-routes.js';
import { messageExportRoutes } from './export-routes.js';
import { messageRoutes } from './routes.js';
import { templateRoutes } from './template-routes.js';

/** Messages and templates: their routes, and the expiry and sealed-text sweepers running with the app. */
export async function registerMessages(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(messageRoutes(ctx));
  await app.register(messageExportRoutes(ctx));
  await app.register(messageBulkRoutes(ctx));
  await app.register(templateRoutes(ctx));
  const sweepers: Loop[] = [];
  app.addHook('onReady', async () => {
    sweepers.push(startExpirySweeper(ctx), startSealedBodySweeper(ctx));
  });
  app.addHook('onClose', async () => {
    await Promise.all(sweepers.splice(0).map((sweeper) => sweeper.stop()));
  });
}
