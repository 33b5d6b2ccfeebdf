/**
 * Run as a child process by signal-key-leak.test.ts: drives real Signal sessions between two
 * Baileys signal repositories (our device and a contact) through every libsignal path that prints
 * session entries, in a process that has built a BaileysEngine as `waping serve` does. The
 * test reads this process's stdout and stderr; the key material the sessions held is written to
 * the file named by argv[2] (never printed), with facts that prove each path really ran.
 */
import { writeFileSync } from 'node:fs';
import {
  addTransactionCapability,
  BufferJSON,
  Curve,
  DEFAULT_CONNECTION_CONFIG,
  generateSignalPubKey,
} from 'baileys';
import pino from 'pino';
import { loadAuthState } from '../../../src/engines/baileys/auth-state.js';
import { BaileysEngine } from '../../../src/engines/baileys/engine.js';
import { MemoryStateStore } from './memory-store.js';

const ME = '15550000001:3@s.whatsapp.net';
const CONTACT = '15550000002@s.whatsapp.net';
const log = pino({ level: 'silent' });

/** Every session value ever written, so keys of sessions that were later pruned are known too. */
class RecordingStore extends MemoryStateStore {
  readonly sessionsWritten: unknown[] = [];
  override async write(entries: Array<{ category: string; id: string; value: string | null }>) {
    for (const entry of entries) {
      if (entry.category === 'session' && entry.value)
        this.sessionsWritten.push(JSON.parse(entry.value, BufferJSON.reviver));
    }
    await super.write(entries);
  }
}

async function party() {
  const store = new RecordingStore();
  const { state } = await loadAuthState(store);
  const keys = addTransactionCapability(state.keys, log, { maxCommitRetries: 1, delayBetweenTriesMs: 1 });
  const repo = DEFAULT_CONNECTION_CONFIG.makeSignalRepository(
    { creds: state.creds, keys },
    log,
    async () => undefined,
  );
  return { store, creds: state.creds, keys, repo };
}

// What a WAPing process does before any socket exists.
new BaileysEngine({
  deviceId: 'dev_leak',
  log,
  state: new MemoryStateStore(),
  getMessageText: async () => undefined,
});

const me = await party();
const contact = await party();
const preKeys = Array.from({ length: 50 }, (_, i) => ({ id: i + 1, pair: Curve.generateKeyPair() }));
await contact.keys.set({ 'pre-key': Object.fromEntries(preKeys.map((k) => [String(k.id), k.pair])) });

let nextPreKey = 0;
/** Our device fetches the contact's key bundle and starts a new outgoing session, as on a first send. */
async function injectSession() {
  const preKey = preKeys[nextPreKey++]!;
  const { creds } = contact;
  await me.repo.injectE2ESession({
    jid: CONTACT,
    session: {
      registrationId: creds.registrationId,
      identityKey: generateSignalPubKey(creds.signedIdentityKey.public),
      signedPreKey: {
        keyId: creds.signedPreKey.keyId,
        publicKey: generateSignalPubKey(creds.signedPreKey.keyPair.public),
        signature: creds.signedPreKey.signature,
      },
      preKey: { keyId: preKey.id, publicKey: generateSignalPubKey(preKey.pair.public) },
    },
  });
}

async function sendToContact(text: string) {
  const { type, ciphertext } = await me.repo.encryptMessage({ jid: CONTACT, data: Buffer.from(text) });
  const plain = await contact.repo.decryptMessage({ jid: ME, type, ciphertext });
  if (Buffer.from(plain).toString() !== text) throw new Error('the contact could not read the message');
}

// 1. A first session, then a refreshed one: the open session is closed ("Closing session:").
await injectSession();
await sendToContact('hello');
await injectSession();
// 2. The contact gets a new pre-key message while its session is open: it closes that one.
await sendToContact('hello again');
// 3. More than 40 sessions on one record: the oldest closed ones are pruned on the next send.
for (let i = 0; i < 42; i += 1) await injectSession();
await me.repo.encryptMessage({ jid: CONTACT, data: Buffer.from('pruned') });

interface Entry {
  indexInfo: { closed: number };
  currentRatchet: { rootKey: string; ephemeralKeyPair: { privKey: string } };
  _chains: Record<string, { chainKey: { key?: string }; messageKeys: Record<string, string> }>;
}
const entriesOf = (written: unknown[]) =>
  written.flatMap((record) => Object.values((record as { _sessions: Record<string, Entry> })._sessions));

const secrets = new Set<string>();
const add = (base64: string | undefined) =>
  base64 && secrets.add(Buffer.from(base64, 'base64').toString('hex'));
for (const entry of [...entriesOf(me.store.sessionsWritten), ...entriesOf(contact.store.sessionsWritten)]) {
  add(entry.currentRatchet.rootKey);
  add(entry.currentRatchet.ephemeralKeyPair.privKey);
  for (const chain of Object.values(entry._chains)) {
    add(chain.chainKey.key);
    Object.values(chain.messageKeys).forEach(add);
  }
}
for (const party of [me, contact]) {
  secrets.add(Buffer.from(party.creds.signedIdentityKey.private).toString('hex'));
  secrets.add(Buffer.from(party.creds.signedPreKey.keyPair.private).toString('hex'));
}
for (const { pair } of preKeys) secrets.add(Buffer.from(pair.private).toString('hex'));

// The process's own logging still works: a pino line and a console warning.
pino({ level: 'info' }).info('signal sessions done');
console.warn('own console warning');

const lastOf = (written: unknown[]) => entriesOf(written.slice(-1));
writeFileSync(
  process.argv[2]!,
  JSON.stringify({
    secrets: [...secrets],
    facts: {
      // Every path above ran: sessions were closed on both sides, and our record was pruned to 40.
      ourSessionsAfterPruning: lastOf(me.store.sessionsWritten).length,
      ourClosedSessions: lastOf(me.store.sessionsWritten).filter((e) => e.indexInfo.closed !== -1).length,
      contactClosedSessions: lastOf(contact.store.sessionsWritten).filter((e) => e.indexInfo.closed !== -1)
        .length,
    },
  }),
);
