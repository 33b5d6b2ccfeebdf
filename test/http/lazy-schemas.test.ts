import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lazySchemaController } from '../../src/http/lazy-schemas.js';

// The same route on two servers, one with Fastify's default compilers and one with the lazy ones:
// every request must get the same answer from both (the app's Ajv options, as in src/app.ts).
function server(lazy: boolean): FastifyInstance {
  const app = Fastify({
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false },
    },
    ...(lazy ? { schemaController: lazySchemaController } : {}),
  });
  app.addSchema({ $id: 'Item', type: 'object', properties: { id: { type: 'string' } }, required: ['id'] });
  app.post(
    '/things/:n',
    {
      schema: {
        params: { type: 'object', properties: { n: { type: 'integer', minimum: 1 } } },
        headers: {
          type: 'object',
          properties: { 'X-Token': { type: 'string', minLength: 3 } },
          required: ['X-Token'],
        },
        querystring: {
          type: 'object',
          properties: {
            tag: { type: 'array', items: { type: 'string' } },
            size: { type: 'integer', default: 7 },
          },
        },
        body: { type: 'object', properties: { item: { $ref: 'Item#' } }, required: ['item'] },
        response: {
          200: {
            type: 'object',
            properties: {
              n: { type: 'integer' },
              tag: { type: 'array', items: { type: 'string' } },
              size: { type: 'integer' },
              item: { $ref: 'Item#' },
            },
          },
        },
      },
    },
    async (request) => ({
      ...(request.params as object),
      ...(request.query as object),
      ...(request.body as object),
      secret: 'never serialised',
    }),
  );
  return app;
}

let eager: FastifyInstance;
let lazy: FastifyInstance;
beforeAll(async () => {
  eager = server(false);
  lazy = server(true);
  await Promise.all([eager.ready(), lazy.ready()]);
});
afterAll(async () => {
  await Promise.all([eager.close(), lazy.close()]);
});

const requests = [
  { url: '/things/3?tag=a', headers: { 'x-token': 'abcd' }, body: { item: { id: 'x' } } },
  {
    url: '/things/3?tag=a&tag=b&size=9',
    headers: { 'X-TOKEN': 'abcd' },
    body: { item: { id: 'x', more: 1 } },
  },
  { url: '/things/3', headers: {}, body: { item: { id: 'x' } } },
  { url: '/things/3', headers: { 'x-token': 'ab' }, body: { item: { id: 'x' } } },
  { url: '/things/0', headers: { 'x-token': 'abcd' }, body: { item: { id: 'x' } } },
  { url: '/things/3?size=big', headers: { 'x-token': 'abcd' }, body: { item: { id: 'x' } } },
  { url: '/things/3', headers: { 'x-token': 'abcd' }, body: { item: {} } },
  { url: '/things/3', headers: { 'x-token': 'abcd' }, body: {} },
];

describe('schemas compiled on first use', () => {
  it('validate, coerce, default and serialise exactly as Fastify compiles them at start-up', async () => {
    const statuses: number[] = [];
    for (const request of requests) {
      const [a, b] = await Promise.all(
        [eager, lazy].map((app) => app.inject({ method: 'POST', ...request })),
      );
      expect(b!.statusCode).toBe(a!.statusCode);
      expect(b!.json()).toEqual(a!.json());
      statuses.push(b!.statusCode);
    }
    // The cases cover both answers: accepted, and each part refused.
    expect(statuses).toEqual([200, 200, 400, 400, 400, 400, 400, 400]);
    const ok = await lazy.inject({ method: 'POST', ...requests[0]! });
    expect(ok.json()).toEqual({ n: 3, tag: ['a'], size: 7, item: { id: 'x' } });
  });
});
