/**
 * Keeps Signal key material out of the process output.
 *
 * libsignal (the Signal protocol code Baileys runs on) reports its session bookkeeping on the
 * global console, with the whole session entry as an argument: `console.info("Closing session:",
 * session)` and friends in session_record.js. Node prints such an object in full (libsignal's own
 * `inspect()` override predates `util.inspect.custom` and is ignored), so stdout gets the ratchet's
 * private key, the root key and every chain key. Baileys hits these paths routinely: it refreshes
 * sessions on a socket's first send and prunes old ones as they pile up.
 *
 * Every console call in libsignal 6 and Baileys rc14 was checked. The ones that can print key
 * material are exactly those made inside SessionRecord's `closeSession`, `openSession` and
 * `removeOldSessions`; these are synchronous, so for their duration the console is muted, and
 * nothing else can run meanwhile. Their messages carry nothing an operator can act on (Baileys
 * reports session trouble through its own logger). The other console calls stay as they are: the
 * decrypt-failure and "closing open session" warnings print error messages and fixed text only.
 * As a second line, a session entry printed any other way shows what libsignal meant it to show:
 * `<SessionEntry [baseKey=…]>`, a public key.
 */
import { createRequire } from 'node:module';
import { inspect } from 'node:util';

interface SessionRecordClass {
  prototype: Record<string, unknown>;
  createEntry(): object;
}

const QUIET_METHODS = ['closeSession', 'openSession', 'removeOldSessions'] as const;
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir'] as const;

let guarded = false;

/** libsignal's SessionRecord, resolved from Baileys' own location: the very copy Baileys loads. */
function baileysSessionRecord(): SessionRecordClass {
  const fromHere = createRequire(import.meta.url);
  const fromBaileys = createRequire(fromHere.resolve('baileys'));
  return (fromBaileys('libsignal') as { SessionRecord: SessionRecordClass }).SessionRecord;
}

/* eslint-disable no-console -- swaps the console's methods out and back; never prints */
function muted<T>(work: () => T): T {
  const saved = CONSOLE_METHODS.map((name) => [name, console[name]] as const);
  for (const name of CONSOLE_METHODS) console[name] = () => undefined;
  try {
    return work();
  } finally {
    for (const [name, method] of saved) console[name] = method as never;
  }
}
/* eslint-enable no-console */

/** Installs the guard once per process; safe to call from every engine. */
export function guardSignalLogs(): void {
  if (guarded) return;
  guarded = true;
  const SessionRecord = baileysSessionRecord();
  const record = SessionRecord.prototype;
  for (const name of QUIET_METHODS) {
    const original = record[name];
    if (typeof original !== 'function') continue;
    record[name] = function (this: unknown, ...args: unknown[]): unknown {
      return muted(() => (original as (...a: unknown[]) => unknown).apply(this, args));
    };
  }
  const entry = Object.getPrototypeOf(SessionRecord.createEntry()) as Record<symbol, unknown> & {
    toString(): string;
  };
  entry[inspect.custom] = function (this: { toString(): string }): string {
    return this.toString();
  };
}
