import type { Logger } from 'pino';
import type { BaileysSocket } from './socket-config.js';

/**
 * Typing bursts in progress per socket. Presence belongs to the account, not to a chat: the
 * account may only go back offline once the last burst on it has ended. A WeakMap so a socket
 * that is gone takes its count with it.
 */
const activeBursts = new WeakMap<BaileysSocket, number>();

/**
 * Shows "typing…" before a send: "available", then "typing…" for about `ms`, then "paused", and
 * finally "unavailable" again. A number that answers instantly every time looks automated, and
 * automated-looking numbers get banned; an account left "available" mutes the owner's phone
 * notifications (WhatsApp only pushes to the phone while no companion is online), so the burst
 * always ends offline unless another burst on the same account is still typing.
 * Failures are only logged: presence is cosmetic and must never block a send.
 */
export async function typeBriefly(sock: BaileysSocket, jid: string, ms: number, log: Logger): Promise<void> {
  const update = sock.sendPresenceUpdate?.bind(sock);
  if (!update) return;
  activeBursts.set(sock, (activeBursts.get(sock) ?? 0) + 1);
  try {
    await update('available');
    await update('composing', jid);
    await new Promise((resolve) => setTimeout(resolve, ms));
    await update('paused', jid);
  } catch (err) {
    log.debug({ err }, 'presence update failed');
  } finally {
    const left = (activeBursts.get(sock) ?? 1) - 1;
    activeBursts.set(sock, left);
    if (left === 0) {
      await update('unavailable').catch((err: unknown) => log.debug({ err }, 'presence update failed'));
    }
  }
}
