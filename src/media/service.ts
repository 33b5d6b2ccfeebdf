import type { Readable } from 'node:stream';
import type { AppContext } from '../context.js';
import { notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { MediaInspector, type InspectOptions } from './inspector.js';
import { mediaStorage } from './storage-for.js';
import type { MediaKind, MediaRow, MediaSource } from './tables.js';

type MediaCtx = Pick<AppContext, 'config' | 'db' | 'clock'>;

export interface StoreMediaInput extends InspectOptions {
  source: MediaSource;
}

/** A filename as shown and sent: no folders, no control characters, not too long. */
export function cleanFilename(name: string | undefined): string | null {
  if (!name) return null;
  const last = name.split(/[\\/]/).pop() ?? '';
  const base = [...last]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();
  return base ? base.slice(0, 255) : null;
}

/**
 * Streams a file into storage while checking it (type, WhatsApp's limit, completeness, SHA-256)
 * and records it. The row is written `pending` first, so a crash mid-write leaves a row the sweep
 * finds and removes with whatever bytes were written; a refused file leaves nothing.
 */
export async function storeMedia(
  ctx: MediaCtx,
  workspaceId: string,
  body: Readable,
  input: StoreMediaInput,
): Promise<MediaRow> {
  const now = ctx.clock.now();
  const id = newId('med', now.getTime());
  const filename = cleanFilename(input.filename);
  const storage = mediaStorage(ctx);
  const inspector = new MediaInspector({ ...input, filename: filename ?? undefined });
  // Both streams are listened to before the first await: a client that drops while the row is
  // written, or before the store starts reading, would otherwise emit an 'error' nobody handles,
  // and that ends the process. The error is kept on the inspector and surfaces below.
  body.on('error', (err) => inspector.destroy(err));
  inspector.on('error', () => undefined);
  // A body may have failed before it got here (an upload whose whole request arrived at once and
  // ended inside the file): its 'error' is gone, and piping it would wait for an end that never comes.
  if (body.errored) inspector.destroy(body.errored);
  await ctx.db
    .insertInto('media')
    .values({
      id,
      workspace_id: workspaceId,
      kind: input.kind ?? 'document',
      mime: 'application/octet-stream',
      size: 0,
      sha256: null,
      filename,
      storage_key: id,
      status: 'pending',
      source: input.source,
      created_at: now.toISOString(),
    })
    .execute();
  try {
    if (inspector.errored) throw inspector.errored;
    await storage.put(id, body.pipe(inspector));
    const found = inspector.result();
    const ready = {
      kind: found.kind,
      mime: found.mime,
      size: found.size,
      sha256: found.sha256,
      status: 'ready' as const,
    };
    await ctx.db.updateTable('media').set(ready).where('id', '=', id).execute();
    return { ...(await findMedia(ctx, workspaceId, id))! };
  } catch (err) {
    body.resume();
    await storage.delete(id).catch(() => undefined);
    await ctx.db.deleteFrom('media').where('id', '=', id).execute();
    throw err;
  }
}

export async function findMedia(
  ctx: MediaCtx,
  workspaceId: string,
  id: string,
): Promise<MediaRow | undefined> {
  return ctx.db
    .selectFrom('media')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('status', '=', 'ready')
    .executeTakeFirst();
}

/** A ready media row of the workspace, or NOT_FOUND. */
export async function requireMedia(ctx: MediaCtx, workspaceId: string, id: string): Promise<MediaRow> {
  const row = await findMedia(ctx, workspaceId, id);
  if (!row) throw notFound('Media');
  return row;
}

/** The bytes of a media row, or NOT_FOUND when the store lost them. */
export async function openMedia(ctx: MediaCtx, row: MediaRow): Promise<Readable> {
  const stream = await mediaStorage(ctx).get(row.storage_key);
  if (!stream) throw notFound('Media file');
  return stream;
}

/** Deletes media rows and their bytes; rows first, so nothing points at bytes being removed. */
export async function deleteMediaRows(
  ctx: MediaCtx,
  rows: Array<Pick<MediaRow, 'id' | 'storage_key'>>,
): Promise<number> {
  if (rows.length === 0) return 0;
  const storage = mediaStorage(ctx);
  await ctx.db
    .deleteFrom('media')
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  for (const row of rows) await storage.delete(row.storage_key);
  return rows.length;
}

export async function deleteMedia(ctx: MediaCtx, workspaceId: string, id: string): Promise<void> {
  const row = await requireMedia(ctx, workspaceId, id);
  await deleteMediaRows(ctx, [row]);
}

export type { MediaKind };

/** Deletes the workspace's files with these ids (those still there). */
export async function deleteMediaByIds(ctx: MediaCtx, workspaceId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await ctx.db
    .selectFrom('media')
    .select(['id', 'storage_key'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .execute();
  return deleteMediaRows(ctx, rows);
}

/** Retention: deletes the workspace's files stored before `cutoff`. */
export async function deleteMediaBefore(ctx: MediaCtx, workspaceId: string, cutoff: string): Promise<number> {
  const rows = await ctx.db
    .selectFrom('media')
    .select(['id', 'storage_key'])
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'ready')
    .where('created_at', '<', cutoff)
    .execute();
  return deleteMediaRows(ctx, rows);
}
