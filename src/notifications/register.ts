import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { AlertMonitor } from './alerts.js';
import { createOperatorMail } from './operator-mail.js';

/** Operator alerts on device trouble (email); started with the app, stopped before it closes. */
export function registerNotifications(app: FastifyInstance, ctx: AppContext): void {
  const mail = createOperatorMail(ctx);
  const graceMs = ctx.config.alertGraceMs ?? ctx.config.alertGraceSeconds * 1000;
  const monitor = new AlertMonitor(ctx, mail, graceMs);
  app.addHook('onReady', async () => monitor.start());
  // preClose runs before every onClose hook, so this stops while the other features and the
  // database are still up. (onClose hooks run last-registered first; app.ts registers the one that
  // closes the database before any feature's, so the database closes last.)
  app.addHook('preClose', async () => {
    await monitor.stop();
    mail.close();
  });
}
