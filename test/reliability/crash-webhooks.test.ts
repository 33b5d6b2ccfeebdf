/**
 * `kill -9` of a server while it delivers webhooks, at seeded random points, then a restart on
 * the same data: every event reaches the receiver at least once, a device's events arrive in
 * order, and a repeat carries the same `webhook-id`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { sendLoad } from './crash-load.js';

const EVENTS = ['message.sent', 'message.delivered', 'message.read', 'message.failed'];
const FINAL = new Set(['read', 'failed', 'expired', 'canceled']);
const { seed, kills } = crashSettings({ kills: 3 });

interface Arrival {
  webhookId: string;
  eventId: string;
  type: string;
  messageId: string;
  deviceId: string;
}

let db: TestDatabase;
let server: CrashableServer;
let receiver: Server;
const arrivals: Arrival[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  // The receiver answers every delivery, a little slowly, so kills land while some are on the wire.
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        id: string;
        type: string;
        data: { id: string; deviceId: string };
      };
      arrivals.push({
        webhookId: String(req.headers['webhook-id']),
        eventId: body.id,
        type: body.type,
        messageId: body.data.id,
        deviceId: body.data.deviceId,
      });
      setTimeout(() => res.writeHead(204).end(), 5);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  server = new CrashableServer(db, {
    WAPING_SANDBOX_DELIVERED_MS: '200',
    WAPING_SANDBOX_READ_MS: '500',
    WAPING_WEBHOOK_ALLOW_PRIVATE: 'true',
    WAPING_WEBHOOK_RETRY_SCHEDULE_MS: '200,500,1000,2000',
  });
  await server.start();
}, 120_000);
afterAll(async () => {
  await server.kill();
  await new Promise((resolve) => receiver.close(resolve));
  await db.drop();
});

describe(`kill -9 while delivering webhooks (seed ${seed}, ${kills} kills)`, () => {
  it(
    'delivers every event at least once, in order per device, with the same webhook-id',
    { timeout: 300_000 },
    async ({ annotate }) => {
      const random = seededRandom(seed + 1);
      const devices = [
        await linkSandboxDevice(server, '+15550003001'),
        await linkSandboxDevice(server, '+15550003002'),
      ];
      const port = (receiver.address() as AddressInfo).port;
      const hook = await server.api('POST', '/v1/webhooks', {
        url: `http://127.0.0.1:${port}/hook`,
        events: EVENTS,
      });
      expect(hook.status).toBe(201);

      let killing = true;
      const load = sendLoad(server, { workers: 3, devices, stop: () => !killing, max: 300 });
      for (let round = 0; round < kills; round++) {
        await sleep(300 + Math.floor(random() * 2_000));
        await server.kill();
        await sleep(Math.floor(random() * 500));
        await server.start();
      }
      killing = false;
      const planned = await load;
      const accepted = planned.map((plan) => [...plan.ids][0]!);

      // Every message reaches a final state; its timeline says which events it must have had.
      await eventually(async () => {
        const statuses = await messageStatuses(server);
        return accepted.every((id) => FINAL.has(statuses.get(id) ?? 'missing'));
      }, 60_000);
      const expectedTypes = new Map<string, string[]>();
      for (const id of accepted) {
        const timeline = (await server.api('GET', `/v1/messages/${id}`)).json.timeline as Array<{
          status: string;
        }>;
        const types = timeline.map((t) => `message.${t.status}`).filter((type) => EVENTS.includes(type));
        expectedTypes.set(id, types);
      }
      const expected = [...expectedTypes.values()].reduce((sum, types) => sum + types.length, 0);
      await eventually(() => new Set(arrivals.map((a) => a.eventId)).size >= expected, 90_000);

      // The same webhook-id as the event, on every repeat; one event per message and type.
      const idFor = new Map<string, string>();
      for (const a of arrivals) {
        expect(a.webhookId).toBe(a.eventId);
        const what = `${a.type} ${a.messageId}`;
        expect(idFor.get(what) ?? a.eventId, what).toBe(a.eventId);
        idFor.set(what, a.eventId);
      }
      expect(idFor.size).toBe(expected);

      // In order per device: each device's events reach the receiver in the order its messages
      // went through them, so a message's events first arrive in the order of its timeline.
      const deviceOf = new Map(planned.map((plan) => [[...plan.ids][0]!, plan.deviceId]));
      const seen = new Set<string>();
      const firstArrivals = new Map<string, string[]>();
      for (const a of arrivals) {
        expect(a.deviceId, a.messageId).toBe(deviceOf.get(a.messageId));
        if (seen.has(a.eventId)) continue;
        seen.add(a.eventId);
        firstArrivals.set(a.messageId, [...(firstArrivals.get(a.messageId) ?? []), a.type]);
      }
      for (const id of accepted) expect(firstArrivals.get(id) ?? [], id).toEqual(expectedTypes.get(id));
      const repeats = arrivals.length - idFor.size;
      await annotate(
        `crash-webhooks: ${accepted.length} messages, ${idFor.size} events, ${repeats} repeated deliveries, ${server.starts} starts`,
      );
    },
  );
});
