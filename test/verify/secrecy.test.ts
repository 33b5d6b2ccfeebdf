import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturingLogger, eventually } from '../helpers/app.js';
import { publishedEvents } from '../helpers/published.js';
import {
  check,
  codeIn,
  freshPhone,
  getVerification,
  startVerification,
  startVerifyKit,
  whatsappCode,
  wrongCode,
  type VerifyKit,
} from './kit.js';

const captured = capturingLogger();
let kit: VerifyKit;
const responses: string[] = [];

beforeAll(async () => {
  kit = await startVerifyKit({ deps: { logger: captured.logger } });
});
afterAll(async () => {
  await kit.close();
});

async function everyTextInTheDatabase(): Promise<string> {
  const db = kit.t.app.ctx.db;
  const tables =
    kit.t.app.ctx.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
      : await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
          db,
        );
  const dumps: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql`select * from ${sql.table(name)}`.execute(db);
    dumps.push(JSON.stringify(rows.rows));
  }
  return dumps.join('\n');
}

describe('the code stays secret', () => {
  it('is in no table, message log, event, response or log line', async () => {
    const codes: string[] = [];
    const request = async (options: Parameters<typeof kit.t.request>[0]) => {
      const res = await kit.t.request(options);
      responses.push(res.body);
      return res;
    };

    const to = freshPhone();
    const v1 = await startVerification(kit.t, { to, codeLength: 8 });
    const code1 = await whatsappCode(kit.t, to);
    codes.push(code1);
    await request({ method: 'POST', url: `/v1/verifications/${v1.id}/resend` });
    await eventually(
      async () => (await getVerification(kit.t, v1.id)).sendAttempts[1]?.status === 'delivered',
    );
    responses.push(JSON.stringify(await getVerification(kit.t, v1.id)));
    responses.push((await check(kit.t, v1.id, wrongCode(code1))).body);
    responses.push((await check(kit.t, v1.id, code1)).body);

    // Through every channel: WhatsApp fails, SMS fails, email delivers.
    const failing = '+15555550102';
    kit.twilio.failNext(500);
    const v2 = await startVerification(kit.t, {
      to: failing,
      codeLength: 8,
      channels: ['whatsapp', 'sms', 'email'],
      email: 'a@example.com',
    });
    const mail = await kit.smtp.waitForMessage((m) => m.to.includes('a@example.com'), 10_000);
    codes.push(codeIn(mail.text));
    await eventually(async () => (await getVerification(kit.t, v2.id)).channel === 'email');
    responses.push((await check(kit.t, v2.id, codes[1]!)).body);

    const v3 = await startVerification(kit.t, { to: freshPhone(), codeLength: 8, channels: ['sms'] });
    codes.push(codeIn((await kit.twilio.waitForRequest((r) => r.to === v3.to)).body));
    responses.push((await request({ method: 'GET', url: '/v1/verifications?limit=100' })).body);
    responses.push((await request({ method: 'GET', url: '/v1/messages?limit=100' })).body);

    const database = await everyTextInTheDatabase();
    // What the events carried: those published (a webhook gets the same), and any rows kept.
    const events = [
      ...publishedEvents(kit.t).map((e) => JSON.stringify(e.data)),
      ...(await kit.t.app.ctx.db.selectFrom('events').select('data').execute()).map((e) => e.data),
    ];
    expect(events.some((data) => data.includes(v2.id))).toBe(true);
    expect(captured.lines.length).toBeGreaterThan(0);
    for (const code of codes) {
      expect(code).toHaveLength(8);
      expect(database).not.toContain(code);
      expect(events.join('\n')).not.toContain(code);
      expect(responses.join('\n')).not.toContain(code);
      expect(captured.lines.join('')).not.toContain(code);
    }
    expect(database).toContain('•••••••• is your verification code.');
  });
});
