/**
 * `kill -9` of a server under send load, at seeded random points, then a restart on the same
 * data: every accepted message exists and reaches a final state, none is stuck, and no
 * recipient gets any message twice (counted on the recipients' phones, the sandbox's inboxes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import {
  CrashableServer,
  crashSettings,
  linkSandboxDevice,
  messageStatuses,
  seededRandom,
  sleep,
} from './crash-kit.js';
import { sendLoad, sendUntilAccepted } from './crash-load.js';

const FINAL = new Set(['read', 'failed', 'expired', 'canceled']);
const { seed, kills } = crashSettings({ kills: 3 });

let db: TestDatabase;
let server: CrashableServer;

beforeAll(async () => {
  db = await createTestDatabase();
  server = new CrashableServer(db, { WAPING_SANDBOX_DELIVERED_MS: '200', WAPING_SANDBOX_READ_MS: '500' });
  await server.start();
}, 120_000);
afterAll(async () => {
  await server.kill();
  await db.drop();
});

interface Received {
  id: string;
  to: string;
  text: string;
}

describe(`kill -9 under send load (seed ${seed}, ${kills} kills)`, () => {
  it(
    'loses no accepted message, sends none twice, leaves none stuck',
    { timeout: 300_000 },
    async ({ annotate }) => {
      const random = seededRandom(seed);
      const devices = [
        await linkSandboxDevice(server, '+15550002001'),
        await linkSandboxDevice(server, '+15550002002'),
      ];
      // What the recipients' phones showed, gathered before every kill and at the end: a phone
      // keeps what it got, the server's memory of it does not outlive the process.
      const received = new Map<string, Received>();
      const lookAtPhones = async () => {
        const inbox = await server.api('GET', '/v1/sandbox/messages?limit=500');
        for (const m of inbox.json.data as Received[]) received.set(m.id, m);
      };

      let killing = true;
      const load = sendLoad(server, { workers: 3, devices, stop: () => !killing, max: 400 });
      for (let round = 0; round < kills; round++) {
        await sleep(300 + Math.floor(random() * 2_000));
        await lookAtPhones();
        await server.kill();
        await sleep(Math.floor(random() * 500));
        await server.start();
      }
      killing = false;
      const planned = await load;
      expect(planned.length).toBeGreaterThan(kills);

      // Each key answered one message id, and asking again replays it.
      for (const plan of planned) {
        await sendUntilAccepted(server, plan);
        expect([...plan.ids], plan.key).toHaveLength(1);
      }
      const accepted = new Map(planned.map((plan) => [[...plan.ids][0]!, plan]));

      // Every accepted message exists, and no other: a second message for a key is a duplicate.
      let statuses = await messageStatuses(server);
      expect([...statuses.keys()].sort()).toEqual([...accepted.keys()].sort());
      // None stuck: every message reaches a final state.
      statuses = await eventually(async () => {
        const now = await messageStatuses(server);
        return [...now.values()].every((s) => FINAL.has(s)) ? now : undefined;
      }, 60_000);

      await lookAtPhones();
      const byStatus: Record<string, number> = {};
      for (const s of statuses.values()) byStatus[s] = (byStatus[s] ?? 0) + 1;
      const retries = planned.reduce((sum, plan) => sum + plan.attempts - 1, 0);
      await annotate(
        `crash-messages: ${planned.length} messages, ${retries} retried requests, ${server.starts} starts, final ${JSON.stringify(byStatus)}`,
      );
      const copies = new Map<string, Received[]>();
      for (const m of received.values()) copies.set(m.text, [...(copies.get(m.text) ?? []), m]);
      for (const [id, plan] of accepted) {
        const got = copies.get(plan.text) ?? [];
        // Never twice; and a read message was received (once).
        expect(got.length, `${plan.key} (${id}, ${statuses.get(id)})`).toBeLessThanOrEqual(1);
        if (statuses.get(id) === 'read')
          expect(
            got.map((m) => m.to),
            plan.key,
          ).toEqual([plan.to]);
      }
      // Nothing reached a phone that no client asked for.
      const texts = new Set(planned.map((plan) => plan.text));
      expect([...copies.keys()].filter((text) => !texts.has(text))).toEqual([]);
    },
  );
});
