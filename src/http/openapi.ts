import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { SESSION_COOKIE } from '../dashboard/cookies.js';
import { ErrorEnvelope, errorResponses } from './schemas.js';

type RouteSchema = NonNullable<RouteOptions['schema']> & {
  hide?: boolean;
  headers?: { properties?: Record<string, unknown> };
  response?: Record<string, Record<string, unknown>>;
  security?: unknown[];
};

const REQUEST_ID_HEADER = Type.String({
  pattern: '^[A-Za-z0-9._:-]{1,100}$',
  description: 'Your id for this request, echoed back and logged; one is made when absent or malformed',
});
const IDEMPOTENCY_KEY_HEADER = Type.String({
  minLength: 1,
  maxLength: 255,
  pattern: '^[\\x21-\\x7e]+$',
  description:
    'Makes a retry safe: the same key and body within 24 h replay the first answer (see docs/api.md "Idempotency")',
});

const answerHeaders = (idempotent: boolean, status: number) => ({
  'X-Request-Id': Type.String({ description: 'The request id: yours, or the one made for you' }),
  ...(idempotent && status < 300
    ? { 'Idempotent-Replayed': Type.Literal('true', { description: 'Present when this is a replay' }) }
    : {}),
});

/**
 * What every route has in common, added to its documented schema from its config (the runtime
 * schema is untouched): the request-id and Idempotency-Key headers, the answers the edge gives
 * (408, 413, 415 for bodies, 409 for idempotent routes, 414 for long path parameters, 503 while
 * shutting down) and, for public
 * routes, no security requirement.
 */
function documentRoute({ schema, url, route }: { schema: RouteSchema; url: string; route: RouteOptions }) {
  if (!schema || schema.hide) return { schema, url };
  const config = route.config ?? {};
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const takesBody = methods.some((m) => ['POST', 'PUT', 'PATCH'].includes(m));
  const idempotent = Boolean(config.idempotent);
  // A path parameter longer than any id is refused by the router (414) before validation.
  const hasParams = url.includes('{') || url.includes(':');
  const extra = [
    ...(takesBody ? [408, 413, 415] : []),
    ...(idempotent ? [409] : []),
    ...(hasParams ? [414] : []),
    503,
  ];
  const response: Record<string, Record<string, unknown>> = {};
  const declared = { ...errorResponses(...extra), ...(schema.response ?? {}) } as Record<
    string,
    Record<string, unknown>
  >;
  for (const [status, answer] of Object.entries(declared)) {
    response[status] = { ...answer, headers: answerHeaders(idempotent, Number(status)) };
  }
  const headers = Type.Object({
    ...((schema.headers?.properties ?? {}) as Record<string, TSchema>),
    'x-request-id': Type.Optional(REQUEST_ID_HEADER),
    ...(idempotent ? { 'idempotency-key': Type.Optional(IDEMPOTENCY_KEY_HEADER) } : {}),
  });
  const security = schema.security ?? (config.scope === 'public' ? [] : undefined);
  return { schema: { ...schema, headers, response, ...(security ? { security } : {}) }, url };
}

/** OpenAPI 3.1 at /openapi.json from the route schemas, and a docs UI at /docs (assets served locally). */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  app.addSchema(ErrorEnvelope);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'WAPing API',
        version: '1',
        description:
          'Self-hostable WhatsApp business-line gateway. Authenticate with `Authorization: Bearer wap_…`, ' +
          'or from the dashboard with its session cookie and the `x-csrf-token` header on writes. ' +
          'Errors always use the envelope `{"error":{"code","message","details"?,"requestId"}}`, including ' +
          'the answers the server gives before any route: 400 BAD_REQUEST (not HTTP), 405 ' +
          'METHOD_NOT_ALLOWED (CONNECT), 408 REQUEST_TIMEOUT, 431 HEADERS_TOO_LARGE.',
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'API key wap_…' },
          dashboardSession: {
            type: 'apiKey',
            in: 'cookie',
            name: SESSION_COOKIE,
            description: 'Set by POST /auth/login; the dashboard uses it instead of an API key',
          },
          csrfToken: {
            type: 'apiKey',
            in: 'header',
            name: 'x-csrf-token',
            description:
              'With the session cookie, on every request but GET/HEAD: the csrfToken of /auth/state',
          },
          signInStep: {
            type: 'apiKey',
            in: 'cookie',
            name: 'waping_sign_in',
            description:
              'Set by POST /auth/login when the password was right and a second factor (or its enrolment) is due; lasts 10 minutes',
          },
        },
      },
      security: [{ bearerAuth: [] }, { dashboardSession: [], csrfToken: [] }],
    },
    transform: documentRoute as never,
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true } });
  app.get('/openapi.json', { schema: { hide: true }, config: { scope: 'public' } }, async () =>
    app.swagger(),
  );
}
