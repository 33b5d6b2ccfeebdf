import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageIterator, ValidationError, type WAPing } from '@waping/sdk';
import { openDatabase } from '../../src/db/database.js';
import { makeMessage } from '../helpers/factories.js';
import { linkSandboxDevice, startSdkServer, type SdkServer } from './server.js';

const COUNT = 1000;
let s: SdkServer;
let waping: WAPing;
const sent: string[] = [];

beforeAll(async () => {
  s = await startSdkServer();
  waping = s.client();
  // The log as it stands after a busy day: rows written straight into the server's database (this
  // file is about reading the log page by page), plus the newest one sent through the SDK.
  const handle = openDatabase({
    dataDir: s.db.dataDir,
    ...(s.db.databaseUrl ? { databaseUrl: s.db.databaseUrl } : {}),
  });
  try {
    const workspace = await handle.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
    const start = Date.now() - 3_600_000;
    await handle.db.transaction().execute(async (trx) => {
      for (let i = 0; i < COUNT - 1; i++) {
        const row = await makeMessage(trx, {
          workspace_id: workspace.id,
          phone: `+1555030${String(i).padStart(4, '0')}`,
          body: `n${i}`,
          status: 'read',
          created_at: new Date(start + i * 1000).toISOString(),
        });
        sent.push(row.id);
      }
    });
  } finally {
    await handle.destroy();
  }
  await linkSandboxDevice(waping);
  sent.push((await waping.messages.send({ to: '+15550309999', type: 'text', text: { body: 'newest' } })).id);
});
afterAll(async () => {
  await s?.close();
});

describe('keyset pagination as async iterators', () => {
  it(`for await walks all ${COUNT} messages once each, newest first`, async () => {
    const seen: { id: string; createdAt: string }[] = [];
    for await (const message of waping.messages.list({ limit: 100 })) seen.push(message);
    expect(seen).toHaveLength(COUNT);
    expect(new Set(seen.map((m) => m.id))).toEqual(new Set(sent));
    const order = seen.map((m) => m.createdAt);
    expect([...order].sort().reverse()).toEqual(order);
  });

  it('pages() yields pages of the asked size and stops at the last one', async () => {
    const sizes: number[] = [];
    const last: (string | null)[] = [];
    for await (const page of waping.messages.list({ limit: 64 }).pages()) {
      sizes.push(page.data.length);
      last.push(page.nextCursor);
    }
    expect(sizes).toEqual([...Array(15).fill(64), COUNT - 15 * 64]);
    expect(last.at(-1)).toBeNull();
    expect(last.slice(0, -1).every((c) => typeof c === 'string')).toBe(true);
  });

  it('a filter holds across pages, and iteration can start from a cursor', async () => {
    const list = waping.messages.list({ limit: 7, direction: 'out' });
    expect(list).toBeInstanceOf(PageIterator);
    const first = await list.page();
    expect(first.data).toHaveLength(7);
    const rest = await waping.messages.list({ limit: 50, cursor: first.nextCursor! }).toArray();
    expect(rest).toHaveLength(COUNT - 7);
    expect(rest.every((m) => m.direction === 'out')).toBe(true);
    expect(new Set([...first.data, ...rest].map((m) => m.id)).size).toBe(COUNT);
    expect((await waping.messages.list({ to: '+15550300007' }).toArray()).map((m) => m.body)).toEqual(['n7']);
    expect((await waping.messages.list({ limit: 1 }).page()).data[0]!.body).toBe('newest');
  });

  it('toArray(max) stops fetching once it has enough', async () => {
    expect(await waping.messages.list({ limit: 10 }).toArray(25)).toHaveLength(25);
  });

  it('a cursor that did not come from the API is a ValidationError naming the field', async () => {
    const error = await waping.messages
      .list({ cursor: 'not-a-cursor' })
      .page()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details.map((d) => d.field)).toContain('querystring.cursor');
    expect((error as ValidationError).requestId).toMatch(/^req_/);
  });
});
