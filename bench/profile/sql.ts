import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inParallel } from '../lib/api.js';
import { adminQuery, type BenchDialect } from '../lib/databases.js';
import { SEND_BODY } from '../lib/floor-pool.js';
import { linkedServer, type LinkedServer } from '../lib/linked-server.js';
import type { BenchContext } from '../lib/settings.js';
import { sleep } from '../lib/stats.js';
import { pgLoggedStatements, pgLogReadable, pgLogSize } from './sql-log.js';
import { diffByKind, TRANSACTION_STARTS } from './sql-kinds.js';

const COUNTER = join(import.meta.dirname, 'sql-counter.mjs');

export interface StatementCount {
  what: string;
  units: number;
  /** Per unit, counted in the server process (every statement better-sqlite3 or pg ran). */
  statements: number;
  transactions: number;
  byKind: Array<{ kind: string; perUnit: number; microsPerUnit?: number }>;
  /** SQLite only: µs per unit spent inside better-sqlite3, all statements, commits included. */
  sqliteMicros?: number;
  /** Every statement text run, the costliest first (SQLite: by time inside it; else by count). */
  byText: Array<{
    text: string;
    calls: number;
    perUnit: number;
    microsPerUnit?: number;
    microsPerCall?: number;
  }>;
  /** Per unit, as PostgreSQL logged them (postgres only, when its log is readable here). */
  loggedByPostgres?: { statements: number; transactions: number };
}

interface Snapshot {
  counts: Record<string, number>;
  /** Nanoseconds by statement text, SQLite only. */
  nanos: Record<string, number>;
  logAt?: number;
}

/** Statement counter and, on PostgreSQL, the server's log, read at one moment. */
class Counter {
  private seen = 0;
  constructor(
    private readonly linked: LinkedServer,
    private readonly file: string,
    private readonly pgLog: boolean,
  ) {}

  async snapshot(): Promise<Snapshot> {
    process.kill(this.linked.server.pid, 'SIGUSR2');
    for (let i = 0; i < 500; i++) {
      try {
        const data = JSON.parse(readFileSync(this.file, 'utf8')) as {
          snapshot: number;
          counts: Record<string, number>;
          nanos: Record<string, number>;
        };
        if (data.snapshot > this.seen) {
          this.seen = data.snapshot;
          return {
            counts: data.counts,
            nanos: data.nanos,
            ...(this.pgLog ? { logAt: pgLogSize() } : {}),
          };
        }
      } catch {
        // Not written yet.
      }
      await sleep(10);
    }
    throw new Error('the statement counter did not answer');
  }

  between(what: string, units: number, a: Snapshot, b: Snapshot): StatementCount {
    const kinds = diffByKind(a.counts, b.counts);
    const nanos = diffByKind(a.nanos, b.nanos);
    const total = [...kinds.values()].reduce((x, y) => x + y, 0);
    const totalNanos = [...nanos.values()].reduce((x, y) => x + y, 0);
    const micros = (ns: number) => Math.round(ns / units / 100) / 10;
    const begins = [...kinds].filter(([k]) => TRANSACTION_STARTS.has(k)).reduce((x, [, n]) => x + n, 0);
    const per = (n: number) => Math.round((n / units) * 100) / 100;
    const logged =
      a.logAt !== undefined && b.logAt !== undefined && this.linked.db.name
        ? pgLoggedStatements(this.linked.db.name, a.logAt, b.logAt)
        : undefined;
    return {
      what,
      units,
      statements: per(total),
      transactions: per(begins),
      byKind: [...kinds]
        .sort((x, y) => y[1] - x[1])
        .map(([kind, n]) => ({
          kind,
          perUnit: per(n),
          ...(totalNanos > 0 ? { microsPerUnit: micros(nanos.get(kind) ?? 0) } : {}),
        })),
      ...(totalNanos > 0 ? { sqliteMicros: micros(totalNanos) } : {}),
      byText: Object.keys(b.counts)
        .map((text) => {
          const calls = (b.counts[text] ?? 0) - (a.counts[text] ?? 0);
          const ns = (b.nanos[text] ?? 0) - (a.nanos[text] ?? 0);
          return {
            text: text.replace(/\s+/g, ' '),
            calls,
            perUnit: per(calls),
            ...(totalNanos > 0
              ? { microsPerUnit: micros(ns), microsPerCall: Math.round(ns / Math.max(1, calls) / 100) / 10 }
              : {}),
          };
        })
        .filter((t) => t.calls > 0)
        .sort((x, y) => (y.microsPerUnit ?? y.calls) - (x.microsPerUnit ?? x.calls)),
      ...(logged
        ? { loggedByPostgres: { statements: per(logged.statements), transactions: per(logged.begins) } }
        : {}),
    };
  }
}

