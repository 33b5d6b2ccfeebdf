import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import type { Loop } from '../jobs/loop.js';
import { SandboxHub } from '../engines/sandbox/hub.js';
import { sandboxRoutes } from '../engines/sandbox/routes.js';
import { startExpirySweeper } from '../messages/expiry.js';
import { messageRoutes } from '../messages/routes.js';
import { templateRoutes } from '../messages/template-routes.js';
import { deviceRoutes } from './routes.js';
import { DeviceSupervisor } from './supervisor.js';

declare module 'fastify' {
  interface FastifyInstance {
    supervisor: DeviceSupervisor;
  }
}

/** Devices, the sandbox, and messages: the supervisor starts with the app and stops with it. */
export async function registerDevicesAndMessages(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const hub = new SandboxHub({
    deliveredMs: ctx.config.sandboxDeliveredMs,
    readMs: ctx.config.sandboxReadMs,
    qrRefreshMs: ctx.config.sandboxQrRefreshMs,
  });
  const supervisor = new DeviceSupervisor(ctx, hub);
  app.decorate('supervisor', supervisor);
  await app.register(deviceRoutes(ctx, supervisor));
  await app.register(messageRoutes(ctx, supervisor));
  await app.register(templateRoutes(ctx));
  if (ctx.config.sandbox) await app.register(sandboxRoutes(ctx, supervisor));
  let sweeper: Loop | undefined;
  app.addHook('onReady', async () => {
    await supervisor.start();
    sweeper = startExpirySweeper(ctx);
  });
  app.addHook('onClose', async () => {
    await sweeper?.stop();
    await supervisor.stop();
  });
}
