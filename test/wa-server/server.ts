/**
 * The WhatsApp Web protocol test server: `startWaServer()` listens on a loopback `wss://` URL that
 * an unmodified Baileys client (in process, or inside a WAPing process) connects to. Tests drive it
 * through simulated phones (`wa.phone`) and contacts (`wa.contact`), switch faults on
 * (`wa.faults`, `phone.conflict()`…), and read what happened on the wire (`wa.log`).
 */
import { createServer, type Agent, type Server as HttpsServer } from 'node:https';
import { join } from 'node:path';
import { Curve } from 'baileys';
import { WebSocketServer } from 'ws';
import { guardSignalLogs } from '../../src/engines/baileys/signal-log-guard.js';
import { installRootKey } from './cert-chain.js';
import { encodeCertChain } from './cert-chain.js';
import { ClientConnection } from './connection.js';
import { SimulatedContact, type ContactOptions } from './contact.js';
import { WaServerCore, type PresenceRecord } from './core.js';
import type { Faults } from './faults.js';
import { WaServerLog } from './log.js';
import { MediaHost } from './media-host.js';
import { SimulatedPhone, type PhoneOptions } from './phone.js';
import { TEST_CA_PATH, loopbackServerTls, testCaAgent } from './tls.js';

/** The preload that installs this server's root key in a WAPing process (see preload.mjs). */
export const PRELOAD_PATH = join(import.meta.dirname, 'preload.mjs');
/** Env variable the preload reads: the root public key, hex. */
export const ROOT_KEY_ENV = 'WAPING_TEST_WA_ROOT_KEY';

export interface WaServerOptions {
  /**
   * `host:port` handed out as the media host in `media_conn`. By default the server's own port,
   * where `media` (the simulated media host) takes uploads and serves downloads.
   */
  mediaHost?: string;
}

export interface WaServer {
  /** `wss://127.0.0.1:<port>/ws/chat` */
  readonly url: string;
  /** The Noise root key clients must trust (in place of WhatsApp's). */
  readonly rootPublicKey: Buffer;
  readonly log: WaServerLog;
  readonly faults: Faults;
  /** The server's state (accounts, connections, logins); for assertions and special cases. */
  readonly core: WaServerCore;
  /** The simulated media host: what was uploaded, for assertions. */
  readonly media: MediaHost;
  /**
   * Environment for a WAPing child process: the URL, the preload that installs the root key, and
   * the test CA through NODE_EXTRA_CA_CERTS. Verification stays on.
   */
  env(): Record<string, string>;
  /** An HTTPS agent trusting the test CA, for an in-process Baileys socket (its `agent` option). */
  agent(): Agent;
  /** Makes in-process Baileys trust this server's root key; returns the undo. */
  installRootKey(): () => void;
  /** The primary phone of a line (created on first call). */
  phone(number: string, options?: PhoneOptions): Promise<SimulatedPhone>;
  /** A WhatsApp user the line can write to and hear from (created on first call). */
  contact(number: string, options?: ContactOptions): Promise<SimulatedContact>;
  /** A number that WhatsApp knows is not registered (any number never created is not either). */
  notOnWhatsApp(number: string): void;
  /** Presence and chat states the line's companions sent, in order. */
  presence(number: string): PresenceRecord[];
  /** Outcomes of the line's companion logins, in order (`success`, `stream error 515 (fault)`…). */
  logins(number: string): string[];
  /** The WhatsApp Web version each of the line's logins announced, in order (`2.3000.…`). */
  loginVersions(number: string): string[];
  close(): Promise<void>;
}

export async function startWaServer(options: WaServerOptions = {}): Promise<WaServer> {
  // The simulated phones run libsignal in this process too: keep their session dumps (private
  // keys, even if only test ones) out of the test output, as the engine does for its own.
  guardSignalLogs();
  const log = new WaServerLog();
  const core = new WaServerCore(log);
  const root = Curve.generateKeyPair();
  const certChain = encodeCertChain(root, core.staticKeys.public);

  const media = new MediaHost();
  // Plain HTTPS requests (not the WebSocket upgrade) go to the media host.
  const https: HttpsServer = createServer(loopbackServerTls(), (req, res) => media.handle(req, res));
  const wss = new WebSocketServer({ server: https, path: '/ws/chat' });
  let nextId = 1;
  wss.on('connection', (ws) => {
    const conn = new ClientConnection(ws, nextId++, core.staticKeys, certChain, core);
    core.connections.add(conn);
    log.event(conn.who, 'connected');
  });
  await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
  const { port } = https.address() as { port: number };
  const url = `wss://127.0.0.1:${port}/ws/chat`;
  media.hostname = `127.0.0.1:${port}`;
  core.mediaHost = options.mediaHost ?? media.hostname;
  log.event('server', `listening at ${url}`);

  const phones = new Map<string, Promise<SimulatedPhone>>();
  const contacts = new Map<string, Promise<SimulatedContact>>();
  const rootPublicKey = Buffer.from(root.public);
  const digitsOf = (n: string) => n.replace(/\D/g, '');

  return {
    url,
    rootPublicKey,
    log,
    faults: core.faults,
    core,
    media,
    env: () => ({
      WAPING_WA_WS_URL: url,
      [ROOT_KEY_ENV]: rootPublicKey.toString('hex'),
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${PRELOAD_PATH}`.trim(),
      NODE_EXTRA_CA_CERTS: TEST_CA_PATH,
    }),
    agent: () => testCaAgent(),
    installRootKey: () => installRootKey(rootPublicKey),
    phone: (number, phoneOptions) => {
      const key = digitsOf(number);
      const existing = phones.get(key) ?? SimulatedPhone.create(core, key, phoneOptions);
      phones.set(key, existing);
      return existing;
    },
    contact: (number, contactOptions) => {
      const key = digitsOf(number);
      const existing = contacts.get(key) ?? SimulatedContact.create(core, key, contactOptions);
      contacts.set(key, existing);
      return existing;
    },
    notOnWhatsApp: (number) => {
      core.registry.ensure(number).onWhatsApp = false;
    },
    presence: (number) => core.presence.filter((p) => p.pn === digitsOf(number)),
    logins: (number) => core.logins.filter((l) => l.pn === digitsOf(number)).map((l) => l.outcome),
    loginVersions: (number) =>
      core.logins.filter((l) => l.pn === digitsOf(number)).map((l) => l.version.join('.')),
    close: async () => {
      for (const p of [...phones.values(), ...contacts.values()]) (await p.catch(() => undefined))?.close();
      for (const conn of core.connections) conn.drop();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      https.closeAllConnections();
      await new Promise<void>((resolve) => https.close(() => resolve()));
    },
  };
}
