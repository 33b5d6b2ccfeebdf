/**
 * `npm run bench:profile [-- --dialect sqlite|postgres|both] [--seconds 15] [--connections 10]
 * [--statements 10]`:
 * where the time goes. CPU profiles of the server under load (accept path, connected path, new
 * verifications, and the accept path as login codes are sent; pick with `--paths`) summarised by component, mapped back to source files through
 * the bundle's maps, and SQL statements and transactions counted per accepted and per
 * delivered-to-read message, with the time each took inside SQLite.
 * Profiles are written to bench/profile/out/ for Chrome DevTools or speedscope.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchDialect } from '../lib/databases.js';
import { profilePath } from './cpu.js';
import { formatSummary, summarizeProfile } from './cpu-summary.js';
import { countMessages, countVerifications, type StatementCount } from './sql.js';
import { startupAndMemory } from './startup.js';

const { values } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    seconds: { type: 'string', default: '15' },
    /** Concurrent requests of the CPU profiles' load. */
    connections: { type: 'string', default: '10' },
    only: { type: 'string', default: 'cpu,sql,startup' },
    /** Which CPU profiles: accept, codes, connected, verify (all by default). */
    paths: { type: 'string' },
    /** With the SQL counts: this many statement texts, the costliest first, each with its time. */
    statements: { type: 'string', default: '0' },
  },
});
const dialects: BenchDialect[] =
  values.dialect === 'both' ? ['sqlite', 'postgres'] : [values.dialect as BenchDialect];
const outDir = join(import.meta.dirname, 'out');
mkdirSync(outDir, { recursive: true });
const parts = new Set(values.only.split(','));
const statements = Number(values.statements);

for (const dialect of dialects) {
  if (parts.has('cpu')) {
    const paths = (['accept', 'codes', 'connected', 'verify'] as const).filter(
      (p) => !values.paths || values.paths.split(',').includes(p),
    );
    for (const path of paths) {
      const connections = Number(values.connections);
      const { profile, file, ok } = await profilePath(
        dialect,
        path,
        Number(values.seconds),
        outDir,
        connections,
      );
      console.log(`\n[${dialect}] ${path} path, c=${connections}, ${ok} accepted; profile in ${file}`);
      console.log(formatSummary(summarizeProfile(profile, ok)));
    }
  }
  if (parts.has('startup')) {
    const { startup, memory } = await startupAndMemory(dialect, outDir);
    const total = startup.reduce((n, p) => n + p.ms, 0);
    console.log(`\n[${dialect}] start-up to /healthz and stop: ${total} ms of main-thread CPU; by package:`);
    for (const p of startup.slice(0, 15)) console.log(`  ${String(p.ms).padStart(6)} ms  ${p.name}`);
    console.log(`[${dialect}] idle with one linked device: ${JSON.stringify(memory)}`);
  }
  if (parts.has('sql')) {
    const counts = [...(await countMessages(dialect, 200)), ...(await countVerifications(dialect, 100))];
    for (const c of counts) console.log(formatCount(dialect, c));
  }
}

function formatCount(dialect: BenchDialect, c: StatementCount): string {
  const logged = c.loggedByPostgres
    ? ` (PostgreSQL's log: ${c.loggedByPostgres.statements} statements, ${c.loggedByPostgres.transactions} transactions)`
    : '';
  const time = c.sqliteMicros === undefined ? '' : `; ${c.sqliteMicros} µs inside SQLite`;
  return [
    `\n[${dialect}] per ${c.what} (${c.units}): ${c.statements} statements, ${c.transactions} transactions${logged}${time}`,
    ...c.byKind.map(
      (k) =>
        `  ${String(k.perUnit).padStart(6)}  ${k.microsPerUnit === undefined ? '' : `${String(k.microsPerUnit).padStart(6)} µs  `}${k.kind}`,
    ),
    ...(statements > 0 ? ['  costliest statements (per unit; µs per unit and per call):'] : []),
    ...c.byText
      .slice(0, statements)
      .map(
        (t) =>
          `  ${String(t.perUnit).padStart(6)}  ${t.microsPerUnit === undefined ? '' : `${String(t.microsPerUnit).padStart(6)} µs ${String(t.microsPerCall).padStart(6)} µs/call  `}${t.text.slice(0, 240)}`,
      ),
  ].join('\n');
}
