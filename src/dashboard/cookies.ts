import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';

export const SESSION_COOKIE = 'waping_session';

/** The session token from the request's cookie header, if any. */
export function sessionToken(app: FastifyInstance, request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  return app.parseCookie(header)[SESSION_COOKIE] ?? null;
}

// 'auto' trusts request.protocol, which follows X-Forwarded-Proto only with WAPING_TRUST_PROXY.
function secure(config: Config, request: FastifyRequest): boolean {
  return config.secureCookies === 'true' || (config.secureCookies === 'auto' && request.protocol === 'https');
}

export function setSessionCookie(
  config: Config,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: secure(config, request),
    expires: expiresAt,
  });
}

export function clearSessionCookie(config: Config, request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: secure(config, request),
  });
}
