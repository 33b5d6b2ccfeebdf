import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { createOperatorMail } from '../notifications/operator-mail.js';
import { deliveryRoutes } from './delivery-routes.js';
import { EndpointPresence } from './endpoint-cache.js';
import { installDeliveryFanout } from './fanout.js';
import { disabledNotice } from './disabled-notice.js';
import { parseSchedule } from './retry-policy.js';
import { webhookRoutes } from './routes.js';
import { SecretBox } from './signing.js';
import { DeliveryWorker, type WorkerOptions } from './worker.js';

/**
 * Webhooks: the endpoint and delivery routes, and the delivery worker running with the app.
 * `overrides` lets a benchmark or test tune the worker beyond what the config offers.
 */
export async function registerWebhooks(
  app: FastifyInstance,
  ctx: AppContext,
  overrides: Partial<WorkerOptions> = {},
): Promise<DeliveryWorker> {
  await app.register(webhookRoutes(ctx));
  await app.register(deliveryRoutes(ctx));

  // Listening from the start: an endpoint created before the app is ready must still be heard.
  const presence = new EndpointPresence();
  const stopListening = presence.listen(ctx.bus);
  const wantsDelivery = installDeliveryFanout(ctx.events, presence);
  const mail = createOperatorMail(ctx);
  const notices = new Set<Promise<void>>();
  const worker = new DeliveryWorker(ctx, new SecretBox(ctx.masterKey), {
    schedule: parseSchedule(ctx.config.webhookRetryScheduleMs),
    disableAfterMs: ctx.config.webhookDisableAfterHours * 3_600_000,
    onEndpointDisabled: (endpoint) => {
      const sending = mail
        .send(endpoint.workspaceId, disabledNotice(endpoint, ctx.config.webhookDisableAfterHours))
        .then(
          () => undefined,
          (err: unknown) => ctx.log.warn({ err, endpointId: endpoint.id }, 'webhook disabled email not sent'),
        )
        .finally(() => notices.delete(sending));
      notices.add(sending);
    },
    ...overrides,
  });
  const unsubscribe: Array<() => void> = [];
  app.addHook('onReady', async () => {
    unsubscribe.push(
      ctx.bus.subscribe('events', (event) => {
        if (wantsDelivery(event)) worker.wake();
      }),
    );
    unsubscribe.push(ctx.bus.subscribe('webhooks.wake', () => worker.wake()));
    worker.start();
  });
  // preClose runs before every onClose hook, so this stops while the other features and the
  // database are still up. (onClose hooks run last-registered first; app.ts registers the one that
  // closes the database before any feature's, so the database closes last.)
  app.addHook('preClose', async () => {
    for (const off of unsubscribe.splice(0)) off();
    stopListening();
    await worker.stop();
    await Promise.allSettled([...notices]);
    mail.close();
  });
  return worker;
}
