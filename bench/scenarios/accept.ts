import { gatherStatistics } from '../lib/databases.js';
import { SEND_BODY } from '../lib/floor-pool.js';
import { linkedServer } from '../lib/linked-server.js';
import { load, type MeasuredLoad } from '../lib/load.js';
import type { BenchContext } from '../lib/settings.js';
import { describe, figureOf, type RateFigure } from '../lib/summary.js';

/**
 * POST /v1/messages, accept path alone: the device's phone is offline and messages wait in its
 * queue (queueIfDisconnected), so no dispatch, receipt or event work competes with the requests.
 * Each run is followed by a floor run at the same concurrency. Then the same at 10 concurrent
 * requests as a backend sends login codes: each to a number of its own, with an `Idempotency-Key`
 * of its own, whose record is written with the message, in a transaction.
 */
export async function acceptPath(bench: BenchContext): Promise<RateFigure[]> {
  const { settings, floor } = bench;
  const linked = await linkedServer(bench, 'accept');
  try {
    await linked.api.dropPhone(linked.deviceId);
    const figures: RateFigure[] = [];
    const measure = async (connections: number, label: string, codes = false) => {
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
              ...(codes ? { uniqueHeader: 'idempotency-key', freshPhones: { start: 2_000_000 } } : {}),
            },
            linked.server.pid,
            () => gatherStatistics(linked.db),
          ),
        );
        await floor.measure(connections);
      }
      const figure = { ...figureOf(bench, connections, runs), label };
      bench.log(describe(label, figure));
      figures.push(figure);
    };
    for (const connections of settings.concurrencies)
      await measure(connections, 'accept path (device offline)');
    await measure(10, 'accept path, codes: a new number and an Idempotency-Key each (device offline)', true);
    return figures;
  } finally {
    await linked.close();
  }
}
