// Preloaded into the server (NODE_OPTIONS=--import) by `npm run bench:profile` only: counts every
// SQL statement the process executes, on SQLite (better-sqlite3) and PostgreSQL (pg), by text, and
// on SQLite the time each took (the call into better-sqlite3, which runs the statement to its end
// on the main thread; a pg query's time is a round trip, not work, so it is not timed).
// On SIGUSR2 it writes both to BENCH_SQL_COUNT_FILE. Nothing in src/ knows about it.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';
import { URL } from 'node:url';

// Resolved from the project root, so these are the very modules the server imports.
const require = createRequire(new URL('../../package.json', import.meta.url));
const counts = new Map();
const nanos = new Map();
const count = (sql) => {
  const text = String(sql ?? '').trim();
  counts.set(text, (counts.get(text) ?? 0) + 1);
  return text;
};

const SQLite = require('better-sqlite3');
const probe = new SQLite(':memory:');
const Statement = Object.getPrototypeOf(probe.prepare('select 1'));
probe.close();
for (const method of ['run', 'get', 'all', 'iterate']) {
  const original = Statement[method];
  Statement[method] = function (...args) {
    const text = count(this.source);
    const started = process.hrtime.bigint();
    try {
      return original.apply(this, args);
    } finally {
      nanos.set(text, (nanos.get(text) ?? 0) + Number(process.hrtime.bigint() - started));
    }
  };
}

const pg = require('pg');
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, values, callback) {
  count(typeof config === 'string' ? config : config?.text);
  return query.call(this, config, values, callback);
};

let snapshot = 0;
process.on('SIGUSR2', () => {
  snapshot++;
  writeFileSync(
    process.env.BENCH_SQL_COUNT_FILE,
    JSON.stringify({ snapshot, counts: Object.fromEntries(counts), nanos: Object.fromEntries(nanos) }),
  );
});
