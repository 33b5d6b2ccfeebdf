import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { createVerifyChannels } from './channels.js';
import { verifyRoutes } from './routes.js';
import { verifyStatsRoutes } from './stats-routes.js';
import { startVerifyWorker, type VerifyWorker } from './worker.js';

/** The verification API (docs/otp.md): routes, and the fallback worker running while the app does. */
export async function registerVerify(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // Made here so an incomplete SMS setup stops the start instead of failing the first code.
  const channels = createVerifyChannels(ctx.config);
  await app.register(verifyRoutes(ctx, channels));
  await app.register(verifyStatsRoutes(ctx));
  let worker: VerifyWorker | null = null;
  app.addHook('onReady', async () => {
    worker = startVerifyWorker(ctx, channels);
  });
  app.addHook('onClose', async () => {
    await worker?.stop();
    channels.close();
  });
}
