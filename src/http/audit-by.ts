import type { FastifyRequest } from 'fastify';
import type { AuditBy } from '../audit/record.js';
import { authOf } from './auth.js';

/** Who acts in an authenticated request, for the audit log: the signed-in user or the API key. */
export function auditBy(request: FastifyRequest): AuditBy {
  const auth = authOf(request);
  const actor =
    auth.via === 'session' && auth.userId
      ? { type: 'user' as const, id: auth.userId }
      : { type: 'api_key' as const, id: auth.principalId };
  return { actor, requestId: request.id, ip: request.ip };
}

/** The same for dashboard routes that read the session themselves (two-factor). */
export function auditByUser(request: FastifyRequest, userId: string): AuditBy {
  return { actor: { type: 'user', id: userId }, requestId: request.id, ip: request.ip };
}
