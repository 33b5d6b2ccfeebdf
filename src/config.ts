/**
 * Configuration: read once from the environment, validated, frozen. The TypeBox schema below is
 * the single source: the `Config` type is derived from it, and each field names the variable it
 * comes from so an error can name it.
 */
import { Type, type Static, type TObject, type TSchema } from 'typebox';
import { Value } from 'typebox/value';

const bool = (env: string, value: boolean) => ({ env, schema: Type.Boolean({ default: value }) });
const int = (env: string, value: number, min = 0, max = Number.MAX_SAFE_INTEGER) => ({
  env,
  schema: Type.Integer({ default: value, minimum: min, maximum: max }),
});
const str = (env: string, value?: string, options: Record<string, unknown> = {}) => ({
  env,
  schema:
    value === undefined
      ? Type.Optional(Type.String({ minLength: 1, ...options }))
      : Type.String({ default: value, ...options }),
});

/** Field name → environment variable and schema. Add a setting here and it is typed, validated and documented. */
export const CONFIG_FIELDS = {
  port: int('PORT', 3000, 0, 65535),
  host: str('HOST', '0.0.0.0'),
  dataDir: str('WAPING_DATA_DIR', './data'),
  databaseUrl: str('DATABASE_URL', undefined, { pattern: '^postgres(ql)?://' }),
  /** PostgreSQL parses and plans each repeated statement once per connection (off behind a transaction-mode pooler). */
  pgNamedStatements: bool('WAPING_PG_NAMED_STATEMENTS', true),
  masterKey: str('WAPING_MASTER_KEY', undefined, { pattern: '^[A-Za-z0-9+/=_-]{32,}$' }),
  apiKey: str('WAPING_API_KEY', undefined, { minLength: 24, pattern: '^wap_\\S+$' }),
  logLevel: {
    env: 'LOG_LEVEL',
    schema: Type.Union(
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
      { default: 'info' },
    ),
  },
  plansFile: str('WAPING_PLANS_FILE'),
  publicUrl: str('WAPING_PUBLIC_URL', undefined, { pattern: '^https?://' }),
  nodeId: str('WAPING_NODE_ID'),
  bodyLimitBytes: int('WAPING_BODY_LIMIT_BYTES', 1_048_576, 1024),
  /** Time from the connection (or the previous request) to the end of the request headers. */
  headersTimeoutMs: int('WAPING_HEADERS_TIMEOUT_MS', 10_000, 100),
  /** Time from the end of the headers to the end of the body, on routes that declare no room of their own. */
  bodyTimeoutMs: int('WAPING_BODY_TIMEOUT_MS', 10_000, 100),
  sandbox: bool('WAPING_SANDBOX', true),
  sandboxDeliveredMs: int('WAPING_SANDBOX_DELIVERED_MS', 300),
  sandboxReadMs: int('WAPING_SANDBOX_READ_MS', 1500),
  sandboxQrRefreshMs: int('WAPING_SANDBOX_QR_REFRESH_MS', 20_000, 10),
  /** How long a device lease lasts without renewal (docs/architecture.md, "What happens when a node dies"). */
  leaseTtlSeconds: int('WAPING_LEASE_TTL_SECONDS', 6, 3),
  /** Pause between renewals of this node's leases; unset: a quarter of the TTL. */
  leaseRenewMs: { env: 'WAPING_LEASE_RENEW_MS', schema: Type.Optional(Type.Integer({ minimum: 100 })) },
  /** A holder whose last renewal is this old stops its devices; unset: two thirds of the TTL. */
  leaseRenewDeadlineMs: {
    env: 'WAPING_LEASE_RENEW_DEADLINE_MS',
    schema: Type.Optional(Type.Integer({ minimum: 200 })),
  },
  /** How often every node looks for devices whose lease is free or expired, to take them over. */
  leasePollMs: int('WAPING_LEASE_POLL_MS', 1000, 100),
  /**
   * How many devices a node brings up at once (docs/architecture.md, "Bringing devices up"): the
   * rest wait their turn, so hundreds of logins at start do not starve the lease renewals.
   */
  deviceStartConcurrency: int('WAPING_DEVICE_START_CONCURRENCY', 8, 1),
  /** wss:// only; ws:// also with waAllowInsecureWs (see checkWaWsUrl). */
  waWsUrl: str('WAPING_WA_WS_URL', undefined, { pattern: '^wss?://' }),
  /** Test-only: accept a clear-text ws:// WAPING_WA_WS_URL. */
  waAllowInsecureWs: bool('WAPING_WA_ALLOW_INSECURE_WS', false),
  waBrowser: str('WAPING_WA_BROWSER', 'WAPing'),
  /** Pins the WhatsApp Web version announced (`2.3000.1023223821`); unset: the last that worked. */
  waVersion: str('WAPING_WA_VERSION', undefined, { pattern: '^\\d+\\.\\d+\\.\\d+$' }),
  waBackoffBaseMs: int('WAPING_WA_BACKOFF_BASE_MS', 1000, 10),
  webhookAllowPrivate: bool('WAPING_WEBHOOK_ALLOW_PRIVATE', false),
  /** Delays before each retry of a failed webhook delivery; after the last one it is `failed`. */
  webhookRetryScheduleMs: str(
    'WAPING_WEBHOOK_RETRY_SCHEDULE_MS',
    '5000,300000,1800000,7200000,18000000,36000000,36000000',
    { pattern: '^\\d+(,\\d+)*$' },
  ),
  webhookDisableAfterHours: int('WAPING_WEBHOOK_DISABLE_AFTER_HOURS', 120, 1),
  alertGraceSeconds: int('WAPING_ALERT_GRACE_SECONDS', 60),
  /** Overrides WAPING_ALERT_GRACE_SECONDS with milliseconds (tests). */
  alertGraceMs: { env: 'WAPING_ALERT_GRACE_MS', schema: Type.Optional(Type.Integer({ minimum: 0 })) },
  smtpUrl: str('WAPING_SMTP_URL', undefined, { pattern: '^smtps?://' }),
  mailFrom: str('WAPING_MAIL_FROM', 'WAPing <waping@localhost>'),
  smsProvider: {
    env: 'WAPING_SMS_PROVIDER',
    schema: Type.Optional(Type.Union([Type.Literal('twilio'), Type.Literal('webhook')])),
  },
  twilioAccountSid: str('WAPING_TWILIO_ACCOUNT_SID'),
  twilioAuthToken: str('WAPING_TWILIO_AUTH_TOKEN'),
  twilioFrom: str('WAPING_TWILIO_FROM'),
  twilioBaseUrl: str('WAPING_TWILIO_BASE_URL', 'https://api.twilio.com', { pattern: '^https?://' }),
  smsWebhookUrl: str('WAPING_SMS_WEBHOOK_URL', undefined, { pattern: '^https?://' }),
  verifyPerMinute: int('WAPING_VERIFY_PER_MINUTE', 600, 1),
  secureCookies: {
    env: 'WAPING_SECURE_COOKIES',
    schema: Type.Union([Type.Literal('auto'), Type.Literal('true'), Type.Literal('false')], {
      default: 'auto',
    }),
  },
  trustProxy: bool('WAPING_TRUST_PROXY', false),
  sessionTtlHours: int('WAPING_SESSION_TTL_HOURS', 12, 1),
  /** How often old message bodies are erased (per-workspace retentionDays). */
  retentionIntervalMinutes: int('WAPING_RETENTION_INTERVAL_MINUTES', 60, 1),
  /**
   * Where media files live: unset or `file:///path` for files on this box (default
   * WAPING_DATA_DIR/media), `database:` for the database itself (every node reaches it),
   * `s3://[key:secret@]bucket?endpoint=…&region=…` for an S3-compatible object store.
   */
  mediaUrl: str('WAPING_MEDIA_URL', undefined, { pattern: '^(file:///|database:$|s3://)' }),
  /** Time for the body of one upload to POST /v1/media to arrive. */
  mediaUploadTimeoutMs: int('WAPING_MEDIA_UPLOAD_TIMEOUT_MS', 600_000, 100),
  /** Time for fetching media from a URL given to POST /v1/messages, answer and body included. */
  mediaFetchTimeoutMs: int('WAPING_MEDIA_FETCH_TIMEOUT_MS', 30_000, 100),
  /** Test-only: let media URLs point at private and loopback addresses. */
  mediaFetchAllowPrivate: bool('WAPING_MEDIA_FETCH_ALLOW_PRIVATE', false),
  /** The built dashboard; unset → dist/web of this checkout. */
  webDir: str('WAPING_WEB_DIR'),
} satisfies Record<string, { env: string; schema: TSchema }>;

