/** The test-only switch that lets WAPING_WA_WS_URL be clear text says so loudly at start. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capturingLogger, startApp } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

const warnings = (lines: string[]) =>
  lines.map((line) => JSON.parse(line) as { level: number; msg: string }).filter((l) => l.level === 40);

describe('WAPING_WA_ALLOW_INSECURE_WS', () => {
  it('logs a warning at start when the switch is on', async () => {
    const { logger, lines } = capturingLogger();
    const t = await startApp(
      db,
      { WAPING_WA_WS_URL: 'ws://127.0.0.1:9/ws/chat', WAPING_WA_ALLOW_INSECURE_WS: 'true' },
      { logger },
    );
    await t.close();
    const found = warnings(lines).filter((l) => l.msg.includes('WAPING_WA_ALLOW_INSECURE_WS'));
    expect(found).toHaveLength(1);
    expect(found[0]!.msg).toContain('ws://127.0.0.1:9/ws/chat');
  });

  it('logs nothing of the kind when it is off', async () => {
    const { logger, lines } = capturingLogger();
    const t = await startApp(db, { WAPING_WA_WS_URL: 'wss://127.0.0.1:9/ws/chat' }, { logger });
    await t.close();
    expect(warnings(lines).filter((l) => l.msg.includes('WAPING_WA_'))).toEqual([]);
  });
});
