import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import type { AuthContext, SessionResolver } from '../http/auth.js';
import { AppError } from '../lib/errors.js';
import { constantTimeEqual } from '../lib/crypto.js';
import { SCOPES, type Scope } from '../workspaces/scopes.js';
import type { Role } from '../workspaces/tables.js';
import { sessionToken } from './cookies.js';
import { findActiveSession, type ActiveSession } from './sessions.js';

/** What each role may do through the API; viewers still read every `readOnly` route (see http/auth.ts). */
export const ROLE_SCOPES: Record<Role, ReadonlySet<Scope>> = {
  owner: new Set(SCOPES),
  admin: new Set(SCOPES),
  agent: new Set<Scope>(['messages', 'verify']),
  viewer: new Set<Scope>(),
};

/**
 * Every scope a member of the role uses, if only to read: its scopes, and the scope of every
 * read-only route, which a session of any role may call (http/auth.ts). Whoever gives a role, or
 * may act as its member, must hold all of these: checked against the role's scopes alone, an
 * `admin`-only key added viewers who read the messages the key itself could not.
 */
export function roleReach(role: Role): ReadonlySet<Scope> {
  return new Set<Scope>([...ROLE_SCOPES[role], ...SCOPES]);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A cookie rides along with cross-site requests; a header the page must read from /auth/state
 * does not, so a matching `x-csrf-token` proves the write comes from the dashboard itself.
 */
export function assertCsrf(request: FastifyRequest, session: ActiveSession): void {
  if (SAFE_METHODS.has(request.method)) return;
  const header = request.headers['x-csrf-token'];
  const presented = Buffer.from(typeof header === 'string' ? header : '');
  if (!constantTimeEqual(presented, Buffer.from(session.csrfToken))) {
    throw new AppError('FORBIDDEN', 'Missing or invalid CSRF token: send the x-csrf-token header');
  }
}

/** The session behind the request's cookie, or null; no CSRF check (callers decide). */
export async function currentSession(
  app: FastifyInstance,
  ctx: AppContext,
  request: FastifyRequest,
): Promise<ActiveSession | null> {
  const token = sessionToken(app, request);
  return token ? findActiveSession(ctx.db, token, ctx.clock.now()) : null;
}

/**
 * Dashboard sessions for every /v1 route. Unlike API keys, sessions work on every plan: the
 * Free plan has no API access, but its dashboard must still work.
 */
export function sessionResolver(app: FastifyInstance, ctx: AppContext): SessionResolver {
  return async (request): Promise<AuthContext | null> => {
    const session = await currentSession(app, ctx, request);
    if (!session) return null;
    assertCsrf(request, session);
    return {
      workspaceId: session.workspaceId,
      plan: ctx.plans.get(session.plan),
      via: 'session',
      principalId: session.userId,
      scopes: ROLE_SCOPES[session.role],
      userId: session.userId,
      role: session.role,
    };
  };
}
