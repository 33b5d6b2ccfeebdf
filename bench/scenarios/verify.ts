import { gatherStatistics } from '../lib/databases.js';
import { inParallel } from '../lib/api.js';
import { linkedServer, type LinkedServer } from '../lib/linked-server.js';
import { load, type MeasuredLoad } from '../lib/load.js';
import type { BenchContext } from '../lib/settings.js';
import { sleep } from '../lib/stats.js';
import { describe, figureOf, type RateFigure } from '../lib/summary.js';

export interface VerifyFigures {
  create: RateFigure[];
  check: RateFigure[];
}

// The abuse limits would be what is measured otherwise; every request also uses a fresh number.
const ENV = { WAPING_VERIFY_PER_MINUTE: '100000000' };
const phone = (n: number) => `+1555${String(n % 10_000_000).padStart(7, '0')}`;

/** Waits until the dispatcher has handed off everything queued (bounded). */
async function drained(linked: LinkedServer, timeoutMs = 180_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while ((await linked.observer.queueDepth()) > 0) {
    if (Date.now() > until) throw new Error('the queue did not drain');
    await sleep(250);
  }
}

/** Creates `count` verifications outside the measurement and reads each code from the sandbox inbox. */
async function pendingChecks(linked: LinkedServer, count: number, firstNumber: number) {
  const created: Array<{ id: string; to: string }> = [];
  await inParallel(
    Array.from({ length: count }, (_, i) => phone(firstNumber + i)),
    10,
    async (to) => {
      const { id } = await linked.api.ok<{ id: string }>('POST', '/v1/verifications', { to });
      created.push({ id, to });
    },
  );
  await drained(linked);
  const checks: Array<{ path: string; body: { code: string } }> = [];
  await inParallel(created, 10, async ({ id, to }) => {
    const inbox = await linked.api.ok<{ data: Array<{ text: string }> }>(
      'GET',
      `/v1/sandbox/messages?to=${encodeURIComponent(to)}&limit=1`,
    );
    const code = /\d{4,10}/.exec(inbox.data[0]?.text ?? '')?.[0];
    // A code the dispatcher did not hand off within the channel timeout never reaches the inbox.
    if (code) checks.push({ path: `/v1/verifications/${id}/check`, body: { code } });
  });
  return { checks, undelivered: count - checks.length };
}

/**
 * POST /v1/verifications (each also queues a WhatsApp message, dispatched while the load runs),
 * then the check with the right code on verifications created beforehand.
 */
export async function verifications(bench: BenchContext): Promise<VerifyFigures> {
  const { settings, floor } = bench;
  const create: RateFigure[] = [];
  const check: RateFigure[] = [];
  for (const connections of settings.otherConcurrencies) {
    const linked = await linkedServer(bench, `verify${connections}`, { env: ENV });
    try {
      if (floor.summary(connections).runs === 0) await floor.measure(connections);
      const runs: MeasuredLoad[] = [];
      for (let i = 0; i < settings.repeats; i++) {
        runs.push(
          await load(
            {
              url: `${linked.server.url}/v1/verifications`,
              method: 'POST',
              headers: linked.server.headers,
              body: { to: phone(0) },
              freshPhones: { start: (i + 1) * 1_000_000 },
              connections,
              seconds: settings.seconds,
              warmupSeconds: settings.warmupSeconds,
            },
            linked.server.pid,
            () => gatherStatistics(linked.db),
          ),
        );
        await drained(linked);
        await floor.measure(connections);
      }
      const created = figureOf(bench, connections, runs);
      bench.log(describe('POST /v1/verifications', created));
      create.push(created);

      // As many right codes again, checked first and not counted: the check's own code is
      // compiled by then, as the other runs' is by their warm-up.
      const warmUp = await pendingChecks(linked, settings.checks, 4_000_000);
      const { checks, undelivered } = await pendingChecks(linked, settings.checks, 5_000_000);
      if (undelivered > 0)
        bench.log(`${undelivered} of ${settings.checks} codes never reached the sandbox inbox`);
      if (checks.length === 0) continue;
      const checkLoad = (requests: typeof checks) =>
        load(
          {
            url: linked.server.url,
            method: 'POST',
            headers: linked.server.headers,
            requests,
            connections,
            seconds: 0,
          },
          linked.server.pid,
        );
      await checkLoad(warmUp.checks);
      await gatherStatistics(linked.db);
      const run = await checkLoad(checks);
      const checked = figureOf(bench, connections, [run]);
      bench.log(describe(`check (${checks.length} right codes)`, checked));
      check.push(checked);
    } finally {
      await linked.close();
    }
    await floor.measure(connections);
  }
  return { create, check };
}
