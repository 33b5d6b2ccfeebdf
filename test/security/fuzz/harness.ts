// Both are CommonJS: their ESM default is module.exports, which carries the real export as .default.
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import http from 'node:http';
import { expect } from 'vitest';
import type { TestApp } from '../../helpers/app.js';
import { SchemaArbitraries, ODD_STRINGS, type JsonSchema } from './schema-arbitrary.js';

/**
 * Property-based requests for each operation of /openapi.json: whatever is sent, the answer is
 * never a 5xx, its status is one the document declares for that operation, a 2xx body matches the
 * declared schema, and every 4xx is the error envelope.
 *
 * WAPING_FUZZ_SEED changes the seed (a fixed one by default, so CI is repeatable) and
 * WAPING_FUZZ_RUNS the runs per operation (raise it locally to search longer).
 */
export const FUZZ_SEED = Number(process.env.WAPING_FUZZ_SEED ?? 20261128);
export const FUZZ_RUNS = Number(process.env.WAPING_FUZZ_RUNS ?? 20);

export type Parameter = { in: string; name: string; required?: boolean; schema: JsonSchema };
type Answer = { content?: Record<string, { schema?: JsonSchema }> };
export type Operation = {
  method: string;
  path: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, Answer>;
};
export type Spec = {
  paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;
  components: { schemas: Record<string, JsonSchema> };
};

export function operationsOf(spec: Spec): Operation[] {
  return Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ ...op, method: method.toUpperCase(), path })),
  );
}

/** Streams never end, so they are sent over a real socket and cut once the head is in. */
export const isStream = (op: Operation) => Boolean(op.responses['200']?.content?.['text/event-stream']);

export interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Received {
  status: number;
  contentType: string;
  body: string;
}

/** Ids of real resources, by the prefix their pattern names (dev, msg, tpl…) or by parameter name. */
export type Pools = Record<string, string[]>;

export function poolFor(pools: Pools, param: Parameter): string[] {
  const pattern = String(param.schema?.pattern ?? '');
  const prefix = /\^([a-z]+)_/.exec(pattern)?.[1];
  return pools[param.name] ?? (prefix ? pools[prefix] : undefined) ?? [];
}

