/**
 * A stand-in for a Baileys socket: a real EventEmitter as `ev`, emitting Baileys' own event
 * shapes, and the socket methods the engine calls as spies. `end`/`logout` behave like
 * Baileys': they emit `connection.update` close with a Boom and then go quiet.
 */
import { EventEmitter } from 'node:events';
import { Boom } from '@hapi/boom';
import { DisconnectReason } from 'baileys';
import type {
  BaileysEventMap,
  Contact,
  proto,
  UserFacingSocketConfig,
  WAMessage,
  WAMessageKey,
} from 'baileys';
import pino from 'pino';
import { vi } from 'vitest';
import type { EngineContext, EngineEventName, EngineEvents } from '../../../src/engines/engine.js';
import { BaileysEngine } from '../../../src/engines/baileys/engine.js';
import type { BaileysSocket } from '../../../src/engines/baileys/socket-config.js';
import { MemoryStateStore } from './memory-store.js';

export class FakeSocket implements BaileysSocket {
  readonly ev = new EventEmitter();
  /** Raw stanzas, as Baileys emits them (`CB:message`…) before decrypting and upserting. */
  readonly ws = new EventEmitter();
  user: Contact | undefined;
  ended = false;
  readonly lidToPn = new Map<string, string>();
  readonly signalRepository = {
    lidMapping: { getPNForLID: async (lid: string) => this.lidToPn.get(lid) ?? null },
  };
  readonly sendMessage = vi.fn<BaileysSocket['sendMessage']>(async (jid, _content, options) => ({
    key: { remoteJid: jid, fromMe: true, id: options?.messageId ?? 'generated' },
  }));
  readonly onWhatsApp = vi.fn<BaileysSocket['onWhatsApp']>(async () => []);
  readonly requestPairingCode = vi.fn<BaileysSocket['requestPairingCode']>(async () => 'ABCD1234');
  readonly sendPresenceUpdate = vi.fn<NonNullable<BaileysSocket['sendPresenceUpdate']>>(
    async () => undefined,
  );
  readonly end = vi.fn<BaileysSocket['end']>(async (error) => this.close(error));
  readonly logout = vi.fn<BaileysSocket['logout']>(async () => {
    await this.close(new Boom('Intentional Logout', { statusCode: DisconnectReason.loggedOut }));
  });

  constructor(readonly config: UserFacingSocketConfig) {}

  emit<E extends keyof BaileysEventMap>(event: E, arg: BaileysEventMap[E]): void {
    if (!this.ended) this.ev.emit(event, arg);
  }

  /** A message stanza arriving, with offline="1" when WhatsApp kept it while we were away. */
  stanza(id: string, offline: boolean): void {
    this.ws.emit('CB:message', { tag: 'message', attrs: { id, ...(offline ? { offline: '1' } : {}) } });
  }

  qr(ref = 'ref'): void {
    this.emit('connection.update', { qr: `2@${ref},noise,identity,adv,1` });
  }

  open(user: Contact = { id: '15551234567:12@s.whatsapp.net', name: 'Acme Support' }): void {
    this.user = user;
    this.emit('connection.update', { connection: 'open' });
  }

  /** What Baileys' end() does: one close update carrying the error, then silence. */
  async close(error: Error | undefined): Promise<void> {
    if (this.ended) return;
    this.emit('connection.update', { connection: 'close', lastDisconnect: { error, date: new Date() } });
    this.ended = true;
  }

  closeWith(statusCode: number, message = 'Connection Failure'): void {
    void this.close(new Boom(message, { statusCode }));
  }
}

export function harness(options: Partial<ConstructorParameters<typeof BaileysEngine>[1]> = {}) {
  const store = new MemoryStateStore();
  const sockets: FakeSocket[] = [];
  const texts = new Map<string, string>();
  const ctx: EngineContext = {
    deviceId: 'dev_test',
    log: pino({ level: 'silent' }),
    state: store,
    getMessageText: async (id) => texts.get(id),
  };
  const socketFactory = (config: UserFacingSocketConfig) => {
    const sock = new FakeSocket(config);
    sockets.push(sock);
    return sock;
  };
  const last = () => sockets[sockets.length - 1]!;
  return { store, sockets, texts, ctx, socketFactory, last, options: { socketFactory, ...options } };
}

/** Records every engine event in order. */
export function record(engine: BaileysEngine) {
  const events: Array<{ [K in EngineEventName]: { type: K; payload: EngineEvents[K] } }[EngineEventName]> =
    [];
  const names: EngineEventName[] = [
    'qr',
    'pairing_code',
    'connected',
    'disconnected',
    'logged_out',
    'link_timeout',
    'message_status',
    'inbound',
  ];
  for (const type of names)
    engine.on(type, (payload) => events.push({ type, payload } as (typeof events)[number]));
  const of = <K extends EngineEventName>(type: K) =>
    events.filter((e) => e.type === type).map((e) => e.payload as EngineEvents[K]);
  return { events, of };
}

export function message(
  key: WAMessageKey,
  content: proto.IMessage,
  extra: Partial<WAMessage> = {},
): WAMessage {
  return { key, message: content, messageTimestamp: 1_700_000_000, pushName: 'Customer', ...extra };
}

/** Lets promise chains started by event handlers run (timers may be faked; setImmediate is not). */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs timers due within `ms` (under vi.useFakeTimers) and lets the handlers they trigger finish. */
export async function advance(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await settle();
}

/** A started engine on fake sockets, with jitter pinned to half the ceiling. */
export async function startEngine(options: Parameters<typeof harness>[0] = {}) {
  const h = harness({ backoff: { random: () => 0.5 }, ...options });
  const engine = new BaileysEngine(h.ctx, h.options);
  const rec = record(engine);
  await engine.start();
  return { ...h, engine, rec };
}
