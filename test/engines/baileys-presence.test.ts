/**
 * The "typing…" shown before a paced send must leave the account offline again: an account left
 * `available` silences the owner's phone notifications until the next reconnect.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { advance, startEngine } from './baileys/fake-socket.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

const JID = '15557654321@s.whatsapp.net';
const OTHER = '15550001111@s.whatsapp.net';

/** The presence updates a socket sent, as `type` or `type:jid`. */
const presences = (calls: unknown[][]) =>
  calls.map(([type, jid]) => (jid ? `${String(type)}:${String(jid)}` : String(type)));

describe('baileys engine: typing presence', () => {
  it('types, pauses, then goes unavailable again', async () => {
    const { engine, last } = await startEngine();
    last().open();
    const typing = engine.showTyping(JID, 800);
    await advance(800);
    await typing;
    expect(presences(last().sendPresenceUpdate.mock.calls)).toEqual([
      'available',
      `composing:${JID}`,
      `paused:${JID}`,
      'unavailable',
    ]);
    await engine.stop();
  });

  it('stays available while another typing burst on the same account is still running', async () => {
    const { engine, last } = await startEngine();
    last().open();
    const first = engine.showTyping(JID, 500);
    const second = engine.showTyping(OTHER, 1_500);
    await advance(500);
    await first;
    // The first burst is over but the second still types: going offline now would cut it short.
    expect(presences(last().sendPresenceUpdate.mock.calls)).not.toContain('unavailable');
    await advance(1_000);
    await second;
    const sent = presences(last().sendPresenceUpdate.mock.calls);
    expect(sent.filter((p) => p === 'unavailable')).toHaveLength(1);
    expect(sent.at(-1)).toBe('unavailable');
    expect(sent.indexOf(`paused:${OTHER}`)).toBeLessThan(sent.indexOf('unavailable'));
    await engine.stop();
  });

  it('goes unavailable even when a typing update fails, and never throws', async () => {
    const { engine, last } = await startEngine();
    last().open();
    last().sendPresenceUpdate.mockImplementation(async (type) => {
      if (type === 'composing') throw new Error('Connection Closed');
    });
    const typing = engine.showTyping(JID, 500);
    await advance(500);
    await expect(typing).resolves.toBeUndefined();
    expect(presences(last().sendPresenceUpdate.mock.calls).at(-1)).toBe('unavailable');
    await engine.stop();
  });

  it('types from the inbox composer until told to stop, then pauses and goes unavailable', async () => {
    const { engine, last } = await startEngine();
    last().open();
    await engine.setTyping!('+15557654321', true);
    await engine.setTyping!('+15557654321', true);
    expect(presences(last().sendPresenceUpdate.mock.calls)).toEqual([
      'available',
      `composing:${JID}`,
      `composing:${JID}`,
    ]);
    await engine.setTyping!('+15557654321', false);
    expect(presences(last().sendPresenceUpdate.mock.calls).slice(-2)).toEqual([
      `paused:${JID}`,
      'unavailable',
    ]);
    await engine.stop();
  });

  it('takes "typing…" away by itself when no stop comes (a closed tab)', async () => {
    const { engine, last } = await startEngine();
    last().open();
    await engine.setTyping!('+15557654321', true);
    await advance(10_000);
    expect(presences(last().sendPresenceUpdate.mock.calls).slice(-2)).toEqual([
      `paused:${JID}`,
      'unavailable',
    ]);
    await engine.stop();
  });

  it('keeps the account available while a paced send types, whatever ends first', async () => {
    const { engine, last } = await startEngine();
    last().open();
    await engine.setTyping!('+15550001111', true);
    const burst = engine.showTyping(JID, 500);
    await engine.setTyping!('+15550001111', false);
    expect(presences(last().sendPresenceUpdate.mock.calls)).not.toContain('unavailable');
    await advance(500);
    await burst;
    expect(presences(last().sendPresenceUpdate.mock.calls).at(-1)).toBe('unavailable');
    await engine.stop();
  });
});