type Fields = typeof CONFIG_FIELDS;
type SchemaOf<F> = { [K in keyof F]: F[K] extends { schema: infer S extends TSchema } ? S : never };
export type Config = Readonly<Static<TObject<SchemaOf<Fields>>>>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function parseField(name: string, env: string, schema: TSchema, raw: string | undefined): unknown {
  if (raw === undefined || raw === '') {
    const fallback = Value.Default(schema, undefined);
    if (fallback === undefined && !('~optional' in schema) && !Value.Check(schema, undefined)) {
      throw new ConfigError(`${env} is required`);
    }
    return fallback;
  }
  const converted = Value.Convert(schema, raw);
  if (!Value.Check(schema, converted)) {
    const [first] = Value.Errors(schema, converted);
    const choices = (schema as { anyOf?: Array<{ const?: unknown }> }).anyOf?.map((s) => s.const);
    const why = choices ? `must be one of ${choices.join(', ')}` : (first?.message ?? 'invalid value');
    throw new ConfigError(`${env} has an invalid value (${why}) for ${name}`);
  }
  return converted;
}

/**
 * Whatever answers WAPING_WA_WS_URL reads every message in plain text unless TLS authenticates it:
 * Baileys' Noise certificate check binds neither the leaf certificate to the server's static key
 * nor checks its expiry, and Signal trusts identities on first use. So clear text is refused
 * unless the operator says, for a test setup, that this is on purpose.
 */
