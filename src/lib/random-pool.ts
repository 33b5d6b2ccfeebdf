import { randomFillSync } from 'node:crypto';

/**
 * Random bytes from the CSPRNG, drawn 4 KB at a time. Every message, event and conversation id
 * and every sealed body takes a few bytes; one call into OpenSSL per id cost more than building
 * the id. Each byte is handed out once. Node keeps such a cache for `randomUUID` too; the bytes
 * not yet handed out sit in this process's memory, next to the master key.
 */
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let next = POOL_BYTES;

export function pooledRandomBytes(size: number): Buffer {
  if (size > POOL_BYTES / 4) return randomFillSync(Buffer.alloc(size));
  if (next + size > POOL_BYTES) {
    randomFillSync(pool);
    next = 0;
  }
  const out = Buffer.from(pool.subarray(next, next + size));
  // Zeroed once handed out, so the pool never holds a byte that is in use elsewhere.
  pool.fill(0, next, next + size);
  next += size;
  return out;
}
