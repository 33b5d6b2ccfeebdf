import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { AppDeps } from '../../src/app.js';
import type { Clock } from '../../src/lib/time.js';
import {
  startFakeTwilio,
  startSmtpServer,
  type FakeSmtpServer,
  type FakeTwilio,
} from '../channels/helpers.js';
import { eventually, startApp, type TestApp } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { publishedEvents } from '../helpers/published.js';
import { transactionsOpenedBy } from '../helpers/transactions.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';

export interface VerifyKit {
  t: TestApp;
  db: TestDatabase;
  twilio: FakeTwilio;
  smtp: FakeSmtpServer;
  deviceId: string | null;
  /** The environment the app was started with, to restart it the same way. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export interface KitOptions {
  env?: Record<string, string>;
  deps?: AppDeps;
  /** Leave SMS or email unconfigured, to see the channel skipped. */
  sms?: boolean;
  email?: boolean;
  device?: boolean;
}

/** The app with a linked sandbox device, a real SMTP server and a fake Twilio on loopback. */
export async function startVerifyKit(options: KitOptions = {}): Promise<VerifyKit> {
  const db = await createTestDatabase();
  const twilio = await startFakeTwilio();
  const smtp = await startSmtpServer();
  const env: Record<string, string> = { ...options.env };
  if (options.email !== false) env.WAPING_SMTP_URL = smtp.url;
  if (options.sms !== false) {
    Object.assign(env, {
      WAPING_SMS_PROVIDER: 'twilio',
      WAPING_TWILIO_ACCOUNT_SID: twilio.accountSid,
      WAPING_TWILIO_AUTH_TOKEN: twilio.authToken,
      WAPING_TWILIO_FROM: '+15550001111',
      WAPING_TWILIO_BASE_URL: twilio.baseUrl,
    });
  }
  const t = await startApp(db, env, options.deps ?? {});
  const deviceId = options.device === false ? null : await linkSandboxDevice(t);
  const kit: VerifyKit = {
    t,
    db,
    twilio,
    smtp,
    deviceId,
    env,
    async close() {
      // The test may have restarted the app: close the one running now.
      await kit.t.close();
      await twilio.close();
      await smtp.close();
      await db.drop();
    },
  };
  return kit;
}

/** One kit for a whole test file: started before its tests, closed after them. */
export function verifyKitPerFile(options: KitOptions = {}): () => VerifyKit {
  let kit: VerifyKit | undefined;
  beforeAll(async () => {
    kit = await startVerifyKit(options);
  });
  afterAll(async () => {
    await kit?.close();
  });
  return () => {
    if (!kit) throw new Error('the kit starts before the tests');
    return kit;
  };
}

let counter = Math.floor(Math.random() * 1_000_000);
/** A fresh ordinary number per test, so the per-destination limits of one test do not touch another. */
export const freshPhone = () => `+1555${String(1_000_000 + (counter++ % 8_000_000)).padStart(7, '0')}`;

/** A clock tests can move forward (expiry) while timers keep running in real time. */
export function movableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms) => (offset += ms) };
}

export interface VerificationJson {
  id: string;
  to: string;
  status: string;
  channel: string | null;
  expiresAt: string;
  createdAt: string;
  remainingAttempts: number;
  sendAttempts: Array<{
    channel: string;
    status: string;
    messageId?: string;
    reason?: string;
    detail?: string;
  }>;
}

export async function createVerification(t: TestApp, payload: object): Promise<LightMyRequestResponse> {
  return t.request({ method: 'POST', url: '/v1/verifications', payload });
}

/** `POST /v1/verifications` to `to` with an Idempotency-Key. */
export const createWithKey = (t: TestApp, key: string, to: string): Promise<LightMyRequestResponse> =>
  t.request({
    method: 'POST',
    url: '/v1/verifications',
    payload: { to },
    headers: { 'idempotency-key': key },
  });

/** The workspace's usage this month, as the API shows it. */
export const usageOf = async (t: TestApp) =>
  (await t.request({ method: 'GET', url: '/v1/workspace' })).json().usage as {
    messagesSent: number;
    verifications: number;
  };

/** Transactions a new verification opens while `work` runs (on SQLite, the shared one it joins). */
export const verificationTransactions = (t: TestApp, work: () => Promise<void>): Promise<number> =>
  transactionsOpenedBy(
    t.app.ctx.db,
    ['/src/verify/', '/src/messages/send.ts', '/src/db/grouped-transactions.ts'],
    work,
  );

export async function startVerification(t: TestApp, payload: object): Promise<VerificationJson> {
  const res = await createVerification(t, payload);
  if (res.statusCode !== 201) throw new Error(`create verification: ${res.statusCode} ${res.body}`);
  return res.json<VerificationJson>();
}

export async function getVerification(t: TestApp, id: string): Promise<VerificationJson> {
  return (await t.request({ method: 'GET', url: `/v1/verifications/${id}` })).json<VerificationJson>();
}

export async function check(t: TestApp, id: string, code: string): Promise<LightMyRequestResponse> {
  return t.request({ method: 'POST', url: `/v1/verifications/${id}/check`, payload: { code } });
}

export const codeIn = (text: string): string => {
  const match = /\d{4,10}/.exec(text);
  if (!match) throw new Error(`no code in "${text}"`);
  return match[0];
};

/** The texts the simulated recipient got on WhatsApp, newest first. */
export async function inbox(t: TestApp, to: string): Promise<string[]> {
  const res = await t.request({ method: 'GET', url: `/v1/sandbox/messages?to=${encodeURIComponent(to)}` });
  return res.json<{ data: Array<{ text: string }> }>().data.map((m) => m.text);
}

/** The code from the newest WhatsApp message to `to`, once it arrived. */
export async function whatsappCode(t: TestApp, to: string, nth = 1): Promise<string> {
  const texts = await eventually(async () => {
    const got = await inbox(t, to);
    return got.length >= nth ? got : undefined;
  });
  return codeIn(texts[0]!);
}

/** A wrong code of the right length: the real one with its first digit changed. */
export const wrongCode = (code: string): string => `${(Number(code[0]) + 1) % 10}${code.slice(1)}`;

/** A verification's events of a type, as published, in id order. */
export async function eventsOf(t: TestApp, type: string, verificationId: string) {
  return publishedEvents(t, (e) => e.type === type && e.data.id === verificationId)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((e) => e.data);
}
