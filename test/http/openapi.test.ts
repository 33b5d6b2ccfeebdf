import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';

const it = appTest();

type Operation = { responses: Record<string, unknown>; security?: unknown[] };

describe('OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async ({ t }) => {
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    const result = await new Validator().validate(spec);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every /v1 route with its error responses', async ({ t }) => {
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const paths = spec.paths as Record<string, Record<string, Operation>>;
    const documented = new Set<string>();
    for (const [path, methods] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(methods)) {
        documented.add(`${method.toUpperCase()} ${path}`);
        if (path.startsWith('/v1/')) {
          expect(Object.keys(op.responses), `${method} ${path}`).toEqual(
            expect.arrayContaining(['400', '401', '403', '429', '500']),
          );
        }
      }
    }
    const routes = t.app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .filter((l) => l.includes('/v1/'));
    expect(routes.length).toBeGreaterThan(0);
    for (const required of [
      'GET /v1/workspace',
      'POST /v1/api-keys',
      'GET /v1/api-keys',
      'DELETE /v1/api-keys/{id}',
      'POST /v1/messages',
      'GET /v1/devices/{id}/qr',
    ]) {
      expect(documented).toContain(required);
    }
  });

  it('serves the docs UI and Prometheus metrics', async ({ t }) => {
    const docs = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
    await t.app.inject({ method: 'GET', url: '/healthz' });
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toMatch(
      /waping_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/,
    );
    expect(metrics.body).toContain('waping_http_request_duration_seconds_bucket');
  });
});
