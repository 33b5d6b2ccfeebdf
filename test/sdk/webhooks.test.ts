import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook, WebhookVerificationError, type WAPing, type WebhookEvent } from '@waping/sdk';
import { eventually } from '../helpers/app.js';
import { linkSandboxDevice, startSdkServer, type SdkServer } from './server.js';

interface Delivery {
  headers: IncomingHttpHeaders;
  body: Buffer;
}

let s: SdkServer;
let waping: WAPing;
let recorder: Server;
let recorderUrl = '';
const deliveries: Delivery[] = [];

/** Keeps every delivery's exact bytes and headers and answers 204. */
async function startRecorder(): Promise<void> {
  recorder = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      deliveries.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  recorderUrl = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}/waping`;
}

beforeAll(async () => {
  s = await startSdkServer();
  waping = s.client();
  await startRecorder();
  await linkSandboxDevice(waping);
});
afterAll(async () => {
  recorder?.close();
  await s?.close();
});

const eventIdOf = (d: Delivery) => String(d.headers['webhook-id']);
async function deliveryOf(type: string, dataId: string): Promise<Delivery> {
  return eventually(() =>
    deliveries.find((d) => {
      const event = JSON.parse(d.body.toString('utf8')) as { type: string; data: { id?: string } };
      return event.type === type && event.data.id === dataId;
    }),
  );
}

describe('webhooks.verify against deliveries the server sent', () => {
  let secret = '';
  let webhookId = '';
  let messageId = '';

  it('verifies message status deliveries and returns the typed event', async () => {
    const created = await waping.webhooks.create({
      url: recorderUrl,
      events: ['message.sent', 'message.delivered', 'message.read'],
    });
    secret = created.secret;
    webhookId = created.webhook.id;
    expect(secret).toMatch(/^whsec_/);
    messageId = (await waping.messages.send({ to: '+15550501001', type: 'text', text: { body: 'Hook me' } }))
      .id;

    for (const type of ['message.sent', 'message.delivered', 'message.read'] as const) {
      const delivery = await deliveryOf(type, messageId);
      const event: WebhookEvent = waping.webhooks.verify(delivery.body, delivery.headers, secret);
      expect(event.type).toBe(type);
      expect(event.id).toBe(eventIdOf(delivery));
      if (
        event.type === 'message.sent' ||
        event.type === 'message.delivered' ||
        event.type === 'message.read'
      ) {
        expect(event.data.id).toBe(messageId);
        expect(event.data.to).toBe('+15550501001');
      }
    }
  });

  it('refuses a tampered body, a tampered id, another secret and missing headers', async () => {
    const delivery = await deliveryOf('message.delivered', messageId);
    const tampered = Buffer.from(delivery.body.toString('utf8').replace('+15550501001', '+15550501002'));
    const reasonOf = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        expect(error).toBeInstanceOf(WebhookVerificationError);
        return (error as WebhookVerificationError).reason;
      }
      return 'accepted';
    };
    expect(reasonOf(() => verifyWebhook(tampered, delivery.headers, secret))).toBe('bad_signature');
    expect(
      reasonOf(() =>
        verifyWebhook(delivery.body, { ...delivery.headers, 'webhook-id': 'evt_other' }, secret),
      ),
    ).toBe('bad_signature');
    const other = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    expect(reasonOf(() => verifyWebhook(delivery.body, delivery.headers, other))).toBe('bad_signature');
    const { 'webhook-signature': _dropped, ...unsigned } = delivery.headers;
    expect(reasonOf(() => verifyWebhook(delivery.body, unsigned, secret))).toBe('missing_headers');
    // The untouched delivery still verifies, also from fetch-style Headers and a string body.
    const headers = new Headers(delivery.headers as Record<string, string>);
    expect(verifyWebhook(delivery.body.toString('utf8'), headers, secret).id).toBe(eventIdOf(delivery));
  });

  it('refuses a stale (or future) timestamp outside the tolerance window', async () => {
    const delivery = await deliveryOf('message.read', messageId);
    const sentAt = Number(delivery.headers['webhook-timestamp']) * 1000;
    const at = (offsetSeconds: number) => new Date(sentAt + offsetSeconds * 1000);
    expect(verifyWebhook(delivery.body, delivery.headers, secret, { now: at(299) }).type).toBe(
      'message.read',
    );
    expect(() => verifyWebhook(delivery.body, delivery.headers, secret, { now: at(301) })).toThrow(
      expect.objectContaining({ reason: 'stale_timestamp' }),
    );
    expect(() => verifyWebhook(delivery.body, delivery.headers, secret, { now: at(-301) })).toThrow(
      expect.objectContaining({ reason: 'stale_timestamp' }),
    );
    expect(() =>
      verifyWebhook(delivery.body, delivery.headers, secret, { now: at(61), toleranceSeconds: 60 }),
    ).toThrow(expect.objectContaining({ reason: 'stale_timestamp' }));
  });

  it('during a secret rotation each delivery carries two signatures, and either secret verifies', async () => {
    const rotated = await waping.webhooks.rotateSecret(webhookId);
    expect(rotated.secret).not.toBe(secret);
    const { eventId } = await waping.webhooks.test(webhookId);
    const delivery = await eventually(() => deliveries.find((d) => eventIdOf(d) === eventId));
    expect(String(delivery.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verifyWebhook(delivery.body, delivery.headers, secret).type).toBe('webhook.test');
    expect(verifyWebhook(delivery.body, delivery.headers, rotated.secret).type).toBe('webhook.test');
    expect(verifyWebhook(delivery.body, delivery.headers, ['whsec_AAAA', rotated.secret]).id).toBe(eventId);
    expect(() => verifyWebhook(delivery.body, delivery.headers, 'whsec_AAAA')).toThrow(
      WebhookVerificationError,
    );
  });
});

describe('webhooks.handler on Node http and Fastify', () => {
  async function endpointFor(url: string) {
    return waping.webhooks.create({ url, events: ['message.sent'] });
  }

  it('Node http: reads the raw stream, hands the typed event over, answers 204', async () => {
    const events: WebhookEvent[] = [];
    let secret = '';
    // The secret is known only once the endpoint exists: create it first, then listen.
    const node = createServer((req, res) =>
      waping.webhooks.handler({ secret, onEvent: (e) => void events.push(e) })(req, res),
    );
    await new Promise<void>((resolve) => node.listen(0, '127.0.0.1', resolve));
    try {
      const created = await endpointFor(`http://127.0.0.1:${(node.address() as AddressInfo).port}/hook`);
      secret = created.secret;
      const { eventId } = await waping.webhooks.test(created.webhook.id);
      await eventually(() => events.find((e) => e.id === eventId));
      expect(events.find((e) => e.id === eventId)!.type).toBe('webhook.test');
      // The answer is recorded after the receiver got the event: wait for the log to show it.
      await eventually(async () => {
        const [logged] = await waping.webhooks.deliveries(created.webhook.id).toArray();
        return logged?.status === 'succeeded' && logged.lastStatusCode === 204;
      });
      await waping.webhooks.delete(created.webhook.id);
    } finally {
      node.close();
    }
  });

  it('Fastify with a raw-body parser: verified events pass, a wrong secret answers 400', async () => {
    const events: WebhookEvent[] = [];
    const refused: string[] = [];
    const app: FastifyInstance = Fastify();
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) =>
      done(null, body),
    );
    let secret = '';
    app.post('/good', (req, reply) =>
      waping.webhooks.handler({ secret, onEvent: (e) => void events.push(e) })(req, reply),
    );
    app.post('/bad', (req, reply) =>
      waping.webhooks.handler({
        secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}`,
        onEvent: (e) => void events.push(e),
        onError: (e) => void refused.push(e.reason),
      })(req, reply),
    );
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const good = await endpointFor(`${base}/good`);
      secret = good.secret;
      const bad = await endpointFor(`${base}/bad`);
      const { eventId } = await waping.webhooks.test(good.webhook.id);
      await eventually(() => events.find((e) => e.id === eventId));
      await waping.webhooks.test(bad.webhook.id);
      await eventually(() => refused.length > 0);
      expect(refused[0]).toBe('bad_signature');
      const [badLog] = await waping.webhooks.deliveries(bad.webhook.id).toArray();
      await eventually(
        async () => (await waping.webhooks.delivery(bad.webhook.id, badLog!.id)).lastStatusCode === 400,
      );
    } finally {
      await app.close();
    }
  });
});
