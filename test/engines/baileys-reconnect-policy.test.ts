import { describe, it, expect } from 'vitest';
import { DisconnectReason } from 'baileys';
import {
  backoffSchedule,
  decideReconnect,
  DEFAULT_BACKOFF,
  STALE_VERSION_STATUS,
} from '../../src/engines/baileys/reconnect-policy.js';

const almostOne = () => 0.999_999;
/** The state after `attempt` failures, with no immediate restart left. */
const at = (attempt: number) => ({ attempt, restartGranted: false });

describe('baileys reconnect policy', () => {
  it('grows the ordinary backoff exponentially from ~1 s up to a 5 min cap', () => {
    const schedule = backoffSchedule(12);
    expect(schedule.slice(0, 4)).toEqual([1_000, 2_000, 4_000, 8_000]);
    for (let i = 1; i < schedule.length; i += 1)
      expect(schedule[i]!).toBeGreaterThanOrEqual(schedule[i - 1]!);
    expect(Math.max(...schedule)).toBe(5 * 60_000);
    expect(backoffSchedule(1_000).at(-1)).toBe(5 * 60_000);
  });

  it('uses equal jitter: between half the ceiling and the ceiling, so waits never shrink', () => {
    const low = decideReconnect(DisconnectReason.connectionClosed, at(3), DEFAULT_BACKOFF, () => 0);
    const high = decideReconnect(DisconnectReason.connectionClosed, at(3), DEFAULT_BACKOFF, almostOne);
    expect(low).toMatchObject({ action: 'reconnect', delayMs: 4_000, countsAsFailure: true });
    expect(high).toMatchObject({ action: 'reconnect', delayMs: 7_999 });
    const nextLow = decideReconnect(DisconnectReason.connectionClosed, at(4), DEFAULT_BACKOFF, () => 0);
    expect(nextLow.action === 'reconnect' && nextLow.delayMs).toBeGreaterThanOrEqual(7_999);
  });

  it('reconnects at once on restartRequired when granted, without counting a failure', () => {
    expect(decideReconnect(DisconnectReason.restartRequired, { attempt: 7, restartGranted: true })).toEqual({
      action: 'reconnect',
      delayMs: 0,
      countsAsFailure: false,
      refreshVersion: false,
    });
  });

  it('backs off on a restartRequired that was not granted, counting a failure', () => {
    expect(decideReconnect(DisconnectReason.restartRequired, at(2), DEFAULT_BACKOFF, () => 0)).toEqual({
      action: 'reconnect',
      delayMs: 2_000,
      countsAsFailure: true,
      refreshVersion: false,
    });
  });

  it('treats 401 and 403 as logged out, 500 (Baileys’ catch-all) as transient', () => {
    expect(decideReconnect(DisconnectReason.loggedOut, at(0))).toEqual({ action: 'logged_out' });
    expect(decideReconnect(DisconnectReason.forbidden, at(0))).toEqual({ action: 'logged_out' });
    expect(decideReconnect(DisconnectReason.badSession, at(0))).toMatchObject({ action: 'reconnect' });
  });

  it('stays away for minutes, growing, when another client took the session (440)', () => {
    const delays = [0, 1, 2, 3, 4].map((attempt) => {
      const d = decideReconnect(DisconnectReason.connectionReplaced, at(attempt));
      return d.action === 'reconnect' ? d.delayMs : -1;
    });
    expect(delays).toEqual([5, 10, 20, 40, 60].map((m) => m * 60_000));
  });

  it('asks for a version refresh on 405 and 411', () => {
    expect(decideReconnect(STALE_VERSION_STATUS, at(0))).toMatchObject({ refreshVersion: true });
    expect(decideReconnect(DisconnectReason.multideviceMismatch, at(0))).toMatchObject({
      refreshVersion: true,
    });
    expect(decideReconnect(DisconnectReason.timedOut, at(0))).toMatchObject({ refreshVersion: false });
    expect(decideReconnect(undefined, at(0))).toMatchObject({ action: 'reconnect', refreshVersion: false });
  });
});
