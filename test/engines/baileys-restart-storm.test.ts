/**
 * A server that answers every login with `stream:error 515` must not get a login storm: one
 * immediate restart after a new pairing (or after an open), then the ordinary backoff. Asserted on
 * the schedule the engine reports (`retryInMs` of `disconnected`), not on wall time.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DisconnectReason } from 'baileys';
import { advance, startEngine } from './baileys/fake-socket.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

const RESTART = DisconnectReason.restartRequired;

describe('baileys engine: restart required (515)', () => {
  it('restarts at once after a new pairing, then backs off when every login gets 515', async () => {
    const { engine, last, sockets, rec } = await startEngine({
      backoff: { baseMs: 1_000, capMs: 8_000, random: () => 0.5 },
    });
    last().qr();
    last().emit('connection.update', { isNewLogin: true, qr: undefined });
    for (let i = 0; i < 5; i += 1) {
      last().closeWith(RESTART, 'Stream Errored (restart required)');
      await advance(10_000);
    }
    expect(sockets).toHaveLength(6);
    const schedule = rec.of('disconnected').map((d) => [d.statusCode, d.retryInMs]);
    expect(schedule).toEqual([
      [515, 0],
      [515, 750],
      [515, 1_500],
      [515, 3_000],
      [515, 6_000],
    ]);
    expect(rec.of('disconnected').every((d) => d.willReconnect)).toBe(true);
    await engine.stop();
  });

  it('the first 515 after an open restarts at once; an open grants the next one again', async () => {
    const { engine, last, rec } = await startEngine({ backoff: { baseMs: 1_000, random: () => 0.5 } });
    last().open();
    last().closeWith(RESTART);
    await advance(0);
    last().closeWith(RESTART);
    await advance(1_000);
    last().open();
    last().closeWith(RESTART);
    await advance(0);
    expect(rec.of('disconnected').map((d) => d.retryInMs)).toEqual([0, 750, 0]);
    await engine.stop();
  });

  it('a resumed session that gets 515 before ever opening backs off', async () => {
    const { engine, last, sockets, rec } = await startEngine({
      backoff: { baseMs: 1_000, random: () => 0.5 },
    });
    last().closeWith(RESTART);
    await advance(749);
    expect(sockets).toHaveLength(1);
    await advance(1);
    expect(sockets).toHaveLength(2);
    expect(rec.of('disconnected').map((d) => d.retryInMs)).toEqual([750]);
    await engine.stop();
  });
});
