import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { contactRoutes } from './contact-routes.js';
import { drainInbound, handleInbound } from './handle-inbound.js';
import { onInbound } from './record.js';
import { startRetention } from './retention.js';
import { ruleRoutes } from './rule-routes.js';

/** Contacts, consent, auto-replies and retention: routes, the inbound hook and the retention timer. */
export async function registerInbound(app: FastifyInstance, ctx: AppContext): Promise<void> {
  onInbound(handleInbound);
  await app.register(contactRoutes(ctx));
  await app.register(ruleRoutes(ctx));
  let retention: ReturnType<typeof startRetention> | undefined;
  app.addHook('onReady', async () => {
    retention = startRetention(ctx, ctx.config.retentionIntervalMinutes * 60_000);
  });
  app.addHook('onClose', async () => {
    await retention?.stop();
    await drainInbound(ctx);
  });
}
