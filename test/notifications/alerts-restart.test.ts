import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/lib/time.js';
import { startSmtpServer, type FakeSmtpServer } from '../channels/helpers.js';
import { eventually, otherWorkspace, startApp, type TestApp } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { deviceEvent, fakeDevice, mailsAbout } from './kit.js';

let db: TestDatabase;
let smtp: FakeSmtpServer;
let t: TestApp | undefined;
// An hour of grace: a disconnect is never alerted within this test unless the clock moves on.
const ENV = { WAPING_ALERT_GRACE_SECONDS: '3600' };

async function restart(clock?: Clock): Promise<TestApp> {
  await t?.close();
  t = await startApp(db, { WAPING_SMTP_URL: smtp.url, ...ENV }, clock ? { clock } : {});
  return t;
}

beforeAll(async () => {
  db = await createTestDatabase();
  smtp = await startSmtpServer();
});

afterAll(async () => {
  await t?.close();
  await smtp?.close();
  await db?.drop();
});

describe('device alerts across restarts', () => {
  it('alerts a logout at once, and a restart neither repeats an alert nor forgets an incident', async () => {
    let app = await restart();
    const ws = await otherWorkspace(app);
    await app.request({
      method: 'PATCH',
      url: '/v1/workspace',
      key: ws.apiKey,
      payload: { alertRecipients: ['ops@example.com'] },
    });
    const dropped = fakeDevice('Dropped');
    const loggedOut = fakeDevice('Logged out');
    await deviceEvent(app, ws.workspaceId, dropped, 'device.disconnected');
    await deviceEvent(app, ws.workspaceId, loggedOut, 'device.logged_out');
    await smtp.waitForMessage((m) => m.text.includes(loggedOut.id), 10_000);
    // Within its hour of grace the disconnected device is tracked, not alerted.
    expect(mailsAbout(smtp, dropped)).toEqual([]);
    const tracked = await app.app.ctx.db
      .selectFrom('device_alerts')
      .select(['device_id', 'alerted_at'])
      .where('workspace_id', '=', ws.workspaceId)
      .execute();
    const alerted = Object.fromEntries(tracked.map((r) => [r.device_id, r.alerted_at !== null]));
    expect(alerted).toEqual({ [dropped.id]: false, [loggedOut.id]: true });

    // Two hours later, after a restart: the pending incident is alerted, the alerted one is not again.
    const later: Clock = { now: () => new Date(Date.now() + 2 * 3_600_000) };
    app = await restart(later);
    await smtp.waitForMessage((m) => m.text.includes(dropped.id), 10_000);
    await deviceEvent(app, ws.workspaceId, loggedOut, 'device.connected');
    await smtp.waitForMessage((m) => m.text.includes(loggedOut.id) && /connected again/.test(m.subject));
    expect(mailsAbout(smtp, loggedOut)).toHaveLength(2);
    expect(mailsAbout(smtp, dropped)).toHaveLength(1);

    await deviceEvent(app, ws.workspaceId, dropped, 'device.connected');
    await eventually(() => mailsAbout(smtp, dropped).length === 2);
  });

  it('retries an alert the mail server refused', async () => {
    const app = await restart();
    const ws = await otherWorkspace(app);
    await app.request({
      method: 'PATCH',
      url: '/v1/workspace',
      key: ws.apiKey,
      payload: { alertRecipients: ['ops@example.com'] },
    });
    smtp.failNext(451);
    const device = fakeDevice('Flaky mail');
    await deviceEvent(app, ws.workspaceId, device, 'device.logged_out');
    const postponed = await eventually(async () => {
      const row = await app.app.ctx.db
        .selectFrom('device_alerts')
        .selectAll()
        .where('device_id', '=', device.id)
        .executeTakeFirst();
      return row && row.alerted_at === null && Date.parse(row.alert_due_at) > Date.now() && row;
    });
    expect(postponed.reason).toBe('logged_out');
    expect(mailsAbout(smtp, device)).toEqual([]);
    // A minute later (by the clock), it goes out.
    await restart({ now: () => new Date(Date.now() + 2 * 60_000) });
    await smtp.waitForMessage((m) => m.text.includes(device.id), 10_000);
  });
});
