import { Api, inParallel } from '../lib/api.js';
import { gatherStatistics, scratchDatabase } from '../lib/databases.js';
import { load } from '../lib/load.js';
import { observe } from '../lib/observer.js';
import { rssMb, sampleProcess } from '../lib/proc.js';
import type { BenchContext } from '../lib/settings.js';
import { percentile, round, sleep } from '../lib/stats.js';
import { startWaping } from '../lib/waping-process.js';

export interface ScaleResult {
  devices: number;
  seconds: number;
  /** Hand-offs in the window against devices × seconds (one a second each). */
  handedOff: number;
  expected: number;
  /** How much later than its pacing allowed (previous hand-off + 1000 ms) each hand-off came. */
  latenessMs: { p50: number; p99: number; max: number };
  serverCpuCores: number;
  /**
   * Server CPU per hand-off (with its receipts): what one paced line costs whatever share of
   * the machine the server got, so devices × 1/s × this says how many cores the node needs.
   */
  cpuMsPerHandoff: number;
  rssBeforeMb: number;
  peakRssMb: number;
}

const PACING = { minIntervalMs: 1000, jitterMs: 0, perMinute: null, perDay: null, presence: false };

/**
 * Many paced lines on one node: N sandbox devices, each paced at one message a second with no
 * jitter, each with a backlog longer than the window so pacing is the only thing that holds it.
 * The backlog is queued while the phones are offline, then all reconnect and the window starts.
 */
export async function scale(bench: BenchContext): Promise<ScaleResult> {
  const { settings } = bench;
  const n = settings.scaleDevices;
  const db = await scratchDatabase(bench.dialect, 'scale');
  const server = await startWaping(db);
  try {
    const api = new Api(server.url, server.headers);
    const devices: string[] = [];
    await inParallel(
      Array.from({ length: n }, (_, i) => i),
      10,
      async (i) => {
        const { id } = await api.createDevice(`line ${i}`, PACING);
        await api.link(id, `+1555${String(9_000_000 + i).padStart(7, '0')}`);
        await api.dropPhone(id);
        devices.push(id);
      },
    );
    const perDevice = settings.scaleSeconds + 3;
    const requests = [];
    for (let k = 0; k < perDevice; k++) {
      for (const [i, deviceId] of devices.entries()) {
        const to = `+1555${String(8_000_000 + i).padStart(7, '0')}`;
        const body = { to, type: 'text', text: { body: `paced ${k}` }, deviceId, queueIfDisconnected: true };
        requests.push({ path: '/v1/messages', body });
      }
    }
    const filled = await load({
      url: server.url,
      method: 'POST',
      headers: server.headers,
      requests,
      connections: 10,
      seconds: 0,
    });
    if (filled.ok !== requests.length) throw new Error(`backlog not queued: ${JSON.stringify(filled)}`);
    // A node holding this backlog has had its statistics gathered by autovacuum long before.
    await gatherStatistics(db);
    await inParallel(devices, 20, (id) => api.reconnect(id));
    const rssBeforeMb = rssMb(server.pid);
    const windowStart = Date.now();
    const cpu = sampleProcess(server.pid);
    await sleep(settings.scaleSeconds * 1000);
    const windowEnd = Date.now();
    const usage = cpu.stop();

    const observer = await observe(db);
    const handoffs = await observer.handoffs(new Date(windowStart - 2000).toISOString());
    await observer.close();
    const byDevice = new Map<string, number[]>();
    for (const h of handoffs) byDevice.set(h.deviceId, [...(byDevice.get(h.deviceId) ?? []), h.at]);
    const lateness: number[] = [];
    let inWindow = 0;
    for (const times of byDevice.values()) {
      times.sort((a, b) => a - b);
      for (const [j, at] of times.entries()) {
        if (at < windowStart || at > windowEnd) continue;
        inWindow++;
        const previous = times[j - 1];
        if (previous !== undefined) lateness.push(at - (previous + PACING.minIntervalMs));
      }
    }
    const result: ScaleResult = {
      devices: n,
      seconds: settings.scaleSeconds,
      handedOff: inWindow,
      expected: n * settings.scaleSeconds,
      latenessMs: {
        p50: round(percentile(lateness, 50), 0),
        p99: round(percentile(lateness, 99), 0),
        max: Math.max(0, ...lateness),
      },
      serverCpuCores: usage.cpuCores,
      cpuMsPerHandoff: round((usage.cpuCores * (windowEnd - windowStart)) / Math.max(1, inWindow), 2),
      rssBeforeMb,
      peakRssMb: usage.peakRssMb,
    };
    bench.log(
      `scale: ${n} devices paced 1/s for ${settings.scaleSeconds} s: ${inWindow} of ${result.expected} hand-offs, lateness p50 ${result.latenessMs.p50} ms p99 ${result.latenessMs.p99} ms max ${result.latenessMs.max} ms; server ${usage.cpuCores} cores (${result.cpuMsPerHandoff} ms CPU per hand-off), RSS ${rssBeforeMb} → peak ${usage.peakRssMb} MB`,
    );
    return result;
  } finally {
    await server.stop();
    await db.drop();
  }
}