function checkWaWsUrl(config: Config): void {
  if (config.waWsUrl?.startsWith('ws://') && !config.waAllowInsecureWs) {
    throw new ConfigError(
      'WAPING_WA_WS_URL must be a wss:// URL: clear-text ws:// would expose every message, ' +
        'and is only accepted for tests with WAPING_WA_ALLOW_INSECURE_WS=true',
    );
  }
}

export interface LeaseTiming {
  ttlMs: number;
  renewMs: number;
  renewDeadlineMs: number;
  pollMs: number;
}

/** The lease timings in milliseconds, with the defaults derived from the TTL. */
export function leaseTiming(config: Config): LeaseTiming {
  const ttlMs = config.leaseTtlSeconds * 1000;
  return {
    ttlMs,
    renewMs: config.leaseRenewMs ?? Math.round(ttlMs / 4),
    renewDeadlineMs: config.leaseRenewDeadlineMs ?? Math.round((ttlMs * 2) / 3),
    pollMs: config.leasePollMs,
  };
}

/**
 * A holder must give a device up before its lease can run out for the others, and renew more than
 * once within that time, or two nodes could open the same WhatsApp session.
 */
function checkLeaseTiming(config: Config): void {
  const { ttlMs, renewMs, renewDeadlineMs } = leaseTiming(config);
  if (renewDeadlineMs >= ttlMs) {
    throw new ConfigError(
      `WAPING_LEASE_RENEW_DEADLINE_MS (${renewDeadlineMs}) must be shorter than WAPING_LEASE_TTL_SECONDS (${ttlMs} ms)`,
    );
  }
  if (renewMs * 2 > renewDeadlineMs) {
    throw new ConfigError(
      `WAPING_LEASE_RENEW_MS (${renewMs}) must be at most half of WAPING_LEASE_RENEW_DEADLINE_MS (${renewDeadlineMs})`,
    );
  }
}

/** Reads the environment (or a given record) into a frozen Config; throws ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(CONFIG_FIELDS)) {
    const value = parseField(name, field.env, field.schema, env[field.env]);
    if (value !== undefined) out[name] = value;
  }
  const config = Object.freeze(out) as Config;
  checkWaWsUrl(config);
  checkLeaseTiming(config);
  return config;
}
