import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

// The document says what the server does: headers, edge answers, auth schemes, media types.
type Operation = {
  parameters?: Array<{ in: string; name: string }>;
  responses: Record<string, { content?: Record<string, unknown> }>;
  requestBody?: unknown;
  security?: unknown[];
};
type Spec = {
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; in?: string; name?: string }> };
  security: unknown[];
};

let db: TestDatabase;
let t: TestApp;
let spec: Spec;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startApp(db);
  spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json<Spec>();
});
afterAll(async () => {
  await t.close();
  await db.drop();
});

const operations = () =>
  Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, method, op })),
  );
const headerNames = (op: Operation) =>
  (op.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name);

describe('the OpenAPI document', () => {
  it('declares X-Request-Id on every operation and Idempotency-Key where it is honoured', () => {
    for (const { name, op } of operations()) expect(headerNames(op), name).toContain('x-request-id');
    for (const name of [
      'POST /v1/messages',
      'POST /v1/verifications',
      'POST /v1/api-keys',
      'POST /v1/webhooks',
    ]) {
      const [method, path] = name.split(' ') as [string, string];
      const op = spec.paths[path]![method.toLowerCase()]!;
      expect(headerNames(op), name).toContain('idempotency-key');
      expect(Object.keys(op.responses), name).toContain('409');
    }
  });

  it('declares 408, 413 and 415 on operations that take a body, 503 on all', () => {
    for (const { name, method, op } of operations()) {
      if (['post', 'put', 'patch'].includes(method))
        expect(Object.keys(op.responses), name).toEqual(expect.arrayContaining(['408', '413', '415']));
      expect(Object.keys(op.responses), name).toContain('503');
    }
  });

  it('declares the dashboard cookie and CSRF header as a way in', () => {
    const schemes = spec.components.securitySchemes;
    expect(schemes.dashboardSession).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'waping_session' });
    expect(schemes.csrfToken).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-csrf-token' });
    expect(spec.security).toContainEqual({ dashboardSession: [], csrfToken: [] });
    expect(spec.paths['/healthz']!.get!.security).toEqual([]);
  });

  it('declares every error as JSON, the QR as PNG or JSON', () => {
    for (const { name, op } of operations()) {
      for (const [status, answer] of Object.entries(op.responses)) {
        if (Number(status) >= 400)
          expect(Object.keys(answer.content ?? {}), `${name} ${status}`).toEqual(['application/json']);
      }
    }
    const qr = spec.paths['/v1/devices/{id}/qr']!.get!.responses['200']!;
    expect(Object.keys(qr.content!).sort()).toEqual(['application/json', 'image/png']);
  });
});
