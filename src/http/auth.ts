import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { sha256Hex } from '../lib/crypto.js';
import { findActiveKey, KEY_PREFIX, touchApiKey } from '../workspaces/api-keys.js';
import type { Plan } from '../workspaces/plans.js';
import type { Scope } from '../workspaces/scopes.js';
import type { Role, WorkspaceRow } from '../workspaces/tables.js';
import { AppError } from '../lib/errors.js';
import type { IdempotentReplay } from './idempotency.js';

export interface AuthContext {
  workspaceId: string;
  plan: Plan;
  via: 'api_key' | 'session';
  /** Who acts: an API key id or a user id. Rate limits and audit trails key on it. */
  principalId: string;
  scopes: ReadonlySet<Scope>;
  userId?: string;
  role?: Role;
  /**
   * The workspace as read with the API key, for a route that needs more of it than its plan (a
   * new verification's settings): a read saved. Sessions leave it out.
   */
  workspace?: WorkspaceRow;
}

/** Route access: a scope the caller needs, or 'public' for routes without auth. */
export type RouteAccess = Scope | 'public';

/** Resolves a dashboard session from the request's cookie; registered by the dashboard auth module. */
export type SessionResolver = (request: FastifyRequest) => Promise<AuthContext | null>;

declare module 'fastify' {
  interface FastifyContextConfig {
    scope?: RouteAccess;
    /** Read access is enough (GET routes): viewers may call it. */
    readOnly?: boolean;
    /** Honours Idempotency-Key; routes that create through a CreationHook say how to replay from the resource. */
    idempotent?: boolean | IdempotentReplay;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyInstance {
    sessionResolver: SessionResolver | null;
    /**
     * Whether the request's caller would still be let in: its credential still authenticates as
     * the same caller of the same workspace with the same scopes. A long-lived answer (an event
     * stream) asks again while it runs: a revoked key or an ended session must stop it.
     */
    stillAuthenticated(request: FastifyRequest): Promise<boolean>;
  }
}

const unauthorized = () =>
  new AppError('UNAUTHORIZED', 'Missing or invalid API key: send "Authorization: Bearer wap_…"');

// Writing last_used_at on every request would make each read a write; once a minute is enough.
const TOUCH_INTERVAL_MS = 60_000;

async function authenticateKey(ctx: AppContext, header: string): Promise<AuthContext> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const presented = match?.[1];
  if (!presented || !presented.startsWith(KEY_PREFIX) || presented.length > 200) throw unauthorized();
  const key = await findActiveKey(ctx.db, sha256Hex(presented));
  if (!key) throw unauthorized();
  const { workspace } = key;
  const plan = ctx.plans.get(workspace.plan);
  if (!plan.api) {
    throw new AppError(
      'FORBIDDEN',
      `The ${plan.name} plan does not include API access; upgrade to use API keys`,
    );
  }
  const now = ctx.clock.now();
  if (!key.last_used_at || now.getTime() - Date.parse(key.last_used_at) > TOUCH_INTERVAL_MS) {
    await touchApiKey(ctx.db, key.id, now);
  }
  return {
    workspaceId: workspace.id,
    plan,
    via: 'api_key',
    principalId: key.id,
    scopes: new Set(JSON.parse(key.scopes) as Scope[]),
    workspace,
  };
}

/** The request's caller: its API key, or else its dashboard session. */
async function authenticate(app: FastifyInstance, ctx: AppContext, request: FastifyRequest) {
  const header = request.headers.authorization;
  let auth: AuthContext | null = null;
  if (header) auth = await authenticateKey(ctx, header);
  else if (app.sessionResolver) auth = await app.sessionResolver(request);
  if (!auth) throw unauthorized();
  return auth;
}

const sameScopes = (a: ReadonlySet<Scope>, b: ReadonlySet<Scope>) =>
  a.size === b.size && [...a].every((scope) => b.has(scope));

/** Authenticates every route whose config names a scope, before body parsing and validation. */
export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('auth', null);
  app.decorate('sessionResolver', null);
  app.decorate('stillAuthenticated', async (request: FastifyRequest) => {
    const before = request.auth;
    if (!before) return true;
    let now: AuthContext;
    try {
      now = await authenticate(app, ctx, request);
    } catch (err) {
      // Refused (a revoked key, an ended session, a plan without API access): no longer let in.
      if (err instanceof AppError) return false;
      throw err;
    }
    return (
      now.principalId === before.principalId &&
      now.workspaceId === before.workspaceId &&
      sameScopes(now.scopes, before.scopes)
    );
  });
  app.addHook('onRequest', async (request) => {
    const scope = request.routeOptions.config.scope;
    if (!scope || scope === 'public') return;
    const auth = await authenticate(app, ctx, request);
    request.auth = auth;
    if (!auth.scopes.has(scope) && !(request.routeOptions.config.readOnly && auth.via === 'session')) {
      throw new AppError(
        'FORBIDDEN',
        auth.via === 'api_key' ? `This API key lacks the "${scope}" scope` : `Your role cannot do this`,
      );
    }
  });
}

/** The caller of an authenticated route. */
export function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw unauthorized();
  return request.auth;
}
