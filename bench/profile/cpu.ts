import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchDialect } from '../lib/databases.js';
import { SEND_BODY } from '../lib/floor-pool.js';
import { linkedServer } from '../lib/linked-server.js';
import { load } from '../lib/load.js';
import { freePort } from '../lib/ports.js';
import type { BenchContext } from '../lib/settings.js';
import { InspectorProfiler, type CpuProfile } from './inspector.js';

export type ProfiledPath = 'accept' | 'codes' | 'connected' | 'verify';

/**
 * A CPU profile of the server process under load (c=10 unless told): POST /v1/messages on the
 * accept path alone (phone offline), the same as login codes are sent (a new number and an
 * Idempotency-Key each) or with the device connected, or POST /v1/verifications.
 * Taken over the load window only.
 */
export async function profilePath(
  dialect: BenchDialect,
  path: ProfiledPath,
  seconds: number,
  outDir: string,
  connections = 10,
): Promise<{ profile: CpuProfile; file: string; ok: number }> {
  const port = await freePort();
  const bench = { dialect, log: () => undefined } as unknown as BenchContext;
  const linked = await linkedServer(bench, `profile${path}`, {
    nodeOptions: `--inspect=127.0.0.1:${port}`,
    // The abuse limit would be what is measured otherwise.
    ...(path === 'verify' ? { env: { WAPING_VERIFY_PER_MINUTE: '100000000' } } : {}),
  });
  try {
    const offline = path === 'accept' || path === 'codes';
    if (offline) await linked.api.dropPhone(linked.deviceId);
    const target =
      path === 'verify'
        ? { url: `${linked.server.url}/v1/verifications`, body: { to: '+15550000000' } }
        : {
            url: `${linked.server.url}/v1/messages`,
            body: { ...SEND_BODY, ...(offline ? { queueIfDisconnected: true } : {}) },
          };
    const spec = {
      ...target,
      method: 'POST' as const,
      headers: linked.server.headers,
      connections,
      ...(path === 'codes' ? { uniqueHeader: 'idempotency-key' } : {}),
    };
    // Verifications and codes go to fresh numbers, the measured run's apart from the warm-up's.
    const fresh = path === 'verify' || path === 'codes';
    const numbers = (start: number) => (fresh ? { freshPhones: { start } } : {});
    await load({ ...spec, seconds: 2, ...numbers(1_000_000) });
    const profiler = await InspectorProfiler.attach(port);
    await profiler.start();
    const run = await load({ ...spec, seconds, ...numbers(5_000_000) });
    const profile = await profiler.stop();
    profiler.close();
    const file = join(outDir, `${dialect}-${path}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    return { profile, file, ok: run.ok };
  } finally {
    await linked.close();
  }
}
