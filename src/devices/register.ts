import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { deviceRoutes } from './routes.js';
import { sandboxRoutes } from './sandbox-routes.js';
import type { DeviceSupervisor } from './supervisor.js';

declare module 'fastify' {
  interface FastifyInstance {
    supervisor: DeviceSupervisor;
  }
}

/** Devices and the sandbox: their routes, and the supervisor starting and stopping with the app. */
export async function registerDevices(
  app: FastifyInstance,
  ctx: AppContext,
  supervisor: DeviceSupervisor,
): Promise<void> {
  if (ctx.config.waAllowInsecureWs) {
    ctx.log.warn(
      { waWsUrl: ctx.config.waWsUrl ?? null },
      `WAPING_WA_WS_URL may be clear-text ws:// (WAPING_WA_ALLOW_INSECURE_WS=true; now ${ctx.config.waWsUrl ?? 'unset'}): ` +
        'whatever answers there reads every WhatsApp message. For tests only; never in production.',
    );
  }
  app.decorate('supervisor', supervisor);
  await app.register(deviceRoutes(ctx, supervisor));
  if (ctx.config.sandbox) await app.register(sandboxRoutes(ctx, supervisor));
  app.addHook('onReady', async () => supervisor.start());
  app.addHook('onClose', async () => supervisor.stop());
}
