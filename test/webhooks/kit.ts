import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventType, WapingEvent } from '../../src/events/types.js';
import type { TestApp } from '../helpers/app.js';

/** A webhook as a receiver gets it: the raw body (what the signature covers) and the headers. */
export interface Received {
  id: string;
  timestamp: string;
  signature: string;
  headers: Record<string, string>;
  body: string;
  event: WapingEvent;
}

export type Reply = { status: number; headers?: Record<string, string>; body?: string };

export interface Receiver {
  url: string;
  received: Received[];
  /** Changes how later requests are answered (200 by default). */
  answer(reply: (request: Received, index: number) => Reply): void;
  close(): Promise<void>;
}

/** A real HTTP receiver on loopback, the way a customer's backend would stand. */
export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  let reply: (request: Received, index: number) => Reply = () => ({ status: 200, body: 'ok' });
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
    );
    const request: Received = {
      id: headers['webhook-id'] ?? '',
      timestamp: headers['webhook-timestamp'] ?? '',
      signature: headers['webhook-signature'] ?? '',
      headers,
      body,
      event: JSON.parse(body) as WapingEvent,
    };
    received.push(request);
    const answer = reply(request, received.length - 1);
    res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers }).end(answer.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answer(next) {
      reply = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Records and publishes an event the way feature code does: in a transaction, then after commit. */
export async function emit(
  t: TestApp,
  workspaceId: string,
  type: EventType,
  data: Record<string, unknown>,
  deviceId?: string,
): Promise<WapingEvent> {
  const ctx = t.app.ctx;
  const event = await ctx.db
    .transaction()
    .execute((trx) => ctx.events.record(trx, { workspaceId, type, data, deviceId, now: ctx.clock.now() }));
  ctx.events.publish([event]);
  return event;
}

export async function createWebhook(
  t: TestApp,
  key: string,
  body: Record<string, unknown>,
): Promise<{ id: string; secret: string }> {
  const res = await t.request({ method: 'POST', url: '/v1/webhooks', key, payload: body });
  if (res.statusCode !== 201) throw new Error(`create webhook: ${res.statusCode} ${res.body}`);
  const json = res.json<{ secret: string; webhook: { id: string } }>();
  return { id: json.webhook.id, secret: json.secret };
}

export interface DeliveryJson {
  id: string;
  eventId: string;
  eventType: string;
  status: 'pending' | 'succeeded' | 'failed';
  attemptCount: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  responseSnippet: string | null;
  lastError: string | null;
  attempts: Array<{ number: number; at: string; statusCode: number | null; error: string | null }>;
}

export async function deliveries(t: TestApp, key: string, webhookId: string): Promise<DeliveryJson[]> {
  const res = await t.request({ method: 'GET', url: `/v1/webhooks/${webhookId}/deliveries?limit=100`, key });
  if (res.statusCode !== 200) throw new Error(`deliveries: ${res.statusCode} ${res.body}`);
  return res.json<{ data: DeliveryJson[] }>().data;
}

/** Every error answer has the envelope of docs/api.md ("Errors"). */
export function isErrorEnvelope(body: unknown): boolean {
  const error = (body as { error?: Record<string, unknown> }).error;
  return (
    !!error &&
    typeof error.code === 'string' &&
    typeof error.message === 'string' &&
    typeof error.requestId === 'string'
  );
}
