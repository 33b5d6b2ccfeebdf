import { hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveKey } from '../../src/lib/crypto.js';
import { newId } from '../../src/lib/ids.js';
import { pooledRandomBytes } from '../../src/lib/random-pool.js';

describe('pooled random bytes', () => {
  it('hands out each byte once, across refills of the pool', () => {
    const seen = new Set<string>();
    // 16 bytes at a time through more than ten refills of the 4 KB pool.
    for (let i = 0; i < 3000; i++) {
      const bytes = pooledRandomBytes(16);
      expect(bytes).toHaveLength(16);
      seen.add(bytes.toString('hex'));
    }
    expect(seen.size).toBe(3000);
  });

  it('gives sizes that do not divide the pool, and large draws straight from the CSPRNG', () => {
    const odd = Array.from({ length: 700 }, () => pooledRandomBytes(12).toString('hex'));
    expect(new Set(odd).size).toBe(700);
    const large = pooledRandomBytes(5000);
    expect(large).toHaveLength(5000);
    // 5,000 random bytes are not all one value.
    expect(new Set(large).size).toBeGreaterThan(200);
  });

  it('returns a copy: writing to one draw does not change the next', () => {
    const a = pooledRandomBytes(32);
    a.fill(7);
    const b = pooledRandomBytes(32);
    expect(b.equals(Buffer.alloc(32, 7))).toBe(false);
  });

  it('keeps ids unique and ordered within one millisecond', () => {
    const ids = Array.from({ length: 1000 }, () => newId('msg', 1_780_000_000_000));
    expect(new Set(ids).size).toBe(1000);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('derived keys', () => {
  const hkdf = (master: Buffer, purpose: string) =>
    Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `waping:${purpose}`, 32));

  it('are HKDF of the master key and purpose, the same on every call', () => {
    const master = Buffer.alloc(32, 1);
    expect(deriveKey(master, 'message-bodies').equals(hkdf(master, 'message-bodies'))).toBe(true);
    expect(deriveKey(master, 'message-bodies').equals(hkdf(master, 'message-bodies'))).toBe(true);
    expect(deriveKey(master, 'engine-state').equals(hkdf(master, 'engine-state'))).toBe(true);
  });

  it('differ by master key even for equal purposes', () => {
    const one = deriveKey(Buffer.alloc(32, 2), 'webhook-secrets');
    const two = deriveKey(Buffer.alloc(32, 3), 'webhook-secrets');
    expect(one.equals(two)).toBe(false);
    expect(two.equals(hkdf(Buffer.alloc(32, 3), 'webhook-secrets'))).toBe(true);
  });
});
