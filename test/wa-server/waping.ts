/**
 * A real `waping serve` process wired to the protocol test server: WAPing's Baileys engine connects
 * to `wa.url` (wss), trusts the test CA through NODE_EXTRA_CA_CERTS and the server's Noise root key
 * through the preload. Plus the API calls the protocol tests keep making.
 */
import { TEST_MASTER_KEY, eventually } from '../helpers/app.js';
import type { TestDatabase } from '../helpers/database.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import type { SimulatedPhone } from './phone.js';
import type { WaServer } from './server.js';

/** The bootstrap API key every protocol-test WAPing process is started with. */
export const WAPING_KEY = 'wap_protocol_test_key_000000000000001';

export interface ApiAnswer {
  status: number;
  // Untyped JSON from the API; each test reads the fields it asserts on.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export interface WapingProcess extends ServerProcess {
  api(method: string, path: string, body?: object): Promise<ApiAnswer>;
}

export async function startWaping(
  wa: WaServer,
  db: TestDatabase,
  env: Record<string, string> = {},
): Promise<WapingProcess> {
  const proc = await startServerProcess({
    WAPING_DATA_DIR: db.dataDir,
    WAPING_MASTER_KEY: TEST_MASTER_KEY,
    WAPING_API_KEY: WAPING_KEY,
    WAPING_SANDBOX: 'false',
    WAPING_WA_BACKOFF_BASE_MS: '200',
    ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
    ...wa.env(),
    ...env,
  });
  return {
    ...proc,
    api: async (method, path, body) => {
      const res = await fetch(`${proc.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${WAPING_KEY}`,
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : undefined };
    },
  };
}

/** Waits until the device has `status` (and returns the device). */
export async function deviceStatus(
  waping: WapingProcess,
  deviceId: string,
  status: string,
  timeoutMs = 30_000,
): Promise<{ status: string; statusReason?: string; phone?: string }> {
  return eventually(async () => {
    const { json } = await waping.api('GET', `/v1/devices/${deviceId}`);
    return json?.status === status ? json : undefined;
  }, timeoutMs);
}

/** Pacing that sends at once and shows no typing: the protocol tests are not about pacing. */
export const UNPACED = { minIntervalMs: 0, jitterMs: 0, perMinute: null, perDay: null, presence: false };

/** Creates a Baileys device, connects it and has `phone` scan its QR; returns it once connected. */
export async function linkByQr(
  waping: WapingProcess,
  phone: SimulatedPhone,
  options: { name?: string; pacing?: object } = {},
): Promise<string> {
  const { json: device } = await waping.api('POST', '/v1/devices', {
    name: options.name ?? 'Line',
    engine: 'baileys',
    pacing: options.pacing ?? UNPACED,
  });
  await waping.api('POST', `/v1/devices/${device.id}/connect`);
  const qr = await eventually(async () => {
    const res = await waping.api('GET', `/v1/devices/${device.id}/qr`);
    return res.status === 200 && typeof res.json?.qr === 'string' ? (res.json.qr as string) : undefined;
  }, 30_000);
  const online = phone.activations() + 1;
  await phone.scanQr(qr);
  await deviceStatus(waping, device.id, 'connected');
  await phone.waitForOnline(online);
  await phone.waitForFirstSync();
  return device.id as string;
}

/** The message's timeline statuses, oldest first. */
export async function timeline(waping: WapingProcess, messageId: string): Promise<string[]> {
  const { json } = await waping.api('GET', `/v1/messages/${messageId}`);
  return ((json?.timeline ?? []) as Array<{ status: string }>).map((h) => h.status);
}

export async function messageStatus(
  waping: WapingProcess,
  messageId: string,
  status: string,
  timeoutMs = 30_000,
) {
  return eventually(async () => {
    const { json } = await waping.api('GET', `/v1/messages/${messageId}`);
    return json?.status === status ? json : undefined;
  }, timeoutMs);
}

/** Accepts a text for sending through `deviceId`; returns the message id. */
export async function sendText(
  waping: WapingProcess,
  deviceId: string,
  to: string,
  body: string,
): Promise<string> {
  const res = await waping.api('POST', '/v1/messages', { deviceId, to, type: 'text', text: { body } });
  if (res.status !== 202) throw new Error(`send: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json.id as string;
}

/** Waits for the inbound message from `from` with `text`. */
export async function inboundMessage(waping: WapingProcess, from: string, text: string, timeoutMs = 30_000) {
  return eventually(async () => {
    const { json } = await waping.api(
      'GET',
      `/v1/messages?direction=in&to=${encodeURIComponent(from)}&limit=50`,
    );
    return (json?.data as Array<{ body: string }> | undefined)?.find((m) => m.body === text);
  }, timeoutMs);
}
