import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/workspaces/users.js';
import { startSmtpServer, type FakeSmtpServer } from '../channels/helpers.js';
import { eventually, otherWorkspace, startApp, type TestApp } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { deviceEvent, fakeDevice, mailsAbout } from './kit.js';

let db: TestDatabase;
let smtp: FakeSmtpServer;
let t: TestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  smtp = await startSmtpServer();
  t = await startApp(db, { WAPING_SMTP_URL: smtp.url, WAPING_ALERT_GRACE_MS: '300' });
});

afterAll(async () => {
  await t?.close();
  await smtp?.close();
  await db?.drop();
});

async function workspaceWithRecipients(recipients: string[]) {
  const ws = await otherWorkspace(t);
  const res = await t.request({
    method: 'PATCH',
    url: '/v1/workspace',
    key: ws.apiKey,
    payload: { alertRecipients: recipients },
  });
  expect(res.statusCode).toBe(200);
  return ws;
}

describe('device alerts', () => {
  it('emails once after the grace period, once more on recovery, never twice per incident', async () => {
    const ws = await workspaceWithRecipients(['oncall@example.com', 'lead@example.com']);
    const device = fakeDevice('Support line');
    await deviceEvent(t, ws.workspaceId, device, 'device.disconnected');
    // Reconnect attempts that fail again are the same incident.
    await deviceEvent(t, ws.workspaceId, device, 'device.disconnected');
    const down = await smtp.waitForMessage((m) => m.text.includes(device.id), 10_000);
    expect(down.subject).toContain('"Support line"');
    expect(down.subject).toContain('disconnected');
    expect(down.subject).toContain(device.phone);
    expect([...down.to].sort()).toEqual(['lead@example.com', 'oncall@example.com']);
    await deviceEvent(t, ws.workspaceId, device, 'device.disconnected');

    await deviceEvent(t, ws.workspaceId, device, 'device.connected');
    const up = await smtp.waitForMessage(
      (m) => m.text.includes(device.id) && /connected again/.test(m.subject),
    );
    expect(up.to).toHaveLength(2);
    expect(mailsAbout(smtp, device).map((m) => m.subject)).toEqual([down.subject, up.subject]);
  });

  it('stays quiet for a blip shorter than the grace period', async () => {
    const ws = await workspaceWithRecipients(['oncall@example.com']);
    const blip = fakeDevice('Blip');
    await deviceEvent(t, ws.workspaceId, blip, 'device.disconnected');
    await deviceEvent(t, ws.workspaceId, blip, 'device.connected');
    // A later incident is alerted; by then the blip was long decided.
    const other = fakeDevice('Other');
    await deviceEvent(t, ws.workspaceId, other, 'device.disconnected');
    await smtp.waitForMessage((m) => m.text.includes(other.id), 10_000);
    expect(mailsAbout(smtp, blip)).toEqual([]);
    const open = await t.app.ctx.db
      .selectFrom('device_alerts')
      .selectAll()
      .where('device_id', '=', blip.id)
      .execute();
    expect(open).toEqual([]);
  });

  it('alerts a logout, to the owners and admins when no recipients are set', async () => {
    const ws = await otherWorkspace(t);
    const now = new Date();
    await createUser(t.app.ctx.db, {
      email: 'Owner@Example.com',
      password: 'correct horse battery',
      workspaceId: ws.workspaceId,
      role: 'owner',
      now,
    });
    await createUser(t.app.ctx.db, {
      email: 'agent@example.com',
      password: 'correct horse battery',
      workspaceId: ws.workspaceId,
      role: 'agent',
      now,
    });
    const device = fakeDevice('Sales');
    await deviceEvent(t, ws.workspaceId, device, 'device.logged_out');
    const mail = await smtp.waitForMessage((m) => m.text.includes(device.id), 10_000);
    expect(mail.subject).toMatch(/logged out/);
    expect(mail.text).toMatch(/scan a new QR code/);
    expect(mail.to).toEqual(['owner@example.com']);
    await deviceEvent(t, ws.workspaceId, device, 'device.connected');
    await eventually(() => mailsAbout(smtp, device).length === 2);
  });
});