/** Percent-encodes a path segment; a lone surrogate (which encodeURIComponent refuses) becomes U+FFFD. */
function encodeSegment(value: unknown): string {
  const text = String(value).replace(
    /(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/g,
    '\uFFFD',
  );
  return encodeURIComponent(text);
}

function queryValue(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(queryValue);
  if (value === null || value === undefined) return [''];
  return [typeof value === 'object' ? JSON.stringify(value) : String(value)];
}

export class Fuzzer {
  readonly arbitraries: SchemaArbitraries;
  private readonly ajv = addFormatsModule.default(
    new Ajv2020Module.default({ strict: false, allErrors: false, validateFormats: true }),
  );
  private readonly validators = new Map<string, ReturnType<typeof this.ajv.compile>>();

  constructor(
    private readonly spec: Spec,
    private readonly t: TestApp,
    private readonly pools: Pools,
    overrides: ConstructorParameters<typeof SchemaArbitraries>[1],
  ) {
    this.arbitraries = new SchemaArbitraries(spec.components.schemas, overrides);
  }

  /** A request for the operation: real or made-up ids, valid-ish or broken query, body and auth. */
  request(op: Operation): fc.Arbitrary<Sent> {
    const a = this.arbitraries;
    const params = op.parameters ?? [];
    const pathArbs = params
      .filter((p) => p.in === 'path')
      .map((p) => {
        const pool = poolFor(this.pools, p);
        const options: Array<fc.WeightedArbitrary<unknown>> = [
          { weight: 1, arbitrary: a.valid(p.schema) },
          { weight: 1, arbitrary: fc.constantFrom(...ODD_STRINGS.filter((s) => s !== '')) },
        ];
        if (pool.length) options.push({ weight: 4, arbitrary: fc.constantFrom(...pool) });
        return fc.tuple(fc.constant(p.name), fc.oneof(...options));
      });
    const queryArbs = params
      .filter((p) => p.in === 'query')
      .map((p) => fc.tuple(fc.constant(p.name), fc.option(a.fuzzy(p.schema, p.name), { nil: undefined })));
    const bodySchema = op.requestBody?.content?.['application/json']?.schema;
    type Body = { json: unknown } | { raw: string; type?: string };
    const body: fc.Arbitrary<Body | undefined> = bodySchema
      ? fc.oneof(
          { weight: 8, arbitrary: a.fuzzy(bodySchema).map((v): Body => ({ json: v })) },
          {
            weight: 1,
            arbitrary: fc.constantFrom('', '{', '[]', 'null', '"x"', '{"a":').map((raw): Body => ({ raw })),
          },
          { weight: 1, arbitrary: fc.constant<Body>({ raw: '{}', type: 'text/plain' }) },
        )
      : fc.constant(undefined);
    const auth = fc.constantFrom('key', 'key', 'key', 'key', 'none', 'malformed');
    // Mostly absent or valid, so that most requests get as far as the handler.
    const idempotencyKey = fc.oneof(
      { weight: 6, arbitrary: fc.constant(undefined) },
      { weight: 2, arbitrary: fc.constantFrom('k1', 'k2') },
      { weight: 1, arbitrary: fc.constantFrom(' ', 'x'.repeat(300), 'ü') },
    );
    const unknownQuery = fc.oneof(
      { weight: 6, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constantFrom('unknown=1', 'limit=1&limit=2', '%zz=1', 'cursor') },
    );
    return fc
      .record({
        path: fc.tuple(...pathArbs),
        query: fc.tuple(...queryArbs),
        unknownQuery,
        body,
        auth,
        idempotencyKey,
      })
      .map((r) => {
        let url = op.path;
        for (const [name, value] of r.path) url = url.replace(`{${name}}`, encodeSegment(value));
        const query = new URLSearchParams();
        for (const [name, value] of r.query)
          if (value !== undefined) for (const v of queryValue(value)) query.append(name, v);
        const text = [query.toString(), r.unknownQuery].filter(Boolean).join('&');
        if (text) url += `?${text}`;
        const headers: Record<string, string> = {};
        if (r.auth === 'key') headers.authorization = `Bearer ${this.t.apiKey}`;
        if (r.auth === 'malformed') headers.authorization = 'Bearer wap_not-a-real-key';
        if (r.idempotencyKey !== undefined) headers['idempotency-key'] = r.idempotencyKey;
        let payload: string | undefined;
        if (r.body && 'json' in r.body) {
          payload = JSON.stringify(r.body.json);
          headers['content-type'] = 'application/json';
        } else if (r.body) {
          payload = r.body.raw;
          headers['content-type'] = r.body.type ?? 'application/json';
        }
        return { method: op.method, url, headers, ...(payload !== undefined ? { body: payload } : {}) };
      });
  }

  /** Sends a request (streams over a real socket when a port is given). */
  async send(op: Operation, sent: Sent, streamPort?: number): Promise<Received> {
    if (isStream(op) && streamPort) return sendToStream(streamPort, sent);
    const res = await this.t.app.inject({
      method: sent.method as 'GET',
      url: sent.url,
      headers: sent.headers,
      ...(sent.body !== undefined ? { payload: sent.body } : {}),
    });
    return { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), body: res.body };
  }

  /** The checks every answer must pass. */
  check(op: Operation, sent: Sent, got: Received): void {
    const where = `${sent.method} ${sent.url.slice(0, 300)} ${sent.body?.slice(0, 300) ?? ''} → ${got.status} ${got.body.slice(0, 300)}`;
    expect(got.status, where).toBeLessThan(500);
    const answer = op.responses[String(got.status)];
    expect(answer, `undeclared status: ${where}`).toBeDefined();
    if (got.status === 204 || !answer?.content) return;
    const type = got.contentType.split(';')[0]!.trim();
    expect(Object.keys(answer.content), `undeclared media type ${type}: ${where}`).toContain(type);
    if (got.status >= 400) {
      const body = JSON.parse(got.body) as { error?: Record<string, unknown> };
      expect(body.error, where).toBeDefined();
      expect(typeof body.error!.code, where).toBe('string');
      expect(typeof body.error!.message, where).toBe('string');
      expect(typeof body.error!.requestId, where).toBe('string');
    }
    if (type !== 'application/json') return;
    const schema = answer.content[type]?.schema;
    if (!schema) return;
    const validate = this.validator(`${op.method} ${op.path} ${got.status}`, schema);
    const ok = validate(JSON.parse(got.body));
    expect(
      ok,
      `body does not match the declared schema (${this.ajv.errorsText(validate.errors)}): ${where}`,
    ).toBe(true);
  }

  private validator(key: string, schema: JsonSchema) {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile({ ...schema, components: this.spec.components });
      this.validators.set(key, validate);
    }
    return validate;
  }

  /** Statuses seen per operation, to tell how deep the runs got (WAPING_FUZZ_STATS=1 prints them). */
  readonly seen = new Map<string, Map<number, number>>();

  /** Runs the property for one operation. */
  async run(op: Operation, streamPort?: number): Promise<void> {
    const counts = new Map<number, number>();
    this.seen.set(`${op.method} ${op.path}`, counts);
    await fc.assert(
      fc.asyncProperty(this.request(op), async (sent) => {
        const got = await this.send(op, sent, streamPort);
        counts.set(got.status, (counts.get(got.status) ?? 0) + 1);
        this.check(op, sent, got);
      }),
      { seed: FUZZ_SEED, numRuns: FUZZ_RUNS, endOnFailure: true },
    );
  }
}

/**
 * Sends on a connection of its own (a stream never ends, so a pooled connection reused behind it
 * would wait forever), reads the head, and the body unless the answer is a stream, then hangs up.
 */
function sendToStream(port: number, sent: Sent): Promise<Received> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: sent.method, path: sent.url, headers: sent.headers, agent: false },
      (res) => {
        const contentType = String(res.headers['content-type'] ?? '');
        if (contentType.startsWith('text/event-stream')) {
          res.destroy();
          resolve({ status: res.statusCode ?? 0, contentType, body: '' });
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, contentType, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(sent.body);
  });
}
