/**
 * `npm run bench [-- --quick] [--dialect sqlite|postgres|both] [--only a,b]`: WAPing measured as a
 * user runs it. The server is its own process, started like `npm start`; load comes from separate
 * autocannon processes; every rate is a ratio to the floor (bench/floor/server.ts) measured in the
 * same run, in a third process. Loopback only, every load bounded in time. Prints each figure as
 * it is measured and writes bench/results.json.
 */
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { scratchDatabase, type BenchDialect } from './lib/databases.js';
import { startFloor } from './lib/floor-process.js';
import { FloorPool } from './lib/floor-pool.js';
import { describeMachine } from './lib/machine.js';
import { loadAverage } from './lib/proc.js';
import { settingsFor, type BenchContext } from './lib/settings.js';
import { ROOT, startCommand } from './lib/start-command.js';
import { refloor } from './lib/summary.js';
import { acceptPath } from './scenarios/accept.js';
import { connectedPath } from './scenarios/connected.js';
import { handoffLatency } from './scenarios/handoff.js';
import { idleLines } from './scenarios/idle.js';
import { inboxList } from './scenarios/inbox.js';
import { scale } from './scenarios/scale.js';
import { soak } from './scenarios/soak.js';
import { startupAndIdle } from './scenarios/startup.js';
import { verifications } from './scenarios/verify.js';

const SCENARIOS = [
  'startup',
  'accept',
  'connected',
  'verify',
  'handoff',
  'scale',
  'idle',
  'soak',
  'inbox',
] as const;
type Scenario = (typeof SCENARIOS)[number];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    dialect: { type: 'string', default: 'sqlite' },
    only: { type: 'string' },
    out: { type: 'string', default: join(import.meta.dirname, 'results.json') },
  },
});
const dialects: BenchDialect[] =
  values.dialect === 'both' ? ['sqlite', 'postgres'] : [values.dialect as BenchDialect];
if (!dialects.every((d) => d === 'sqlite' || d === 'postgres'))
  throw new Error('--dialect is sqlite, postgres or both');
const only = new Set((values.only?.split(',') ?? SCENARIOS) as Scenario[]);
const settings = settingsFor(values.quick);

const machine = describeMachine();
const command = startCommand();
console.log(
  `${machine.cores} cores (${machine.model}), ${machine.memoryGb} GB, Node ${machine.node}, load ${machine.loadAtStart}; ` +
    `${settings.quick ? 'quick' : 'full'} mode; server started as: ${command.script}`,
);
// The steps `npm start` runs before the server (the dashboard build check): once, not timed.
for (const step of command.before) execSync(step, { cwd: ROOT, stdio: 'inherit' });

const began = Date.now();
const results: Record<string, unknown> = { machine, mode: settings.quick ? 'quick' : 'full', settings };
for (const dialect of dialects) {
  const floorDb = await scratchDatabase(dialect, 'floor');
  const floor = await startFloor(floorDb);
  const bench: BenchContext = {
    dialect,
    settings,
    floor: new FloorPool(floor, settings.seconds, settings.warmupSeconds),
    log: (line) => console.log(`[${dialect}] ${line}`),
  };
  const out: Record<string, unknown> = {};
  results[dialect] = out;
  // One failing scenario is reported and the others still run; results are saved after each.
  const scenario = async (name: Scenario, work: () => Promise<unknown>) => {
    if (!only.has(name)) return;
    try {
      out[name] = await work();
    } catch (err) {
      out[name] = { error: String((err as Error).stack ?? err).slice(0, 1000) };
      bench.log(`${name} failed: ${(err as Error).message}`);
    }
    writeFileSync(values.out, JSON.stringify(results, null, 2) + '\n');
  };
  try {
    await scenario('startup', () => startupAndIdle(bench));
    await scenario('accept', () => acceptPath(bench));
    await scenario('connected', () => connectedPath(bench));
    await scenario('verify', () => verifications(bench));
    await scenario('handoff', () => handoffLatency(bench));
    await scenario('scale', () => scale(bench));
    await scenario('idle', () => idleLines(bench));
    await scenario('soak', () => soak(bench));
    await scenario('inbox', () => inboxList(bench));
  } finally {
    await floor.stop();
    await floorDb.drop();
  }
  // Ratios against all floor runs of the dialect, now that they are all in.
  out.floor = Object.fromEntries(
    [...new Set([...settings.concurrencies, ...settings.otherConcurrencies])].map((c) => [
      c,
      bench.floor.summary(c),
    ]),
  );
  for (const key of ['accept', 'connected'] as const) {
    if (Array.isArray(out[key])) out[key] = (out[key] as never[]).map((f) => refloor(bench, f));
  }
  if (out.verify && !('error' in (out.verify as object))) {
    const v = out.verify as { create: never[]; check: never[] };
    out.verify = {
      create: v.create.map((f) => refloor(bench, f)),
      check: v.check.map((f) => refloor(bench, f)),
    };
  }
  console.log(`[${dialect}] floor: ${JSON.stringify(out.floor)}`);
}
results.loadAtEnd = loadAverage();
results.minutes = Math.round((Date.now() - began) / 6000) / 10;
writeFileSync(values.out, JSON.stringify(results, null, 2) + '\n');
console.log(`done in ${results.minutes} min (load ${results.loadAtEnd}); results in ${values.out}`);
