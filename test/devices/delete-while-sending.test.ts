import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import { idleSandboxDevice, sendText } from '../helpers/sandbox.js';

const it = appTest();

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Deleting a device canceled its queued messages, then deleted it. On PostgreSQL a send committed
// in between stayed `queued` forever with no device (the foreign key sets it to null), and the
// DELETE sometimes failed with a deadlock (500); on SQLite a send whose device was deleted after
// its check failed on the foreign key (500).
describe('a device deleted while messages are sent to it', () => {
  it('refuses each send or cancels it with the others, and the delete succeeds', async ({ t }) => {
    for (let round = 1; round <= 4; round++) {
      const { deviceId } = await idleSandboxDevice(t, `+1555000${String(round).padStart(4, '0')}`);
      const sends: Promise<{ statusCode: number; body: string }>[] = [];
      let deleted: Promise<{ statusCode: number; body: string }> | undefined;
      for (let i = 0; i < 30; i++) {
        sends.push(
          sendText(t, '+15551230001', `Round ${round} message ${i}`, { deviceId, queueIfDisconnected: true }),
        );
        if (i === 15) deleted = t.request({ method: 'DELETE', url: `/v1/devices/${deviceId}` });
        await pause(2);
      }
      const answers = await Promise.all(sends);
      expect((await deleted!).statusCode).toBe(204);
      for (const answer of answers) {
        if (answer.statusCode === 404) {
          expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'NOT_FOUND' } });
          continue;
        }
        expect(answer.statusCode, answer.body).toBe(202);
        const { id } = JSON.parse(answer.body) as { id: string };
        const message = (await t.request({ method: 'GET', url: `/v1/messages/${id}` })).json();
        expect(message).toMatchObject({ status: 'canceled', error: { code: 'DEVICE_DELETED' } });
      }
    }
  });
});
