import { sleep } from './stats.js';

/** The few calls the bench makes to set a scenario up, through the public API like any client. */
export class Api {
  constructor(
    readonly url: string,
    readonly headers: Record<string, string>,
  ) {}

  async call<T>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? { authorization: this.headers.authorization! } : this.headers),
        ...extraHeaders,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async ok<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.call<T>(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  createDevice(name: string, pacing?: Record<string, unknown>): Promise<{ id: string }> {
    return this.ok('POST', '/v1/devices', { name, ...(pacing ? { pacing } : {}) });
  }

  /** Connects a sandbox device and scans its QR: it is `connected` when this resolves. */
  async link(deviceId: string, phone: string): Promise<void> {
    await this.ok('POST', `/v1/devices/${deviceId}/connect`);
    for (let i = 0; ; i++) {
      const device = await this.ok<{ status: string }>('GET', `/v1/devices/${deviceId}`);
      if (device.status === 'qr') break;
      if (i > 500) throw new Error(`device ${deviceId} never showed a QR (${device.status})`);
      await sleep(10);
    }
    const scanned = await this.ok<{ status: string }>('POST', `/v1/sandbox/devices/${deviceId}/scan`, {
      phone,
    });
    if (scanned.status !== 'connected')
      throw new Error(`device ${deviceId} is ${scanned.status} after the scan`);
  }

  /** The simulated phone drops off and stays off. */
  async dropPhone(deviceId: string): Promise<void> {
    await this.ok('POST', `/v1/sandbox/devices/${deviceId}/disconnect`, { reason: 'bench' });
    await this.waitForStatus(deviceId, 'disconnected');
  }

  /** Reconnects a device whose phone dropped (the stored link is reused, no scan). */
  async reconnect(deviceId: string): Promise<void> {
    await this.ok('POST', `/v1/devices/${deviceId}/connect`);
  }

  async waitForStatus(deviceId: string, status: string): Promise<void> {
    for (let i = 0; i < 1000; i++) {
      const device = await this.ok<{ status: string }>('GET', `/v1/devices/${deviceId}`);
      if (device.status === status) return;
      await sleep(10);
    }
    throw new Error(`device ${deviceId} did not become ${status}`);
  }
}

/** Runs `work` over `items`, `concurrency` at a time. */
export async function inParallel<T>(
  items: T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index]!, index);
      }
    }),
  );
}
