/**
 * The WhatsApp Web version the engine announces: the last one that worked is kept durably (one
 * for the whole installation), so a restart does not cost every device a refused (405) login
 * first; an operator can pin one; looking a version up never blocks a connect.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONNECTION_CONFIG, type WAVersion } from 'baileys';
import { BaileysEngine } from '../../src/engines/baileys/engine.js';
import { lookupLatestVersion, WA_VERSION_KEY } from '../../src/engines/baileys/wa-version.js';
import { advance, harness, record } from './baileys/fake-socket.js';
import { MemorySharedStore } from './baileys/memory-shared-store.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

const BUNDLED = DEFAULT_CONNECTION_CONFIG.version;
const NEWER: WAVersion = [2, 3000, BUNDLED[2] + 1_000];
const NEWEST: WAVersion = [2, 3000, BUNDLED[2] + 2_000];
const OLDER: WAVersion = [2, 3000, BUNDLED[2] - 1_000];

/** An engine on fake sockets using `shared` as the installation-wide store. */
async function engineOn(shared: MemorySharedStore, options: Parameters<typeof harness>[0] = {}) {
  const h = harness({ backoff: { random: () => 0.5 }, ...options });
  const engine = new BaileysEngine({ ...h.ctx, shared }, h.options);
  const rec = record(engine);
  await engine.start();
  return { ...h, engine, rec };
}

const found = (version: WAVersion) => vi.fn(async () => ({ version, isLatest: true }));

describe('baileys engine: WhatsApp Web version', () => {
  it('keeps the version that worked after a 405, so the next start announces it at once', async () => {
    const shared = new MemorySharedStore();
    const fetchVersion = found(NEWER);
    const first = await engineOn(shared, { fetchVersion });
    expect(first.last().config.version).toBeUndefined();
    first.last().closeWith(405);
    await advance(1_000);
    expect(first.last().config.version).toEqual(NEWER);
    // Not kept before it worked.
    expect(shared.data.get(WA_VERSION_KEY)).toBeUndefined();
    first.last().open();
    await advance(0);
    expect(shared.data.get(WA_VERSION_KEY)).toBe(NEWER.join('.'));
    await first.engine.stop();

    const restarted = await engineOn(shared, { fetchVersion });
    expect(restarted.sockets[0]!.config.version).toEqual(NEWER);
    restarted.last().open();
    await advance(0);
    expect(fetchVersion).toHaveBeenCalledTimes(1);
    expect(shared.writes).toBe(1);
    await restarted.engine.stop();
  });

  it('after a 405, takes a newer version another device already found instead of looking one up', async () => {
    const shared = new MemorySharedStore();
    const fetchVersion = found(NEWEST);
    const { engine, last } = await engineOn(shared, { fetchVersion });
    await shared.write(WA_VERSION_KEY, NEWER.join('.'));
    last().closeWith(405);
    await advance(1_000);
    expect(last().config.version).toEqual(NEWER);
    expect(fetchVersion).not.toHaveBeenCalled();
    // That one is refused too: now it is looked up.
    last().closeWith(405);
    await advance(2_000);
    expect(fetchVersion).toHaveBeenCalledTimes(1);
    expect(last().config.version).toEqual(NEWEST);
    await engine.stop();
  });

  it('a device still on an older accepted version does not replace a newer one kept by another', async () => {
    const shared = new MemorySharedStore();
    const { engine, last } = await engineOn(shared);
    await shared.write(WA_VERSION_KEY, NEWER.join('.'));
    last().open();
    await advance(0);
    expect(shared.data.get(WA_VERSION_KEY)).toBe(NEWER.join('.'));
    await engine.stop();
  });

  it('prefers the bundled version over a stored one that is older (after an upgrade)', async () => {
    const shared = new MemorySharedStore();
    await shared.write(WA_VERSION_KEY, OLDER.join('.'));
    const { engine, last } = await engineOn(shared);
    expect(last().config.version).toBeUndefined();
    await engine.stop();
  });

  it('a pinned version is always announced, never looked up on 405, never stored', async () => {
    const shared = new MemorySharedStore();
    await shared.write(WA_VERSION_KEY, NEWEST.join('.'));
    const fetchVersion = found(NEWEST);
    const { engine, last, sockets, rec } = await engineOn(shared, { fetchVersion, version: OLDER });
    expect(last().config.version).toEqual(OLDER);
    last().closeWith(405);
    await advance(1_000);
    expect(sockets).toHaveLength(2);
    expect(last().config.version).toEqual(OLDER);
    expect(rec.of('disconnected')[0]).toMatchObject({ statusCode: 405, willReconnect: true });
    last().open();
    await advance(0);
    expect(fetchVersion).not.toHaveBeenCalled();
    expect(shared.data.get(WA_VERSION_KEY)).toBe(NEWEST.join('.'));
    await engine.stop();
  });

  it('offline (store unreadable, lookup failing) still connects, with the bundled version', async () => {
    const shared = new MemorySharedStore();
    shared.failReads = true;
    const fetchVersion = vi.fn(async () => {
      throw new Error('getaddrinfo ENOTFOUND web.whatsapp.com');
    });
    const { engine, last, sockets } = await engineOn(shared, { fetchVersion });
    expect(sockets).toHaveLength(1);
    expect(last().config.version).toBeUndefined();
    last().closeWith(405);
    await advance(1_000);
    expect(sockets).toHaveLength(2);
    expect(last().config.version).toBeUndefined();
    await engine.stop();
  });
});

describe('looking up the current WhatsApp Web version', () => {
  const ok = (version: WAVersion) => async () => ({ version, isLatest: true });
  const failing = async () => ({ version: BUNDLED, isLatest: false, error: new Error('offline') });

  it("asks WhatsApp Web's own service worker first", async () => {
    const fromBaileys = vi.fn(ok(NEWER));
    expect(await lookupLatestVersion(ok(NEWEST), fromBaileys)).toEqual({ version: NEWEST, isLatest: true });
    expect(fromBaileys).not.toHaveBeenCalled();
  });

  it("falls back to Baileys' repository, and says so when both fail", async () => {
    expect(await lookupLatestVersion(failing, ok(NEWER))).toEqual({ version: NEWER, isLatest: true });
    expect(await lookupLatestVersion(failing, failing)).toMatchObject({ isLatest: false });
  });
});
