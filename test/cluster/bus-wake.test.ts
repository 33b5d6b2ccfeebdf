import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import type { EventBus } from '../../src/events/bus.js';
import { MemoryBus } from '../../src/events/memory-bus.js';
import { NOTIFY_INTERVALS, PgBus } from '../../src/events/pg-bus.js';
import { dispatchTopic } from '../../src/messages/topics.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../helpers/database.js';

// A wake-up (a queued message for a line's dispatcher) is heard on the node that runs the line
// without a round trip to PostgreSQL, and still reaches the other nodes when none here listens.
describe('bus wake-ups', () => {
  let testDb: TestDatabase;
  let database: DatabaseHandle;
  const buses: EventBus[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = openDatabase({ databaseUrl: testDb.databaseUrl, dataDir: testDb.dataDir });
  });

  afterAll(async () => {
    for (const bus of buses) await bus.close();
    await database.destroy();
    await testDb.drop();
  });

  /** A node's bus, counting the NOTIFY statements it sends (each held back `delayMs` first). */
  async function nodeBus(
    nodeId: string,
    delayMs = 0,
    intervals = NOTIFY_INTERVALS,
  ): Promise<{ bus: EventBus; notifies: () => number }> {
    let notifies = 0;
    if (!testDb.databaseUrl) {
      const bus = new MemoryBus();
      buses.push(bus);
      return { bus, notifies: () => notifies };
    }
    const bus = new PgBus(
      testDb.databaseUrl,
      nodeId,
      pino({ level: 'silent' }),
      async (channel, payloads) => {
        notifies++;
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
        await sql`select ${sql.join(payloads.map((p) => sql`pg_notify(${channel}, ${p})`))}`.execute(
          database.db,
        );
      },
      intervals,
    );
    await bus.start();
    buses.push(bus);
    return { bus, notifies: () => notifies };
  }

  function heard(bus: EventBus, topic: `dispatch:${string}`): string[] {
    const payloads: string[] = [];
    bus.subscribe(topic, (payload) => payloads.push(payload));
    return payloads;
  }

  it('is heard by a listener on this node', async () => {
    const a = await nodeBus('node-a');
    const topic = dispatchTopic('dev_local');
    const here = heard(a.bus, topic);
    a.bus.wake(topic, 'msg_1');
    expect(here).toEqual(['msg_1']);
  });

  // Across nodes only PostgreSQL carries the bus (one SQLite server is one process).
  if (testDialect() !== 'postgres') return;

  it('sends nothing to PostgreSQL when this node listens', async () => {
    const a = await nodeBus('node-a2');
    const b = await nodeBus('node-b2');
    const topic = dispatchTopic('dev_both');
    const onA = heard(a.bus, topic);
    const onB = heard(b.bus, topic);
    a.bus.wake(topic, 'msg_woken');
    // Notifications arrive in the order they were sent: once B hears the publish that follows,
    // it would already have heard the wake-up, had it been sent.
    a.bus.publish(topic, 'msg_published');
    await expect.poll(() => onB, { timeout: 5000 }).toEqual(['msg_published']);
    expect(onA).toEqual(['msg_woken', 'msg_published']);
    expect(a.notifies()).toBe(1);
  });

  it('reaches the other nodes when none listens here', async () => {
    const a = await nodeBus('node-a3');
    const b = await nodeBus('node-b3');
    const topic = dispatchTopic('dev_remote');
    const onB = heard(b.bus, topic);
    a.bus.wake(topic, 'msg_remote');
    await expect.poll(() => onB, { timeout: 5000 }).toEqual(['msg_remote']);
    expect(a.notifies()).toBe(1);
  });

  it('sends what is published while a NOTIFY is on its way in one statement after it, in order', async () => {
    // A slow round trip stands for a loaded database: every request publishes one.
    const a = await nodeBus('node-a4', 200);
    const b = await nodeBus('node-b4');
    const topic = dispatchTopic('dev_burst');
    const onB = heard(b.bus, topic);
    a.bus.publish(topic, 'msg_1');
    await expect.poll(() => a.notifies()).toBe(1);
    for (const id of ['msg_2', 'msg_3', 'msg_4', 'msg_5']) {
      a.bus.publish(topic, id);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await expect.poll(() => onB, { timeout: 5000 }).toEqual(['msg_1', 'msg_2', 'msg_3', 'msg_4', 'msg_5']);
    expect(a.notifies()).toBe(2);
  });

  it('holds events back for their interval, and sends them sooner with a wake-up for another node', async () => {
    // Intervals far apart, so that what is asserted does not depend on this machine's speed.
    const a = await nodeBus('node-a6', 0, { eventsMs: 60_000, wakesMs: 0 });
    const b = await nodeBus('node-b6');
    const events = dispatchTopic('dev_events');
    const remote = dispatchTopic('dev_remote_line');
    const onB = heard(b.bus, events);
    const wokenOnB = heard(b.bus, remote);
    a.bus.publish(events, 'event_1');
    await expect.poll(() => onB, { timeout: 5000 }).toEqual(['event_1']);
    // Published after a NOTIFY: they wait for the next one, together.
    a.bus.publish(events, 'event_2');
    await new Promise((resolve) => setTimeout(resolve, 100));
    a.bus.publish(events, 'event_3');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(a.notifies()).toBe(1);
    // A wake-up for a line no listener here runs does not wait: it takes them along, in order.
    a.bus.wake(remote, 'msg_waiting');
    await expect.poll(() => wokenOnB, { timeout: 5000 }).toEqual(['msg_waiting']);
    expect(onB).toEqual(['event_1', 'event_2', 'event_3']);
    expect(a.notifies()).toBe(2);
  });
});
