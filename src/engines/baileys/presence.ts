import type { Logger } from 'pino';
import type { BaileysSocket } from './socket-config.js';

/**
 * "available", then "typing…" for about `ms`, then "paused": a number that answers instantly every
 * time looks automated, and automated-looking numbers get banned. Failures are only logged:
 * presence is cosmetic and must never block a send.
 */
export async function typeBriefly(sock: BaileysSocket, jid: string, ms: number, log: Logger): Promise<void> {
  if (!sock.sendPresenceUpdate) return;
  try {
    await sock.sendPresenceUpdate('available');
    await sock.sendPresenceUpdate('composing', jid);
    await new Promise((resolve) => setTimeout(resolve, ms));
    await sock.sendPresenceUpdate('paused', jid);
  } catch (err) {
    log.debug({ err }, 'presence update failed');
  }
}
