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
  // preClose, not onClose: the app's own onClose destroys the database before feature hooks run.
  app.addHook('preClose', async () => {
    await monitor.stop();
    mail.close();
  });
}
