import type { FastifyInstance, FastifyRequest } from 'fastify';
import { validation } from '../lib/errors.js';

/** Query parameter names that carry credentials by convention; their values never reach a log. */
const SECRET_NAME =
  /(^|[_-])(api[_-]?key|key|token|access[_-]?token|secret|password|passwd|signature|sig|auth|code)$/i;
/** Our own credentials by their prefix, whatever parameter they were put in. */
const SECRET_VALUE = /^wap_/i;

/** The URL with the values of credential-like query parameters replaced, for logs. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      const name = pair.slice(0, eq);
      let value = pair.slice(eq + 1);
      try {
        value = decodeURIComponent(value);
      } catch {
        // An undecodable value is logged as sent, unless its name says it is a secret.
      }
      return SECRET_NAME.test(name) || SECRET_VALUE.test(value) ? `${name}=[REDACTED]` : pair;
    })
    .join('&');
  return `${url.slice(0, at)}?${query}`;
}

/** Fastify's request log fields, with the URL redacted. */
export function requestLogFields(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/**
 * An API key in the URL ends up in proxy logs and browser history, so it is refused (400) rather
 * than used or ignored: the client learns at once to send `Authorization: Bearer wap_…`.
 */
export function registerUrlSecretRefusal(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const query = request.query as Record<string, unknown> | undefined;
    if (!query || typeof query !== 'object') return;
    for (const [name, raw] of Object.entries(query)) {
      const values = Array.isArray(raw) ? raw : [raw];
      const keyName = /^(api[_-]?key|access[_-]?token|key|token)$/i.test(name);
      if (keyName || values.some((v) => typeof v === 'string' && SECRET_VALUE.test(v))) {
        throw validation(
          'API keys are never accepted in the URL: send them as "Authorization: Bearer wap_…"',
          [{ field: `querystring.${name}`, message: 'must not carry a credential' }],
        );
      }
    }
  });
}
