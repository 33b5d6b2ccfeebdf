import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import pino, { type Logger } from 'pino';
import { sql } from 'kysely';
import { makeNodeId } from './cluster/node.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { dashboard } from './dashboard/index.js';
import type { EventBus } from './events/bus.js';
import { MemoryBus } from './events/memory-bus.js';
import { EventOutbox } from './events/outbox.js';
import { PgBus } from './events/pg-bus.js';
import { openDatabase, type DatabaseHandle } from './db/database.js';
import { deviceHooks } from './device-hooks.js';
import { auditRoutes } from './audit/routes.js';
import { registerDevices } from './devices/register.js';
import { DeviceSupervisor } from './devices/supervisor.js';
import { SandboxHub } from './engines/sandbox/hub.js';
import { migrateToLatest } from './db/migrate.js';
import { registerAuth } from './http/auth.js';
import { edgeServerOptions, newRequestId, registerEdge } from './http/edge.js';
import { registerErrorHandling } from './http/error-handler.js';
import { registerJsonBody } from './http/json-body.js';
import { registerStrictQueryNumbers } from './http/query-numbers.js';
import { registerUrlSecretRefusal, requestLogFields } from './http/url-secrets.js';
import { registerNulRefusal } from './http/nul-refusal.js';
import { readableLogStream } from './lib/readable-log.js';
import { healthRoutes } from './http/health.js';
import { registerIdempotency } from './http/idempotency.js';
import { InboundHandler } from './inbound/handle-inbound.js';
import { registerInbound } from './inbound/register.js';
import { registerMedia } from './media/register.js';
import { checkMediaUrl } from './media/storage-for.js';
import { registerMessages } from './messages/register.js';
import { MessageStoredHooks } from './messages/stored-hooks.js';
import { fileIntoConversation } from './conversations/file-message.js';
import { registerConversations } from './conversations/register.js';
import { registerContacts } from './contacts/register.js';
import { registerMetrics } from './http/metrics.js';
import { registerOpenApi } from './http/openapi.js';
import { registerRateLimit } from './http/rate-limit.js';
import { registerEventStreams } from './http/sse.js';
import { lazySchemaController } from './http/lazy-schemas.js';
import { resolveMasterKey } from './lib/master-key.js';
import { registerVerify } from './verify/register.js';
import { systemClock, type Clock } from './lib/time.js';
import { bootstrapWorkspaces } from './workspaces/bootstrap.js';
import { loadPlans } from './workspaces/plans.js';
import { workspaceRoutes } from './workspaces/routes.js';
import { registerNotifications } from './notifications/register.js';
import { registerWebhooks } from './webhooks/register.js';

export interface AppDeps {
  /** A logger to use instead of one made from LOG_LEVEL (tests pass a silent or capturing one). */
  logger?: Logger;
  clock?: Clock;
  /** An open database (tests); otherwise opened from the config and closed with the app. */
  database?: DatabaseHandle;
  /**
   * A bus to share instead of one of the app's own (tests running two nodes in one process on
   * SQLite, where no PostgreSQL carries the bus between them); it is left open when the app closes.
   */
  bus?: EventBus;
  /** Node.js process metrics on /metrics; off in tests where many apps share a process. */
  processMetrics?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Opens the database (migrated, default workspace present) and assembles what services need. */
export async function createContext(
  config: Config,
  deps: AppDeps = {},
): Promise<{ ctx: AppContext; database: DatabaseHandle }> {
  const logOptions = {
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
  };
  // A person at a terminal reads lines; anything else (a file, a collector) gets JSON lines.
  const base =
    deps.logger ??
    (process.stdout.isTTY ? pino(logOptions, readableLogStream(process.stdout)) : pino(logOptions));
  // Request lines in the log never show a credential someone put in a query string.
  const log = base.child({}, { serializers: { req: requestLogFields } });
  const database =
    deps.database ??
    openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      namedStatements: config.pgNamedStatements,
    });
  const clock = deps.clock ?? systemClock;
  await migrateToLatest(database.db, database.dialect);
  await bootstrapWorkspaces(database.db, config, clock.now());

  const nodeId = makeNodeId(config.nodeId);
  let bus: EventBus = deps.bus ?? new MemoryBus();
  if (!deps.bus && database.dialect === 'postgres' && config.databaseUrl) {
    const pgBus = new PgBus(config.databaseUrl, nodeId, log, (channel, payloads) =>
      sql`select ${sql.join(payloads.map((payload) => sql`pg_notify(${channel}, ${payload})`))}`.execute(
        database.background,
      ),
    );
    await pgBus.start();
    bus = pgBus;
  }
  const ctx: AppContext = {
    config,
    db: database.db,
    backgroundDb: database.background,
    dialect: database.dialect,
    log,
    clock,
    plans: loadPlans(config.plansFile),
    masterKey: resolveMasterKey(config.masterKey, config.dataDir),
    nodeId,
    bus,
    events: new EventOutbox(bus),
    messageStored: new MessageStoredHooks(),
  };
  // The inbox files every new message into its conversation, in the message's transaction.
  ctx.messageStored.add(fileIntoConversation(ctx));
  return { ctx, database };
}

