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

const EVENTS = ['message.sent', 'message.delivered', 'message.read'];
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

      // Every message reads, so each has its three events.
      await eventually(async () => {
        const statuses = await messageStatuses(server);
        return accepted.every((id) => statuses.get(id) === 'read');
      }, 60_000);
      const expected = accepted.length * EVENTS.length;
      await eventually(() => new Set(arrivals.map((a) => a.eventId)).size >= expected, 90_000);

      // The same webhook-id as the event, on every repeat; one event per message and type.
      const idFor = new Map<string, string>();
      for (const a of arrivals) {
        expect(a.webhookId).toBe(a.eventId);
        const what = `${a.type} ${a.messageId}`;
        expect(idFor.get(what) ?? a.eventId, what).toBe(a.eventId);
        idFor.set(what, a.eventId);
      }
      for (const id of accepted)
        for (const type of EVENTS) expect(idFor.has(`${type} ${id}`), `${type} ${id}`).toBe(true);
      expect(idFor.size).toBe(expected);

      // In order per device: first arrivals follow the order the events happened in, and a
      // message's sent, delivered and read arrive in that order.
      for (const deviceId of devices) {
        const first: Arrival[] = [];
        const seen = new Set<string>();
        for (const a of arrivals) {
          if (a.deviceId !== deviceId || seen.has(a.eventId)) continue;
          seen.add(a.eventId);
          first.push(a);
        }
        const ids = first.map((a) => a.eventId);
        expect(ids, deviceId).toEqual([...ids].sort());
        const perMessage = new Map<string, string[]>();
        for (const a of first) perMessage.set(a.messageId, [...(perMessage.get(a.messageId) ?? []), a.type]);
        for (const [messageId, types] of perMessage) expect(types, messageId).toEqual(EVENTS);
      }
      const repeats = arrivals.length - idFor.size;
      await annotate(
        `crash-webhooks: ${accepted.length} messages, ${idFor.size} events, ${repeats} repeated deliveries, ${server.starts} starts`,
      );
    },
  );
});
