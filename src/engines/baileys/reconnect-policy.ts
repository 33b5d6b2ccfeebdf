/**
 * What to do when a Baileys socket closes, by the status code on `lastDisconnect.error`
 * (DESIGN.md §6). Pure, so the schedule can be tested without sockets or clocks.
 *
 * Codes as Baileys 7.0.0-rc14 produces them (lib/Socket/socket.js, lib/Utils/generics.js):
 * - 515 restartRequired: sent right after a QR/pairing-code link succeeds; the new creds only
 *   take effect on a fresh socket, so reconnect at once. Only once, though: a new pairing or an
 *   open connection grants one immediate restart; a further 515 before the next open takes the
 *   ordinary backoff and counts as a failure. A server that answers every login with 515 would
 *   otherwise get a login storm (about a hundred logins in six seconds).
 * - 401 loggedOut (`<failure reason=401>`, or our own `sock.logout()`), 403 forbidden: the phone
 *   removed this companion or the account is barred. Retrying cannot succeed; wipe and relink.
 * - 440 connectionReplaced (`<stream:error><conflict/>`): another client opened this session.
 *   Reconnecting fast would just kick it off and be kicked back, so wait minutes.
 * - 405 (`<failure reason=405>`, an outdated client version) and 411 multideviceMismatch
 *   (`downgrade_webclient`): refresh the WhatsApp Web version, then back off.
 * - 500 badSession is NOT treated as logged out: it is Baileys' fallback code for a stream error
 *   without a known reason, a `<failure>` without a reason and any WebSocket error it cannot
 *   classify (getCodeFromWSError). Wiping on it would unlink healthy devices after a network blip;
 *   a session the server really rejects ends with 401.
 * - everything else (408 timed out / lost, 428 closed, 503, unknown): exponential backoff.
 */
import { DisconnectReason } from 'baileys';

/** The 405 WhatsApp answers an outdated client version with; not part of Baileys' enum. */
export const STALE_VERSION_STATUS = 405;

export interface BackoffOptions {
  /** First ceiling of the ordinary backoff. */
  baseMs: number;
  /** Largest ceiling of the ordinary backoff. */
  capMs: number;
  /** First wait after the session was taken over by another client (440). */
  replacedBaseMs: number;
  /** Largest wait after a takeover. */
  replacedCapMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = {
  baseMs: 1_000,
  capMs: 5 * 60_000,
  replacedBaseMs: 5 * 60_000,
  replacedCapMs: 60 * 60_000,
};

export type ReconnectDecision =
  | { action: 'logged_out' }
  | {
      action: 'reconnect';
      delayMs: number;
      /** Whether this close counts as a failed attempt (grows the next backoff). */
      countsAsFailure: boolean;
      /** Fetch the current WhatsApp Web version before reconnecting. */
      refreshVersion: boolean;
    };

/** Upper bound of the wait before retry number `attempt` (0-based): base · 2^attempt, capped. */
export function backoffCeilingMs(attempt: number, baseMs: number, capMs: number): number {
  // Exponent clamped so a long outage cannot overflow to Infinity before the cap applies.
  return Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
}

/** The ordinary backoff ceilings for the first `attempts` retries, for tests and docs. */
export function backoffSchedule(attempts: number, options: BackoffOptions = DEFAULT_BACKOFF): number[] {
  return Array.from({ length: attempts }, (_, attempt) =>
    backoffCeilingMs(attempt, options.baseMs, options.capMs),
  );
}

export interface ReconnectState {
  /** Consecutive failed attempts since the last successful open (0 for the first). */
  attempt: number;
  /** Whether a 515 may still restart at once (granted by a new pairing or an open, used by one 515). */
  restartGranted: boolean;
}

/** @param random source of jitter in [0, 1); injectable for deterministic tests. */
export function decideReconnect(
  statusCode: number | undefined,
  { attempt, restartGranted }: ReconnectState,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): ReconnectDecision {
  if (statusCode === DisconnectReason.restartRequired && restartGranted) {
    return { action: 'reconnect', delayMs: 0, countsAsFailure: false, refreshVersion: false };
  }
  switch (statusCode) {
    case DisconnectReason.loggedOut:
    case DisconnectReason.forbidden:
      return { action: 'logged_out' };
    case DisconnectReason.connectionReplaced:
      // No jitter: the point is to stay away long enough for the other client to finish.
      return {
        action: 'reconnect',
        delayMs: backoffCeilingMs(attempt, options.replacedBaseMs, options.replacedCapMs),
        countsAsFailure: true,
        refreshVersion: false,
      };
    // A 515 without a granted restart (see above) falls through to the ordinary backoff.
    default: {
      // Equal jitter: devices that dropped together do not return together, yet each wait is at
      // least the previous one's ceiling, so an operator watching the reason sees it grow.
      const ceiling = backoffCeilingMs(attempt, options.baseMs, options.capMs);
      const delayMs = Math.floor(ceiling / 2 + random() * (ceiling / 2));
      const staleVersion =
        statusCode === STALE_VERSION_STATUS || statusCode === DisconnectReason.multideviceMismatch;
      return { action: 'reconnect', delayMs, countsAsFailure: true, refreshVersion: staleVersion };
    }
  }
}
