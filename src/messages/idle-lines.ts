import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';

/**
 * How often the node looks for work its idle lines may have missed. A message queued on this
 * node wakes its line at once through the bus (`dispatch:<deviceId>`), and on PostgreSQL so does
 * one queued on another node; this look is the safety net behind that. With SQLite the bus stays
 * in its process while a second process on the same file (the CLI, another server) may queue
 * messages, so there it is the only way such a message is noticed. A 15 s net once left a message
 * queued for longer than that right after a takeover on PostgreSQL, for a reason not found: these
 * are the per-line intervals the dispatcher had before this look replaced them, so no message
 * waits longer than it could then.
 */
export const IDLE_LOOK_MS = { postgres: 2_000, sqlite: 1_000 } as const;

/** Device ids per statement of the look (SQLite binds at most 32,766 parameters). */
const CHUNK = 500;
/**
 * On SQLite, every this many looks the queue is read for every idle line whatever data_version
 * says: a wake-up this process failed to deliver (which data_version cannot show, the write being
 * this connection's own) then costs at most this many seconds, not the line's whole idle time.
 */
const SQLITE_FULL_LOOK_EVERY = 10;

/**
 * The node's idle lines (connected, nothing queued when they last looked) and one look for all
 * of them, instead of each line polling the queue on its own timer: an idle line costs nothing
 * until something is queued for it. On SQLite the look is `PRAGMA data_version`, which changes
 * only when another connection commits (this process's own writes wake their lines through the
 * bus), and the queue is read only then, for lines that went idle since the last look, and every
 * tenth look for all of them. On PostgreSQL it is one indexed query for all idle lines. Lines with
 * something due are woken.
 */
export class IdleLines {
  private readonly lines = new Map<string, () => void>();
  /** Lines gone idle since the last look: looked at whatever data_version says. */
  private fresh = new Set<string>();
  private lastVersion: number | undefined;
  /** Looks since the queue was last read for every idle line (SQLite). */
  private sinceFullLook = 0;
  private timer: NodeJS.Timeout | null = null;
  private looking = false;

  constructor(private readonly ctx: AppContext) {}

  /** The line has nothing to do: `wake` is called once something is due for it. */
  add(deviceId: string, wake: () => void): void {
    this.lines.set(deviceId, wake);
    this.fresh.add(deviceId);
    if (!this.timer) {
      this.timer = setInterval(() => void this.look(), IDLE_LOOK_MS[this.ctx.dialect]);
      this.timer.unref();
    }
  }

  /** The line is working (woken, or stopping). */
  remove(deviceId: string): void {
    this.lines.delete(deviceId);
    this.fresh.delete(deviceId);
    if (this.lines.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  /** One look for every idle line (the timer's; a test may call it to look at once). */
  async look(): Promise<void> {
    if (this.looking || this.lines.size === 0) return;
    this.looking = true;
    try {
      const ids = await this.linesToRead();
      for (const deviceId of await withQueuedMessages(this.ctx, ids)) {
        const wake = this.lines.get(deviceId);
        this.remove(deviceId);
        wake?.();
      }
    } catch (err) {
      // Tried again at the next look; nothing is lost meanwhile (the queue is in the database).
      this.ctx.log.warn({ err }, 'idle lines: look for queued messages failed');
    } finally {
      this.looking = false;
    }
  }

  private async linesToRead(): Promise<string[]> {
    const fresh = [...this.fresh];
    this.fresh = new Set();
    if (this.ctx.dialect === 'postgres') return [...this.lines.keys()];
    // Read before the queue: a commit after this read changes it again, so the next look reads.
    const version = await dataVersion(this.ctx.db);
    const changed = version !== this.lastVersion;
    this.lastVersion = version;
    this.sinceFullLook++;
    if (changed || this.sinceFullLook >= SQLITE_FULL_LOOK_EVERY) {
      this.sinceFullLook = 0;
      return [...this.lines.keys()];
    }
    return fresh.filter((id) => this.lines.has(id));
  }
}

async function dataVersion(db: Db): Promise<number> {
  const { rows } = await sql<{ data_version: number }>`pragma data_version`.execute(db);
  return Number(rows[0]?.data_version ?? 0);
}

/** Which of these devices have a message queued and not past its expiry (the claim's own test). */
async function withQueuedMessages(ctx: AppContext, deviceIds: string[]): Promise<string[]> {
  if (deviceIds.length === 0) return [];
  const at = ctx.clock.now().toISOString();
  if (ctx.dialect === 'postgres') {
    // One statement of one shape whatever the number of lines (the queue index serves each id).
    const { rows } = await sql<{ device_id: string }>`
      select distinct device_id from messages
      where device_id = any(${deviceIds}::text[]) and status = 'queued'
        and (expires_at is null or expires_at > ${at})
    `.execute(ctx.db);
    return rows.map((row) => row.device_id);
  }
  const found: string[] = [];
  for (let i = 0; i < deviceIds.length; i += CHUNK) {
    const rows = await ctx.db
      .selectFrom('messages')
      .select('device_id')
      .distinct()
      .where('device_id', 'in', deviceIds.slice(i, i + CHUNK))
      // A literal, for the partial index messages_queue (see queuedOn).
      .where('status', '=', sql.lit('queued'))
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
      .execute();
    for (const row of rows) if (row.device_id) found.push(row.device_id);
  }
  return found;
}

const perDatabase = new WeakMap<Db, IdleLines>();

/** The idle lines of the node using this database handle (one per app). */
export function idleLinesOf(ctx: AppContext): IdleLines {
  let lines = perDatabase.get(ctx.db);
  if (!lines) {
    lines = new IdleLines(ctx);
    perDatabase.set(ctx.db, lines);
  }
  return lines;
}
