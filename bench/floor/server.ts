/**
 * The floor: what one accepted request cannot go below on this machine. Bare Fastify (no logger,
 * no hooks, no schemas), the same JSON body as POST /v1/messages, and one insert prepared once:
 * on SQLite into a file with WAPing's pragmas, on PostgreSQL over a pool of WAPing's size.
 * Run as its own process by the bench; configured by FLOOR_* variables.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';

interface Body {
  to: string;
  text: { body: string };
}
type Insert = (id: string, phone: string, body: string, at: string) => Promise<void> | void;

const TABLE =
  'create table if not exists floor_messages (id text primary key, phone text not null, body text not null, created_at text not null)';
const INSERT = 'insert into floor_messages (id, phone, body, created_at) values ($1, $2, $3, $4)';

function sqliteInsert(dir: string): Insert {
  const db = new SQLite(join(dir, 'floor.db'));
  // The same pragmas as src/db/database.ts.
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(TABLE);
  const statement = db.prepare(INSERT.replace(/\$\d/g, '?'));
  return (id, phone, body, at) => {
    statement.run(id, phone, body, at);
  };
}

async function postgresInsert(url: string): Promise<Insert> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query(TABLE);
  // A named query is prepared once per connection and then only executed.
  return async (id, phone, body, at) => {
    await pool.query({ name: 'floor_insert', text: INSERT, values: [id, phone, body, at] });
  };
}

const insert =
  process.env.FLOOR_DIALECT === 'postgres'
    ? await postgresInsert(process.env.FLOOR_PG_URL!)
    : sqliteInsert(process.env.FLOOR_DIR!);

const app = Fastify({ logger: false });
app.get('/healthz', async () => ({ status: 'ok' }));
app.post('/floor', async (request, reply) => {
  const body = request.body as Body;
  const id = randomUUID();
  await insert(id, body.to, body.text.body, new Date().toISOString());
  return reply.status(202).send({ id });
});
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
