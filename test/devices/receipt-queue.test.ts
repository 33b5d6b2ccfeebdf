import { describe, expect, it } from 'vitest';
import { ReceiptQueue } from '../../src/devices/receipt-queue.js';
import type { EngineEvents } from '../../src/engines/engine.js';

type Receipt = EngineEvents['message_status'];
const at = new Date();
const receipt = (waMessageId: string, status: Receipt['status']): Receipt => ({ waMessageId, status, at });

describe("a device's receipt queue", () => {
  it('applies what was reported meanwhile together, in order, one batch at a time', async () => {
    const batches: string[][] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    let release: () => void = () => undefined;
    const queue = new ReceiptQueue(
      async (batch) => {
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        batches.push(batch.map((r) => `${r.waMessageId}:${r.status}`));
        // The first batch is held until the test lets it go; the others commit at once.
        if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
        inFlight--;
        return [];
      },
      () => undefined,
    );
    queue.push(receipt('A', 'delivered'));
    queue.push(receipt('B', 'delivered'));
    queue.push(receipt('A', 'read'));
    queue.push(receipt('B', 'read'));
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(batches).toEqual([['A:delivered'], ['B:delivered', 'A:read', 'B:read']]);
    expect(mostInFlight).toBe(1);
  });

  it('reports each failure and goes on with the receipts after it', async () => {
    const failures: unknown[] = [];
    const applied: string[] = [];
    let calls = 0;
    const queue = new ReceiptQueue(
      async (batch) => {
        calls++;
        if (calls === 1) throw new Error('database gone');
        applied.push(...batch.map((r) => r.waMessageId));
        return calls === 2 ? ['one receipt failed'] : [];
      },
      (err) => failures.push(err instanceof Error ? err.message : err),
    );
    queue.push(receipt('A', 'read'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    queue.push(receipt('B', 'read'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    queue.push(receipt('C', 'read'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(failures).toEqual(['database gone', 'one receipt failed']);
    expect(applied).toEqual(['B', 'C']);
  });
});