async function counted(dialect: BenchDialect, label: string, env: Record<string, string> = {}) {
  const bench = { dialect, log: () => undefined } as unknown as BenchContext;
  // On PostgreSQL, the scratch database logs every statement: set before the server connects.
  const pgLog = dialect === 'postgres' && pgLogReadable();
  const file = join('/tmp', `waping-sql-${process.pid}-${dialect}-${label}.json`);
  rmSync(file, { force: true });
  const linked = await linkedServer(bench, label, {
    nodeOptions: `--import ${COUNTER}`,
    env: { ...env, BENCH_SQL_COUNT_FILE: file },
    beforeStart: pgLog
      ? (db) => adminQuery(`alter database ${db.name} set log_statement = 'all'`).then(() => undefined)
      : undefined,
  });
  return { linked, counter: new Counter(linked, file, pgLog) };
}

async function until(check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting for the server');
    await sleep(100);
  }
}

const send = (linked: LinkedServer, count: number, extra: Record<string, unknown> = {}) =>
  inParallel(
    Array.from({ length: count }, (_, i) => i),
    10,
    async () => {
      await linked.api.ok('POST', '/v1/messages', { ...SEND_BODY, ...extra });
    },
  );

/** Statements per accepted message (phone offline) and per message delivered through `read`. */
export async function countMessages(dialect: BenchDialect, units: number): Promise<StatementCount[]> {
  const results: StatementCount[] = [];
  {
    const { linked, counter } = await counted(dialect, 'sqlaccept');
    try {
      await linked.api.dropPhone(linked.deviceId);
      await send(linked, 20, { queueIfDisconnected: true });
      const a = await counter.snapshot();
      await send(linked, units, { queueIfDisconnected: true });
      results.push(counter.between('accepted message (phone offline)', units, a, await counter.snapshot()));
    } finally {
      await linked.close();
    }
  }
  {
    const { linked, counter } = await counted(dialect, 'sqlconnected');
    const read = async (n: number) => ((await linked.observer.statusCounts()).read ?? 0) >= n;
    try {
      await send(linked, 20);
      await until(() => read(20));
      const a = await counter.snapshot();
      await send(linked, units);
      await until(() => read(20 + units));
      results.push(
        counter.between('message accepted, sent, delivered, read', units, a, await counter.snapshot()),
      );
    } finally {
      await linked.close();
    }
  }
  return results;
}

/** Statements per verification created (with its WhatsApp message through `read`) and per right check. */
export async function countVerifications(dialect: BenchDialect, units: number): Promise<StatementCount[]> {
  const { linked, counter } = await counted(dialect, 'sqlverify', { WAPING_VERIFY_PER_MINUTE: '100000000' });
  const phone = (i: number) => `+1555${String(3_000_000 + i).padStart(7, '0')}`;
  const created: Array<{ id: string; to: string }> = [];
  const read = async (n: number) => ((await linked.observer.statusCounts()).read ?? 0) >= n;
  try {
    const create = (from: number, count: number) =>
      inParallel(
        Array.from({ length: count }, (_, i) => phone(from + i)),
        10,
        async (to) => {
          const { id } = await linked.api.ok<{ id: string }>('POST', '/v1/verifications', { to });
          created.push({ id, to });
        },
      );
    await create(0, 10);
    await until(() => read(10));
    const a = await counter.snapshot();
    await create(10, units);
    await until(() => read(10 + units));
    const b = await counter.snapshot();
    const checks: Array<{ id: string; code: string }> = [];
    for (const { id, to } of created.slice(10)) {
      const inbox = await linked.api.ok<{ data: Array<{ text: string }> }>(
        'GET',
        `/v1/sandbox/messages?to=${encodeURIComponent(to)}&limit=1`,
      );
      checks.push({ id, code: /\d{4,10}/.exec(inbox.data[0]?.text ?? '')?.[0] ?? '' });
    }
    const c = await counter.snapshot();
    await inParallel(checks, 10, async ({ id, code }) => {
      await linked.api.ok('POST', `/v1/verifications/${id}/check`, { code });
    });
    const d = await counter.snapshot();
    return [
      counter.between('verification created (code sent through read)', units, a, b),
      counter.between('verification checked (right code)', units, c, d),
    ];
  } finally {
    await linked.close();
  }
}
