import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import { preparedQuery } from '../db/prepared.js';
import type { DeviceRow } from '../devices/tables.js';
import { AppError } from '../lib/errors.js';

interface Candidate extends DeviceRow {
  /** The recipient's contact, the same on every row (null when there is none). */
  contact_last_device_id: string | null;
  contact_opted_out_at: string | null;
}

/**
 * In one statement, every device a send without a chosen device may go to, with what the send
 * needs of the recipient's contact: the workspace's connected devices, the device this number last
 * used, and the workspace's oldest device (the fallback when nothing is connected), in id order.
 */
const candidateDevices = preparedQuery<{ workspaceId: string; phone: string }, Candidate>((db, a) =>
  db
    .selectFrom('devices')
    .leftJoin('contacts as contact', (join) =>
      join.on('contact.workspace_id', '=', a.workspaceId).on('contact.phone', '=', a.phone),
    )
    .selectAll('devices')
    .select([
      'contact.last_device_id as contact_last_device_id',
      'contact.opted_out_at as contact_opted_out_at',
    ])
    .where('devices.workspace_id', '=', a.workspaceId)
    .where((eb) =>
      eb.or([
        eb('devices.status', '=', sql.lit('connected')),
        eb('devices.id', '=', eb.ref('contact.last_device_id')),
        eb(
          'devices.id',
          '=',
          eb
            .selectFrom('devices as oldest')
            .select((s) => s.fn.min('oldest.id').as('id'))
            .where('oldest.workspace_id', '=', a.workspaceId),
        ),
      ]),
    )
    .orderBy('devices.id'),
);

export interface DeviceChoice {
  device: DeviceRow;
  /** Whether the recipient opted out of this workspace's messages. */
  optedOut: boolean;
}

/** Sticky per recipient: the device last used for this number if it is connected, else a stable pick. */
export async function chooseDevice(
  ctx: AppContext,
  workspaceId: string,
  phone: string,
  queueIfDisconnected: boolean,
): Promise<DeviceChoice> {
  const { rows } = await candidateDevices(ctx.db, { workspaceId, phone });
  const lastDeviceId = rows[0]?.contact_last_device_id ?? null;
  const optedOut = rows[0]?.contact_opted_out_at != null;
  const chosen = (candidate: Candidate): DeviceChoice => {
    const { contact_last_device_id: _last, contact_opted_out_at: _optedOut, ...device } = candidate;
    return { device, optedOut };
  };
  const connected = rows.filter((d) => d.status === 'connected');
  const sticky = connected.find((d) => d.id === lastDeviceId);
  if (sticky) return chosen(sticky);
  if (connected.length > 0) {
    const hash = [...phone].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
    return chosen(connected[hash % connected.length]!);
  }
  if (!queueIfDisconnected) {
    throw new AppError(
      'SESSION_DISCONNECTED',
      rows.length === 0
        ? NO_DEVICE
        : 'No connected WhatsApp device in this workspace; link or reconnect one, or set queueIfDisconnected',
    );
  }
  // In id order, the first row is the oldest device.
  const fallback = (lastDeviceId ? rows.find((d) => d.id === lastDeviceId) : undefined) ?? rows[0];
  if (!fallback) throw new AppError('SESSION_DISCONNECTED', NO_DEVICE);
  if (fallback.status === 'logged_out' || fallback.status === 'unlinked') {
    // Said as it is: the client did set queueIfDisconnected, and this device would never send.
    throw new AppError(
      'SESSION_DISCONNECTED',
      `No connected WhatsApp device in this workspace, and device ${fallback.id}, which would keep the message until it connects, is ${fallback.status}; link it first`,
    );
  }
  return chosen(fallback);
}

const NO_DEVICE = 'This workspace has no WhatsApp device; add one and link it (POST /v1/devices)';
