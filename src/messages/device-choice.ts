import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import { preparedQuery } from '../db/prepared.js';
import type { DeviceRow } from '../devices/tables.js';
import { AppError } from '../lib/errors.js';
import type { ContactRow } from '../contacts/tables.js';

/**
 * In one statement, every device a send without a chosen device may go to: the workspace's
 * connected devices, the device this number last used, and the workspace's oldest device (the
 * fallback when nothing is connected), in id order.
 */
const candidateDevices = preparedQuery<{ workspaceId: string; lastDeviceId: string | null }, DeviceRow>(
  (db, a) =>
    db
      .selectFrom('devices')
      .selectAll()
      .where('workspace_id', '=', a.workspaceId)
      .where((eb) =>
        eb.or([
          eb('status', '=', sql.lit('connected')),
          eb('id', '=', a.lastDeviceId),
          eb(
            'id',
            '=',
            eb
              .selectFrom('devices as oldest')
              .select((s) => s.fn.min('oldest.id').as('id'))
              .where('oldest.workspace_id', '=', a.workspaceId),
          ),
        ]),
      )
      .orderBy('id'),
);

/** Sticky per recipient: the device last used for this number if it is connected, else a stable pick. */
export async function chooseDevice(
  ctx: AppContext,
  workspaceId: string,
  phone: string,
  contact: ContactRow | undefined,
  queueIfDisconnected: boolean,
): Promise<DeviceRow> {
  const lastDeviceId = contact?.last_device_id ?? null;
  const { rows } = await candidateDevices(ctx.db, { workspaceId, lastDeviceId });
  const connected = rows.filter((d) => d.status === 'connected');
  const sticky = connected.find((d) => d.id === lastDeviceId);
  if (sticky) return sticky;
  if (connected.length > 0) {
    const hash = [...phone].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
    return connected[hash % connected.length]!;
  }
  if (queueIfDisconnected) {
    // In id order, the first row is the oldest device.
    const fallback = (lastDeviceId ? rows.find((d) => d.id === lastDeviceId) : undefined) ?? rows[0];
    if (fallback && fallback.status !== 'logged_out' && fallback.status !== 'unlinked') return fallback;
  }
  throw new AppError(
    'SESSION_DISCONNECTED',
    'No connected WhatsApp device in this workspace; link or reconnect one, or set queueIfDisconnected',
  );
}
