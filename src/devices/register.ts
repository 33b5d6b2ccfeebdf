import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { SandboxHub } from '../engines/sandbox/hub.js';
import { sandboxRoutes } from '../engines/sandbox/routes.js';
import { startExpirySweeper } from '../messages/expiry.js';
import { startSealedBodySweeper } from '../messages/sealed-bodies.js';
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
  if (ctx.config.waAllowInsecureWs) {
    ctx.log.warn(
      { waWsUrl: ctx.config.waWsUrl ?? null },
      `WAPING_WA_WS_URL may be clear-text ws:// (WAPING_WA_ALLOW_INSECURE_WS=true; now ${ctx.config.waWsUrl ?? 'unset'}): ` +
        'whatever answers there reads every WhatsApp message. For tests only; never in production.',
    );
  }
  const supervisor = new DeviceSupervisor(ctx, hub);
  app.decorate('supervisor', supervisor);
  await app.register(deviceRoutes(ctx, supervisor));
  await app.register(messageRoutes(ctx, supervisor));
  await app.register(templateRoutes(ctx));
  if (ctx.config.sandbox) await app.register(sandboxRoutes(ctx, supervisor));
  let stopSweeper: () => void = () => undefined;
  let stopSealedSweeper: () => Promise<void> = async () => undefined;
  app.addHook('onReady', async () => {
    await supervisor.start();
    stopSweeper = startExpirySweeper(ctx);
    stopSealedSweeper = startSealedBodySweeper(ctx);
  });
  app.addHook('onClose', async () => {
    stopSweeper();
    await stopSealedSweeper();
    await supervisor.stop();
  });
}
