import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';

const it = appTest();

// A device's PATCH read the device before its transaction and wrote the name and the whole pacing
// back: a rename in the dashboard at the moment the API changed the pace undid the new pace.
describe("a device's changes made at once", () => {
  it('keep every change', async ({ t }) => {
    const created = await t.request({ method: 'POST', url: '/v1/devices', payload: { name: 'Line' } });
    const { id } = created.json<{ id: string }>();
    for (let round = 1; round <= 3; round++) {
      const patches = [
        { name: `Front desk ${round}` },
        { pacing: { perMinute: 10 + round } },
        { pacing: { perDay: 300 + round } },
        { pacing: { minIntervalMs: 2000 + round } },
      ];
      const answers = await Promise.all(
        patches.map((payload) => t.request({ method: 'PATCH', url: `/v1/devices/${id}`, payload })),
      );
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
      const device = await t.request({ method: 'GET', url: `/v1/devices/${id}` });
      expect(device.json()).toMatchObject({
        name: `Front desk ${round}`,
        pacing: { perMinute: 10 + round, perDay: 300 + round, minIntervalMs: 2000 + round },
      });
    }
  });
});
