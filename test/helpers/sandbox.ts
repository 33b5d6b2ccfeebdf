import type { LeaseFence } from '../../src/cluster/leases.js';
import type { TestApp } from './app.js';
import { eventually } from './app.js';

/** Adds a sandbox device, connects it and simulates the scan: the device is `connected` on return. */
export async function linkSandboxDevice(
  t: TestApp,
  options: { phone?: string; name?: string; key?: string; pacing?: object } = {},
): Promise<string> {
  const key = options.key;
  const created = await t.request({
    method: 'POST',
    url: '/v1/devices',
    payload: { name: options.name ?? 'Line', ...(options.pacing ? { pacing: options.pacing } : {}) },
    key,
  });
  if (created.statusCode !== 201) throw new Error(`create device: ${created.statusCode} ${created.body}`);
  const id = created.json<{ id: string }>().id;
  await t.request({ method: 'POST', url: `/v1/devices/${id}/connect`, key });
  await eventually(
    async () =>
      (await t.request({ method: 'GET', url: `/v1/devices/${id}`, key })).json<{ status: string }>()
        .status === 'qr',
  );
  const scan = await t.request({
    method: 'POST',
    url: `/v1/sandbox/devices/${id}/scan`,
    payload: { phone: options.phone ?? '+15550009999' },
    key,
  });
  if (scan.statusCode !== 200) throw new Error(`scan: ${scan.statusCode} ${scan.body}`);
  await eventually(
    async () =>
      (await t.request({ method: 'GET', url: `/v1/devices/${id}`, key })).json<{ status: string }>()
        .status === 'connected',
  );
  return id;
}

export async function sendText(t: TestApp, to: string, body: string, extra: Record<string, unknown> = {}) {
  return t.request({
    method: 'POST',
    url: '/v1/messages',
    payload: { to, type: 'text', text: { body }, ...extra },
  });
}

export async function messageStatus(t: TestApp, id: string): Promise<string> {
  return (await t.request({ method: 'GET', url: `/v1/messages/${id}` })).json<{ status: string }>().status;
}

export async function waitForStatus(
  t: TestApp,
  id: string,
  status: string,
  timeoutMs = 10_000,
): Promise<void> {
  await eventually(async () => (await messageStatus(t, id)) === status, timeoutMs);
}

/**
 * A linked sandbox device whose phone dropped, and its lease: its own dispatcher claims nothing,
 * so a test can claim, record and apply receipts for its messages itself.
 */
export async function idleSandboxDevice(t: TestApp, phone: string) {
  const deviceId = await linkSandboxDevice(t, { phone });
  await t.request({ method: 'POST', url: `/v1/sandbox/devices/${deviceId}/disconnect` });
  await eventually(
    async () =>
      (await t.request({ method: 'GET', url: `/v1/devices/${deviceId}` })).json().status === 'disconnected',
  );
  return { deviceId, fence: t.app.supervisor.leaseOf(deviceId) as LeaseFence };
}
