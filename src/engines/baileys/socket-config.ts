/**
 * The Baileys socket configuration WAPing uses, and the narrow slice of the socket the engine
 * touches (so tests can hand in a fake with the same event shapes).
 */
import type { ClientRequest, IncomingMessage } from 'node:http';
import { release } from 'node:os';
import { isJidBroadcast, isJidGroup, isJidNewsletter, proto } from 'baileys';
import type {
  AuthenticationCreds,
  AuthenticationState,
  BinaryNode,
  BaileysEventEmitter,
  UserFacingSocketConfig,
  WASocket,
  WAVersion,
} from 'baileys';
import type { Logger } from 'pino';

/** What the engine uses of a Baileys socket. */
export interface BaileysSocket {
  /**
   * The WebSocket client. It re-emits ws' `unexpected-response` (an HTTP answer to the upgrade),
   * and every decoded stanza as `CB:<tag>` (the engine notes offline messages, see Session.offlineIds).
   */
  ws?: {
    on(event: 'unexpected-response', listener: (req: ClientRequest, res: IncomingMessage) => void): unknown;
    on(event: 'CB:message', listener: (stanza: BinaryNode) => void): unknown;
  };
  ev: Pick<BaileysEventEmitter, 'on'>;
  user: WASocket['user'];
  end: WASocket['end'];
  logout: WASocket['logout'];
  /** Asks the phone to upload an expired inbound file again (optional: test sockets lack it). */
  updateMediaMessage?: WASocket['updateMediaMessage'];
  requestPairingCode: WASocket['requestPairingCode'];
  sendMessage: WASocket['sendMessage'];
  onWhatsApp: WASocket['onWhatsApp'];
  sendPresenceUpdate?: WASocket['sendPresenceUpdate'];
  signalRepository: { lidMapping: Pick<WASocket['signalRepository']['lidMapping'], 'getPNForLID'> };
}

export type SocketFactory = (config: UserFacingSocketConfig) => BaileysSocket;

/**
 * Chats that are never a conversation with the line: groups, status updates and broadcast lists,
 * and channels. Baileys acknowledges their stanzas without decrypting them or storing their
 * sender keys. Person-to-person chats, by phone number or by LID (hosted ones included), and the
 * server itself (`s.whatsapp.net`, which Baileys never ignores anyway) stay.
 */
export const isIgnoredChat = (jid: string): boolean =>
  !!(isJidGroup(jid) || isJidBroadcast(jid) || isJidNewsletter(jid));

/** Baileys' QR lifetimes when `qrTimeout` is unset (lib/Socket/socket.js, pair-device handler). */
export const FIRST_QR_LIFETIME_MS = 60_000;
export const NEXT_QR_LIFETIME_MS = 20_000;

export interface SocketConfigInput {
  auth: AuthenticationState;
  browserName: string;
  log: Logger;
  getMessageText(waMessageId: string): Promise<string | undefined>;
  wsUrl?: string;
  connectTimeoutMs?: number;
  version?: WAVersion;
}

/**
 * Baileys logs every frame problem at info/warn; at the server's level that drowns the operator's
 * log, so it gets at most `warn` (or the server's own level when that is stricter).
 */
export function baileysLogger(log: Logger): Logger {
  const level = log.levelVal > log.levels.values.warn! ? log.level : 'warn';
  return log.child({ component: 'baileys' }, { level });
}

export function buildSocketConfig(input: SocketConfigInput): UserFacingSocketConfig {
  const log = baileysLogger(input.log);
  return {
    auth: input.auth,
    // The phone's linked-devices list shows browser[0]; browser[1] picks the icon (Chrome).
    browser: [input.browserName, 'Chrome', release()],
    printQRInTerminal: false,
    // Staying "offline" keeps the phone's own notifications ringing for the team.
    markOnlineOnConnect: false,
    // The gateway needs no chat history; recent history still syncs and brings LID mappings.
    syncFullHistory: false,
    // With own events on, every send makes Baileys buffer an 'append' echo of our own message for
    // about 100 ms, and a receipt arriving meanwhile is merged into that echo instead of being
    // emitted as messages.update: `delivered` (often `read` too) was lost. The engine never uses
    // the echo, so it is switched off.
    emitOwnEvents: false,
    shouldIgnoreJid: isIgnoredChat,
    logger: log,
    // WhatsApp asks for a message again when a recipient's device could not decrypt it.
    getMessage: async (key) => {
      if (!key.id) return undefined;
      try {
        const text = await input.getMessageText(key.id);
        return text === undefined ? undefined : proto.Message.create({ conversation: text });
      } catch (err) {
        log.warn({ err, waMessageId: key.id }, 'could not load a message WhatsApp asked for again');
        return undefined;
      }
    },
    ...(input.wsUrl ? { waWebSocketUrl: input.wsUrl } : {}),
    ...(input.connectTimeoutMs ? { connectTimeoutMs: input.connectTimeoutMs } : {}),
    ...(input.version ? { version: input.version } : {}),
  };
}

/** Whether the creds belong to a linked companion (set by Baileys on pair-success). */
export const isLinked = (creds: AuthenticationCreds): boolean => !!creds.account;

/**
 * A pairing-code request writes `creds.me` before the phone confirms. If that socket dies first,
 * the next one would try to log in as a device that does not exist (and get 401, wiping state);
 * forgetting the unfinished attempt makes it register again instead.
 */
export function forgetUnfinishedPairing(creds: AuthenticationCreds): void {
  if (isLinked(creds) || !creds.me) return;
  creds.me = undefined;
  creds.pairingCode = undefined;
}
