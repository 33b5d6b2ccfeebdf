import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { load } from '../../bench/lib/load.js';

// On PostgreSQL the bench gathers the planner's statistics between a run's warm-up and its
// measured part (bench/lib/databases.ts, gatherStatistics): the load process must stop sending
// while that runs and measure only after it.
describe('a bench load with work after its warm-up', () => {
  it('runs the work between the warm-up and the measured run, with no request in flight', async () => {
    let served = 0;
    const server = createServer((_request, response) => {
      served++;
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      let servedAtPause = -1;
      let servedDuringPause = -1;
      const result = await load(
        {
          url: `http://127.0.0.1:${port}/`,
          method: 'GET',
          headers: {},
          connections: 2,
          seconds: 1,
          warmupSeconds: 1,
        },
        undefined,
        async () => {
          servedAtPause = served;
          await new Promise((resolve) => setTimeout(resolve, 300));
          servedDuringPause = served - servedAtPause;
        },
      );
      expect(servedAtPause).toBeGreaterThan(0);
      expect(servedDuringPause).toBe(0);
      expect(result.ok).toBeGreaterThan(0);
      // The measured run's answers came after the pause; at most one a connection was still on
      // its way when the run's time was up, served but not counted.
      expect(served - servedAtPause - result.ok).toBeGreaterThanOrEqual(0);
      expect(served - servedAtPause - result.ok).toBeLessThanOrEqual(2);
    } finally {
      server.close();
    }
  });
});
