import { describe, expect } from 'vitest';
import { formatLogLine } from '../src/lib/readable-log.js';
import { nextStep } from '../src/server.js';
import { createUser } from '../src/workspaces/users.js';
import { appTest } from './helpers/fixture.js';

const it = appTest();

describe('a first run in a terminal', () => {
  it('says what to do next: create the owner first, sign in once there is one', async ({ t }) => {
    const url = 'http://localhost:3000';
    expect(await nextStep(t.app.ctx.db, url)).toContain(`open ${url}/ to create the owner account`);
    await createUser(t.app.ctx.db, {
      email: 'o@example.com',
      password: 'long enough password',
      workspaceId: t.workspaceId,
      role: 'owner',
      now: new Date(),
    });
    expect(await nextStep(t.app.ctx.db, url)).toContain(`sign in at ${url}/`);
  });

  it('turns a JSON log line into a readable one, and leaves other text alone', () => {
    const line = JSON.stringify({
      level: 40,
      time: Date.parse('2026-01-02T03:04:05Z'),
      pid: 1,
      hostname: 'h',
      msg: 'device disconnected',
      deviceId: 'dev_1',
      reason: 'phone offline',
    });
    expect(formatLogLine(line)).toBe(
      '03:04:05 WARN  device disconnected deviceId=dev_1 reason="phone offline"\n',
    );
    expect(formatLogLine('not json')).toBe('not json\n');
  });
});
