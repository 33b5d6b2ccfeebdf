import { describe, it, expect } from 'vitest';
import { BufferJSON, initAuthCreds, proto } from 'baileys';
import {
  CREDS_CATEGORY,
  CREDS_ID,
  loadAuthState,
  SIGNAL_KEY_TYPES,
} from '../../src/engines/baileys/auth-state.js';
import { MemoryStateStore } from './baileys/memory-store.js';
import { bytes, sampleKeys } from './baileys/sample-keys.js';

describe('baileys auth state on EngineStateStore', () => {
  it('starts with fresh creds and round-trips them, Buffers included', async () => {
    const store = new MemoryStateStore();
    const first = await loadAuthState(store);
    expect(first.state.creds.registered).toBe(false);
    first.state.creds.me = { id: '15551234567:3@s.whatsapp.net', name: 'Acme' };
    first.state.creds.routingInfo = bytes(10, 11);
    await first.saveCreds();

    const raw = await store.read(CREDS_CATEGORY, CREDS_ID);
    expect(raw).toBeTypeOf('string');
    const second = await loadAuthState(store);
    expect(second.state.creds.me).toEqual({ id: '15551234567:3@s.whatsapp.net', name: 'Acme' });
    expect(Buffer.isBuffer(second.state.creds.routingInfo)).toBe(true);
    expect(second.state.creds.routingInfo).toEqual(bytes(10, 11));
    expect(Buffer.from(second.state.creds.noiseKey.private)).toEqual(
      Buffer.from(first.state.creds.noiseKey.private),
    );
    expect(second.state.creds.signedPreKey.keyId).toBe(first.state.creds.signedPreKey.keyId);
  });

  it('keeps creds writes in call order', async () => {
    const store = new MemoryStateStore();
    const { state, saveCreds } = await loadAuthState(store);
    state.creds.nextPreKeyId = 10;
    const a = saveCreds();
    state.creds.nextPreKeyId = 11;
    const b = saveCreds();
    await Promise.all([a, b]);
    const reloaded = await loadAuthState(store);
    expect(reloaded.state.creds.nextPreKeyId).toBe(11);
  });

  it('round-trips every key type, each under its own category', async () => {
    const store = new MemoryStateStore();
    const { state } = await loadAuthState(store);
    const data = sampleKeys();
    expect(Object.keys(data).sort()).toEqual([...SIGNAL_KEY_TYPES].sort());
    await state.keys.set(data);
    expect(store.categories()).toEqual(new Set(SIGNAL_KEY_TYPES));

    const reloaded = (await loadAuthState(store)).state.keys;
    for (const type of SIGNAL_KEY_TYPES) {
      const expected = data[type]!;
      const got = await reloaded.get(type, Object.keys(expected));
      // Compare through the same JSON form: Uint8Arrays come back as Buffers, protobufs as messages.
      expect(JSON.stringify(got, BufferJSON.replacer)).toEqual(JSON.stringify(expected, BufferJSON.replacer));
    }
  });

  it('revives app-state-sync-key as a protobuf message', async () => {
    const store = new MemoryStateStore();
    const { state } = await loadAuthState(store);
    await state.keys.set({ 'app-state-sync-key': sampleKeys()['app-state-sync-key'] });
    const got = await state.keys.get('app-state-sync-key', ['AAAAAHQV']);
    const key = got['AAAAAHQV']!;
    expect(key).toBeInstanceOf(proto.Message.AppStateSyncKeyData);
    expect(Buffer.from(key.keyData!)).toEqual(bytes(32, 5));
    expect(key.fingerprint?.rawId).toBe(7);
  });

  it('writes one keys.set call through one atomic write, deletes included', async () => {
    const store = new MemoryStateStore();
    const { state } = await loadAuthState(store);
    await state.keys.set(sampleKeys());
    expect(store.writes).toHaveLength(1);
    expect(store.writes[0]).toHaveLength(11);

    await state.keys.set({ 'pre-key': { '1': null, '2': { public: bytes(32, 1), private: bytes(32, 2) } } });
    expect(store.writes).toHaveLength(2);
    expect(store.writes[1]).toEqual([
      { category: 'pre-key', id: '1', value: null },
      expect.objectContaining({ category: 'pre-key', id: '2' }),
    ]);
    const got = await state.keys.get('pre-key', ['1', '2']);
    expect(got['1']).toBeNull();
    expect(got['2']?.public).toEqual(bytes(32, 1));
  });

  it('answers missing ids with null and writes nothing for an empty set', async () => {
    const store = new MemoryStateStore();
    const { state } = await loadAuthState(store);
    expect(await state.keys.get('session', ['nobody.0'])).toEqual({ 'nobody.0': null });
    await state.keys.set({});
    expect(store.writes).toHaveLength(0);
  });

  it('reads creds written by Baileys-shaped JSON', async () => {
    const store = new MemoryStateStore();
    const creds = initAuthCreds();
    await store.write([{ category: 'creds', id: 'me', value: JSON.stringify(creds, BufferJSON.replacer) }]);
    const { state } = await loadAuthState(store);
    expect(state.creds.advSecretKey).toBe(creds.advSecretKey);
    expect(state.creds.registrationId).toBe(creds.registrationId);
  });
});
