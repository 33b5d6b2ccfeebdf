import { gatherStatistics } from '../lib/databases.js';
import { SEND_BODY } from '../lib/floor-pool.js';
import { linkedServer } from '../lib/linked-server.js';
import { load, type MeasuredLoad } from '../lib/load.js';
import type { BenchContext } from '../lib/settings.js';
import { describe, figureOf, type RateFigure } from '../lib/summary.js';

/**
 * POST /v1/messages, accept path alone: the device's phone is offline and messages wait in its
 * queue (queueIfDisconnected), so no dispatch, receipt or event work competes with the requests.
 * Each run is followed by a floor run at the same concurrency.
 */
export async function acceptPath(bench: BenchContext): Promise<RateFigure[]> {
  const { settings, floor } = bench;
  const linked = await linkedServer(bench, 'accept');
  try {
    await linked.api.dropPhone(linked.deviceId);
    const figures: RateFigure[] = [];
    for (const connections of settings.concurrencies) {
      if (floor.summary(connections).runs === 0) await floor.measure(connections);
      const runs: MeasuredLoad[] = [];
      for (let i = 0; i < settings.repeats; i++) {
        runs.push(
          await load(
            {
              url: `${linked.server.url}/v1/messages`,
              method: 'POST',
              headers: linked.server.headers,
              body: { ...SEND_BODY, queueIfDisconnected: true },
              connections,
              seconds: settings.seconds,
              warmupSeconds: settings.warmupSeconds,
            },
            linked.server.pid,
            () => gatherStatistics(linked.db),
          ),
        );
        await floor.measure(connections);
      }
      const figure = figureOf(bench, connections, runs);
      bench.log(describe('accept path (device offline)', figure));
      figures.push(figure);
    }
    return figures;
  } finally {
    await linked.close();
  }
}
