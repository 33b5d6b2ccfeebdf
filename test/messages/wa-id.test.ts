import { describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids.js';
import { waMessageIdFor } from '../../src/messages/wa-id.js';

describe('WhatsApp message ids', () => {
  it('are the same for the same message, shaped like WhatsApp Web ids', () => {
    const id = newId('msg');
    expect(waMessageIdFor(id)).toBe(waMessageIdFor(id));
    expect(waMessageIdFor(id)).toMatch(/^3EB0[0-9A-F]{28}$/);
    expect(waMessageIdFor(id)).not.toContain(id.slice(4).toUpperCase());
  });

  // Their index then grows at its end like the message ids', instead of at a random page per message.
  it('sort like the message ids they are made for, within a millisecond too', () => {
    // Ahead of now: ids never go back in time, so a start in the past would be moved to now.
    const start = Date.now() + 60_000;
    const ids = Array.from({ length: 200 }, (_, i) => newId('msg', start + Math.floor(i / 20)));
    const wa = ids.map(waMessageIdFor);
    expect(new Set(wa).size).toBe(ids.length);
    const byTime = [...wa].sort();
    // Messages of one millisecond may sort among themselves either way; milliseconds never mix.
    const millisecond = (w: string) => w.slice(4, 16);
    expect(byTime.map(millisecond)).toEqual(wa.map(millisecond));
    expect(millisecond(wa[0]!)).toBe(start.toString(16).padStart(12, '0').toUpperCase());
  });
});
