import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import type { Loop } from '../jobs/loop.js';
import type { InboundHandler } from './handle-inbound.js';
import { startRetention } from './retention.js';
import { ruleRoutes } from './rule-routes.js';

/** Auto-reply rules and retention: routes, the retention loop, and waiting for inbound work on close. */
export async function registerInbound(
  app: FastifyInstance,
  ctx: AppContext,
  handler: InboundHandler,
): Promise<void> {
  await app.register(ruleRoutes(ctx));
  let retention: Loop | undefined;
  app.addHook('onReady', async () => {
    retention = startRetention(ctx, ctx.config.retentionIntervalMinutes * 60_000);
  });
  app.addHook('onClose', async () => {
    await retention?.stop();
    await handler.drain();
  });
}
