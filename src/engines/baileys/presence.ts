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
    await endBurst(sock, update, log);
  }
}

type PresenceUpdate = NonNullable<BaileysSocket['sendPresenceUpdate']>;

/** One burst ended: the account goes back offline once no other burst on it is typing. */
async function endBurst(sock: BaileysSocket, update: PresenceUpdate, log: Logger): Promise<void> {
  const left = (activeBursts.get(sock) ?? 1) - 1;
  activeBursts.set(sock, left);
  if (left === 0) {
    await update('unavailable').catch((err: unknown) => log.debug({ err }, 'presence update failed'));
  }
}

/** How long "typing…" stays without a new update from the composer before it is taken away. */
export const COMPOSING_MAX_MS = 10_000;

/** Chats a member is typing in from the inbox, per socket, with the timer that ends each. */
const composing = new WeakMap<BaileysSocket, Map<string, NodeJS.Timeout>>();

/**
 * "typing…" while a member writes a reply in the inbox: the first update opens a burst
 * ("available", then "composing"), later ones only renew it, and a stop (or COMPOSING_MAX_MS
 * without an update: a closed tab sends no stop) ends it with "paused" and, as for a paced send,
 * "unavailable" once no other burst on the account is typing. Failures are only logged.
 */
export async function setComposing(
  sock: BaileysSocket,
  jid: string,
  typing: boolean,
  log: Logger,
): Promise<void> {
  const update = sock.sendPresenceUpdate?.bind(sock);
  if (!update) return;
  let chats = composing.get(sock);
  if (!chats) composing.set(sock, (chats = new Map()));
  const running = chats.get(jid);
  if (running) clearTimeout(running);
  if (typing) {
    const timer = setTimeout(() => void setComposing(sock, jid, false, log), COMPOSING_MAX_MS);
    timer.unref();
    chats.set(jid, timer);
    if (!running) activeBursts.set(sock, (activeBursts.get(sock) ?? 0) + 1);
    try {
      if (!running) await update('available');
      await update('composing', jid);
    } catch (err) {
      log.debug({ err }, 'presence update failed');
    }
    return;
  }
  if (!running) return;
  chats.delete(jid);
  try {
    await update('paused', jid);
  } catch (err) {
    log.debug({ err }, 'presence update failed');
  } finally {
    await endBurst(sock, update, log);
  }
}
