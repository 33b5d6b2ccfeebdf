import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { otherWorkspace } from '../helpers/app.js';
import { fuzzWorld, type FuzzWorld } from './fuzz/fixture.js';
import { FUZZ_SEED, poolFor, type Operation } from './fuzz/harness.js';

// Two workspaces: every route of /openapi.json that takes an id answers 404 to the other
// workspace's ids, whatever the method, and no list shows them. New routes are covered as
// soon as the document lists them.
let world: FuzzWorld;
let otherKey: string;

beforeAll(async () => {
  world = await fuzzWorld();
  otherKey = (await otherWorkspace(world.t)).apiKey;
}, 60_000);
afterAll(async () => {
  await world?.close();
});

const ID_PARAM = /\^([a-z]+)_/;
const takesId = (op: Operation) =>
  (op.parameters ?? []).some((p) => p.in === 'path' && ID_PARAM.test(String(p.schema?.pattern ?? '')));

/** Bodies the schema accepts, a few, in a fixed order: the first the server does not refuse as invalid is used. */
function bodies(op: Operation): Array<string | undefined> {
  const schema = op.requestBody?.content?.['application/json']?.schema;
  if (!schema) return [undefined];
  return fc
    .sample(world.fuzzer.arbitraries.valid(schema), { seed: FUZZ_SEED, numRuns: 30 })
    .map((b) => JSON.stringify(b));
}

async function asOther(op: Operation): Promise<{ status: number; url: string; text: string }> {
  let url = op.path;
  for (const p of (op.parameters ?? []).filter((q) => q.in === 'path')) {
    const own = poolFor(world.pools, p)[0];
    expect(own, `no id of the first workspace for ${p.name} in ${op.path}`).toBeDefined();
    url = url.replace(`{${p.name}}`, encodeURIComponent(own!));
  }
  let last = { status: 0, url, text: '' };
  for (const body of bodies(op)) {
    const res = await world.t.app.inject({
      method: op.method as 'GET',
      url,
      headers: {
        authorization: `Bearer ${otherKey}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { payload: body } : {}),
    });
    last = { status: res.statusCode, url, text: res.body };
    if (res.statusCode !== 400) break;
  }
  return last;
}

describe('two workspaces', () => {
  it("every route that takes an id answers 404 to the other workspace's ids", async () => {
    const withIds = world.operations.filter(takesId);
    expect(withIds.length).toBeGreaterThan(30);
    for (const op of withIds) {
      const got = await asOther(op);
      expect(got.status, `${op.method} ${got.url} → ${got.status} ${got.text.slice(0, 200)}`).toBe(404);
      expect(JSON.parse(got.text).error.code).toBe('NOT_FOUND');
    }
  });

  it("no list shows the other workspace's resources", async () => {
    const ids = Object.entries(world.pools)
      .filter(([name]) => !['phone', 'presetId'].includes(name))
      .flatMap(([, values]) => values);
    const lists = world.operations.filter(
      (op) =>
        op.method === 'GET' && !op.path.includes('{') && !op.responses['200']?.content?.['text/event-stream'],
    );
    expect(lists.length).toBeGreaterThan(8);
    for (const op of lists) {
      const res = await world.t.app.inject({
        method: 'GET',
        url: op.path,
        headers: { authorization: `Bearer ${otherKey}` },
      });
      expect(res.statusCode, op.path).toBeLessThan(500);
      for (const id of ids) expect(res.body.includes(id), `${op.path} shows ${id}`).toBe(false);
    }
  });

  it("the first workspace's resources are all still there", async () => {
    for (const [path, id] of [
      ['/v1/devices', world.pools.dev![0]],
      ['/v1/messages', world.pools.msg![0]],
      ['/v1/templates', world.pools.tpl![0]],
      ['/v1/webhooks', world.pools.whk![0]],
      ['/v1/verifications', world.pools.ver![0]],
      ['/v1/auto-replies', world.pools.rule![0]],
    ] as const) {
      const res = await world.t.request({ method: 'GET', url: `${path}/${id}` });
      expect(res.statusCode, `${path}/${id}`).toBe(200);
    }
  });
});
