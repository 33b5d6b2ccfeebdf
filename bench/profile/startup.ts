import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Api } from '../lib/api.js';
import { scratchDatabase, type BenchDialect } from '../lib/databases.js';
import { freePort } from '../lib/ports.js';
import { rssMb } from '../lib/proc.js';
import { sleep } from '../lib/stats.js';
import { startWaping } from '../lib/waping-process.js';
import { InspectorProfiler, type CpuProfile } from './inspector.js';

/** Self time by package (or Node subsystem) over a whole profile: what start-up spends its CPU on. */
export function byPackage(profile: CpuProfile): Array<{ name: string; ms: number }> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    let at: number | undefined = id;
    let frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') return;
    // Natives are charged to their nearest JS caller.
    while (frame.url === '' && at !== undefined && !frame.functionName.startsWith('(')) {
      at = parent.get(at);
      if (at !== undefined) frame = byId.get(at)!.callFrame;
    }
    const url = frame.url;
    const name = frame.functionName.startsWith('(')
      ? frame.functionName
      : url.includes('/src/')
        ? 'WAPing src/ (module bodies, migrations, start-up work)'
        : (/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
          (url.startsWith('node:')
            ? `node:${url.slice(5).split('/').slice(0, 2).join('/')}`
            : url || 'other'));
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].map(([name, ms]) => ({ name, ms: Math.round(ms) })).sort((a, b) => b.ms - a.ms);
}

/**
 * Start-up CPU by package (the process runs with --cpu-prof until /healthz answers and it is
 * stopped), then memory idle with one linked device, read through the inspector.
 */
export async function startupAndMemory(dialect: BenchDialect, outDir: string) {
  const db = await scratchDatabase(dialect, 'profilestart');
  try {
    // First start migrates; the profile is of a restart, the usual case.
    await (await startWaping(db)).stop();
    const name = `${dialect}-startup.cpuprofile`;
    const profiled = await startWaping(db, {
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${outDir}`, `--cpu-prof-name=${name}`],
    });
    await profiled.stop();
    const startup = byPackage(JSON.parse(readFileSync(join(outDir, name), 'utf8')) as CpuProfile);

    const port = await freePort();
    const server = await startWaping(db, { nodeOptions: `--inspect=127.0.0.1:${port}` });
    try {
      const api = new Api(server.url, server.headers);
      const device = await api.createDevice('idle');
      await api.link(device.id, '+15550009999');
      await sleep(5000);
      const inspector = await InspectorProfiler.attach(port);
      const usage = await inspector.send<{ result: { value: string } }>('Runtime.evaluate', {
        expression: 'JSON.stringify(process.memoryUsage())',
      });
      inspector.close();
      const memory = JSON.parse(usage.result.value) as Record<string, number>;
      const smaps = readFileSync(`/proc/${server.pid}/smaps_rollup`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(smaps)?.[1] ?? 0);
      const mb = (n: number) => Math.round(n / 2 ** 20);
      return {
        startup,
        memory: {
          rssMb: rssMb(server.pid),
          anonymousMb: Math.round(kb('Anonymous') / 1024),
          fileBackedMb: Math.round((kb('Rss') - kb('Anonymous')) / 1024),
          heapUsedMb: mb(memory.heapUsed!),
          heapTotalMb: mb(memory.heapTotal!),
          externalMb: mb(memory.external!),
        },
      };
    } finally {
      await server.stop();
    }
  } finally {
    await db.drop();
  }
}
