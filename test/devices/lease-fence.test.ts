import { describe, expect } from 'vitest';
import { dbTime, isLeaseLost, type LeaseFence } from '../../src/cluster/leases.js';
import { setDeviceStatus } from '../../src/devices/status.js';
import { transitionMessage } from '../../src/messages/status.js';
import { eventually, startApp, type TestApp } from '../helpers/app.js';
import { publishedEvents } from '../helpers/published.js';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice, sendText } from '../helpers/sandbox.js';

const it = appTest();

async function leaseRow(t: TestApp, deviceId: string) {
  return t.app.ctx.db
    .selectFrom('device_leases')
    .selectAll()
    .where('device_id', '=', deviceId)
    .executeTakeFirst();
}

async function deviceRow(t: TestApp, deviceId: string) {
  return t.app.ctx.db.selectFrom('devices').selectAll().where('id', '=', deviceId).executeTakeFirstOrThrow();
}

async function refusal(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => new Error('the write went through'),
    (err: unknown) => err,
  );
}

/** A message accepted for the device and left `queued`: nobody runs the device any more. */
async function queuedMessage(t: TestApp, deviceId: string, text: string): Promise<string> {
  const res = await sendText(t, '+15550912345', text, { deviceId, queueIfDisconnected: true });
  expect(res.statusCode).toBe(202);
  return res.json<{ id: string }>().id;
}

describe('lease fencing', () => {
  it('refuses status writes and dispatch claims from a node whose lease another node took', async ({ t }) => {
    const deviceId = await linkSandboxDevice(t, { phone: '+15550061001' });
    const fence = t.app.supervisor.leaseOf(deviceId) as LeaseFence;
    expect(fence).toMatchObject({ deviceId, nodeId: t.app.ctx.nodeId });

    // Another node takes the lease (as if ours had run out while this node stalled).
    await t.app.ctx.db
      .updateTable('device_leases')
      .set((eb) => ({
        node_id: 'node-elsewhere',
        generation: eb('generation', '+', 1),
        expires_at: dbTime(t.app.ctx.dialect, 60_000),
      }))
      .where('device_id', '=', deviceId)
      .execute();

    const statusWrite = await refusal(
      setDeviceStatus(t.app.ctx, deviceId, 'disconnected', { reason: 'stale', fence }),
    );
    expect(isLeaseLost(statusWrite)).toBe(true);
    expect(await deviceRow(t, deviceId)).toMatchObject({ status: 'connected', status_reason: null });

    // At its next renewal this node finds the lease gone and stops the device without a word.
    await eventually(() => !t.app.supervisor.isRunning(deviceId));
    const messageId = await queuedMessage(t, deviceId, 'for the new holder');
    const claim = await refusal(
      transitionMessage(t.app.ctx, messageId, 'sending', { attemptsDelta: 1, fence }),
    );
    expect(isLeaseLost(claim)).toBe(true);
    const message = await t.app.ctx.db
      .selectFrom('messages')
      .select(['status', 'attempts'])
      .where('id', '=', messageId)
      .executeTakeFirstOrThrow();
    expect(message).toEqual({ status: 'queued', attempts: 0 });
    expect((await leaseRow(t, deviceId))?.node_id).toBe('node-elsewhere');

    // The same writes under the holder's fence go through.
    const current = (await leaseRow(t, deviceId))!;
    const holder: LeaseFence = { deviceId, nodeId: 'node-elsewhere', generation: current.generation };
    await transitionMessage(t.app.ctx, messageId, 'sending', { attemptsDelta: 1, fence: holder });
    expect((await deviceRow(t, deviceId)).status).toBe('connected');
    await setDeviceStatus(t.app.ctx, deviceId, 'disconnected', { reason: 'by the holder', fence: holder });
    expect(await deviceRow(t, deviceId)).toMatchObject({
      status: 'disconnected',
      status_reason: 'by the holder',
    });
  });

  it('refuses writes under a lease that expired, even when nobody took it yet', async ({ t }) => {
    const deviceId = await linkSandboxDevice(t, { phone: '+15550061002' });
    const fence = t.app.supervisor.leaseOf(deviceId) as LeaseFence;
    await t.app.ctx.db
      .updateTable('device_leases')
      .set({ expires_at: dbTime(t.app.ctx.dialect, -1000) })
      .where('device_id', '=', deviceId)
      .execute();
    const write = await refusal(setDeviceStatus(t.app.ctx, deviceId, 'qr', { fence }));
    expect(isLeaseLost(write)).toBe(true);
    expect((await deviceRow(t, deviceId)).status).not.toBe('qr');

    // The expired lease is free: this node (the only one) takes it back as a new generation, says
    // that the device was left unattended, and connects it again.
    await eventually(async () => {
      const next = t.app.supervisor.leaseOf(deviceId);
      return next !== undefined && next.generation > fence.generation;
    });
    // Its status was never anything but `connected`: wait for what the new start says.
    const events = await eventually(async () => {
      const rows = publishedEvents(t, (e) => e.type.startsWith('device.') && e.data.id === deviceId).sort(
        (a, b) => (a.id < b.id ? -1 : 1),
      );
      return rows.at(-1)?.type === 'device.connected' && rows.some((e) => e.type === 'device.disconnected')
        ? rows
        : undefined;
    });
    const disconnected = events.filter((e) => e.type === 'device.disconnected');
    expect(disconnected.map((e) => e.data.statusReason)).toEqual(['node_lost; reconnecting']);
    expect(events.map((e) => e.type).slice(-2)).toEqual(['device.disconnected', 'device.connected']);
    expect((await deviceRow(t, deviceId)).status).toBe('connected');
  });
});

describe('a clean shutdown', () => {
  it('marks its devices disconnected (node_shutdown) and frees their leases', async ({ db, t }) => {
    // This file's app stops running devices, so nothing takes the device over while we look.
    await t.app.supervisor.stop();
    const other = await startApp(db, { WAPING_NODE_ID: 'node-stopping' });
    const deviceId = await linkSandboxDevice(other, { phone: '+15550061003' });
    expect(other.app.supervisor.isRunning(deviceId)).toBe(true);
    await other.close();

    expect(await deviceRow(t, deviceId)).toMatchObject({
      status: 'disconnected',
      status_reason: 'node_shutdown; reconnecting',
    });
    const lease = (await leaseRow(t, deviceId))!;
    expect(lease.node_id).toBe('node-stopping');
    expect(lease.expires_at < new Date().toISOString()).toBe(true);
    const event = publishedEvents(
      other,
      (e) => e.type === 'device.disconnected' && e.data.id === deviceId,
    ).at(0);
    expect(event?.data).toMatchObject({
      status: 'disconnected',
      statusReason: 'node_shutdown; reconnecting',
    });
  });
});
