import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import type { DbOrTx } from './db/database.js';
import { countUsers } from './workspaces/users.js';

/** What someone who just started WAPing should do next, for the startup line. */
export async function nextStep(db: DbOrTx, url: string): Promise<string> {
  if ((await countUsers(db)) === 0) {
    return `Next: open ${url}/ to create the owner account, then add a sandbox device to try sending without a phone (docs/quickstart.md).`;
  }
  return `Next: sign in at ${url}/; to try things without a phone, add a sandbox device (docs/quickstart.md).`;
}

/** Listens, prints where, and shuts down cleanly on SIGTERM/SIGINT (in-flight requests finish, engines stop). */
export async function serve(config: Config): Promise<FastifyInstance> {
  const app = await buildApp(config, { processMetrics: true });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = config.publicUrl ?? `http://${shownHost}:${port}`;
  app.log.info(
    { url, database: app.ctx.dialect },
    `WAPing is running at ${url} (dashboard ${url}/, API docs ${url}/docs). ${await nextStep(app.ctx.db, url)}`,
  );

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  return app;
}
