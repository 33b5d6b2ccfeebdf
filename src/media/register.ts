import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import type { Loop } from '../jobs/loop.js';
import { mediaRoutes } from './routes.js';
import { startMediaSweeper } from './sweep.js';

/** Media: its routes, and the sweep of interrupted uploads running with the app. */
export async function registerMedia(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(mediaRoutes(ctx));
  let sweeper: Loop | null = null;
  app.addHook('onReady', async () => {
    sweeper = startMediaSweeper(ctx);
  });
  app.addHook('onClose', async () => {
    await sweeper?.stop();
  });
}