/** Builds the whole server as a Fastify instance: what `serve` listens with and what tests inject into. */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  checkMediaUrl(config);
  const { ctx, database } = await createContext(config, deps);

  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    ...edgeServerOptions(config),
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : newRequestId();
    },
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false },
    },
    schemaController: lazySchemaController,
    // Replaced by one line per request below.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('ctx', ctx);
  // onClose hooks run last-registered first: registered here, the database closes after every feature stopped.
  app.addHook('onClose', async () => {
    if (!deps.bus) await ctx.bus.close();
    if (!deps.database) await database.destroy();
  });
  // The API speaks JSON only; a text body is a client mistake better named by 415 than by a schema error.
  app.removeContentTypeParser('text/plain');
  registerJsonBody(app);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    request.log.debug({ req: request }, 'incoming request');
  });
  // One log line per request, once answered: what was asked, the status and how long it took.
  // (Fastify's default is a second line on arrival; each is a synchronous write on the hot path.)
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { req: request, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime },
      'request completed',
    );
  });
  // Before auth and the rest: during shutdown nothing else runs.
  registerEdge(app, config);
  registerUrlSecretRefusal(app);
  registerNulRefusal(app);
  // A bodiless POST means "no options": validate it as {} so optional-only bodies work from curl.
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined && (request.method === 'POST' || request.method === 'PATCH'))
      request.body = {};
  });
  // A /v1 route without a declared scope would be public by accident: refuse to start instead.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/v1/') && !route.config?.scope)
      throw new Error(`route ${route.method} ${route.url} declares no scope`);
  });

  registerErrorHandling(app);
  registerStrictQueryNumbers(app);
  registerEventStreams(app);
  registerAuth(app, ctx);
  registerRateLimit(app, ctx.clock);
  registerIdempotency(app, ctx);
  registerMetrics(app, { processMetrics: deps.processMetrics ?? false });
  await registerOpenApi(app);

  await app.register(healthRoutes(ctx));
  await app.register(workspaceRoutes(ctx));
  await app.register(auditRoutes(ctx));
  // Features: each registers its routes and starts/stops its background work with the app.
  await registerWebhooks(app, ctx);
  registerNotifications(app, ctx);
  // The composition: devices hand their traffic to messages and inbound through these callbacks.
  const inbound = new InboundHandler(ctx);
  const hub = new SandboxHub({
    deliveredMs: config.sandboxDeliveredMs,
    readMs: config.sandboxReadMs,
    qrRefreshMs: config.sandboxQrRefreshMs,
  });
  const supervisor = new DeviceSupervisor(ctx, hub, deviceHooks(ctx, inbound));
  await registerDevices(app, ctx, supervisor);
  await registerMedia(app, ctx);
  await registerMessages(app, ctx);
  await registerContacts(app, ctx, supervisor);
  await registerInbound(app, ctx, inbound);
  await registerVerify(app, ctx);
  await registerConversations(app, ctx, supervisor);
  await app.register(dashboard(ctx));

  return app;
}
