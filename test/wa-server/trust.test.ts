/**
 * The protocol test server's trust setup: a Baileys client gets through only when it trusts the
 * test CA (TLS, verified as always), so no test passes with verification off. The server's Noise
 * chain is signed by its own root, which clients are made to trust, although Baileys 7.0.0-rc14
 * does not actually check it (see below).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Curve, initAuthCreds, makeWASocket } from 'baileys';
import type { ConnectionState, UserFacingSocketConfig } from 'baileys';
import pino from 'pino';
import { startWaServer, type WaServer } from './server.js';
import { verifies } from './signatures.js';

let wa: WaServer;

beforeAll(async () => {
  wa = await startWaServer();
});
afterAll(async () => {
  await wa.close();
});

/** Opens an unmodified Baileys socket and resolves with its first QR or its close reason. */
function firstOutcome(extra: Partial<UserFacingSocketConfig>): Promise<{ qr?: string; error?: string }> {
  const store: Record<string, unknown> = {};
  const sock = makeWASocket({
    auth: {
      creds: initAuthCreds(),
      keys: {
        get: async () => ({}),
        set: async (data) => void Object.assign(store, data),
      },
    },
    waWebSocketUrl: wa.url,
    logger: pino({ level: 'silent' }),
    connectTimeoutMs: 10_000,
    ...extra,
  });
  return new Promise((resolve) => {
    sock.ev.on('connection.update', (update: Partial<ConnectionState>) => {
      if (update.qr) {
        resolve({ qr: update.qr });
        void sock.end(undefined);
      }
      if (update.connection === 'close') resolve({ error: String(update.lastDisconnect?.error) });
    });
  });
}

describe('protocol test server: trust', () => {
  it('a client that does not trust the test CA fails TLS verification', async () => {
    const restore = wa.installRootKey();
    try {
      const outcome = await firstOutcome({});
      expect(outcome.qr).toBeUndefined();
      expect(outcome.error).toMatch(/certificate/i);
    } finally {
      restore();
    }
  });

  it("Baileys 7.0.0-rc14 does not check Noise certificate signatures: a client on WhatsApp's root still gets through", async () => {
    // Curve.verify treats libsignal's boolean `false` as success. The server's chain is signed by
    // its own root anyway (and installRootKey makes the client expect it), so the suite stays right
    // when Baileys starts checking. Until then TLS is all that authenticates the server: this is why
    // WAPing must refuse ws://. When this starts failing, Baileys checks signatures: flip it.
    const agent = wa.agent();
    const outcome = await firstOutcome({ agent });
    agent.destroy();
    expect(outcome.error).toBeUndefined();
    expect(outcome.qr).toBeDefined();
    const keys = Curve.generateKeyPair();
    const forged = Curve.sign(Curve.generateKeyPair().private, Buffer.from('details'));
    expect(Curve.verify(keys.public, Buffer.from('details'), forged)).toBe(true);
    // The server's own checks use a verification that does reject it.
    expect(verifies(keys.public, Buffer.from('details'), forged)).toBe(false);
    expect(
      verifies(keys.public, Buffer.from('details'), Curve.sign(keys.private, Buffer.from('details'))),
    ).toBe(true);
  });

  it('a client that trusts both gets through the handshake to a QR', async () => {
    const restore = wa.installRootKey();
    const agent = wa.agent();
    try {
      const outcome = await firstOutcome({ agent });
      expect(outcome.qr).toMatch(/^https:\/\/wa\.me\/settings\/linked_devices#2@/);
    } finally {
      agent.destroy();
      restore();
    }
  });
});
