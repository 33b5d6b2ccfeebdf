import { pooledRandomBytes } from './random-pool.js';

/**
 * TypeID-style identifiers: `<prefix>_<26 chars>`. The first 10 characters encode the creation
 * time in milliseconds (Crockford base32), so ids sort by creation time as plain strings — which
 * is what keyset pagination and "oldest first" queues rely on.
 */
export type IdPrefix =
  | 'ws'
  | 'usr'
  | 'key'
  | 'dev'
  | 'msg'
  | 'tpl'
  | 'evt'
  | 'whk'
  | 'dlv'
  | 'ver'
  | 'rule'
  | 'ses'
  | 'chl'
  | 'rec'
  | 'node'
  | 'ct'
  | 'cnv'
  | 'note'
  | 'med'
  | 'aud';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

let lastTime = 0;
let lastRandom: number[] = [];

function encodeTime(ms: number): string {
  let out = '';
  let value = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[value % 32] + out;
    value = Math.floor(value / 32);
  }
  return out;
}

/** 16 random base32 characters; incremented instead of redrawn within one millisecond so ids stay ordered. */
function nextRandom(ms: number): number[] {
  if (ms === lastTime && lastRandom.length === 16) {
    const next = [...lastRandom];
    for (let i = next.length - 1; i >= 0; i--) {
      if (next[i]! < 31) {
        next[i]! += 1;
        break;
      }
      next[i] = 0;
    }
    lastRandom = next;
    return next;
  }
  const bytes = pooledRandomBytes(16);
  lastTime = ms;
  // Keep the top bit of the first character clear so increments never overflow in practice.
  lastRandom = [...bytes].map((b, i) => (i === 0 ? b % 16 : b % 32));
  return lastRandom;
}

export function newId(prefix: IdPrefix, now: number = Date.now()): string {
  const ms = Math.max(now, lastTime);
  return `${prefix}_${encodeTime(ms)}${nextRandom(ms)
    .map((n) => ALPHABET[n])
    .join('')}`;
}

/**
 * The smallest id of this prefix that can have been made at `ms` or later. An id's time is never
 * earlier than its row's creation time (newId only moves it forward), so `id >= idFloor(p, t)`
 * keeps every row created at t or later and lets a range over the id index stop early.
 */
export function idFloor(prefix: IdPrefix, ms: number): string {
  return `${prefix}_${encodeTime(ms)}${'0'.repeat(16)}`;
}

/** The time an id was made at, in milliseconds (its first 10 characters after the prefix). */
export function idTime(id: string): number {
  const encoded = id.slice(id.indexOf('_') + 1, id.indexOf('_') + 11);
  let ms = 0;
  for (const char of encoded) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) throw new Error(`not an id: ${id}`);
    ms = ms * 32 + value;
  }
  return ms;
}

/** A shape check for route params: the prefix and 26 base32 characters. */
export function idPattern(prefix: IdPrefix): string {
  return `^${prefix}_[0-9a-hjkmnp-tv-z]{26}$`;
}
