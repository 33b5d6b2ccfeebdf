import { holdLease, type LeaseFence } from '../cluster/leases.js';
import type { AppContext } from '../context.js';
import type { EventType, WapingEvent } from '../events/types.js';
import { findDeviceById } from './store.js';
import { deviceTopic, type DeviceStreamEvent } from './topics.js';
import type { DeviceRow, DeviceStatus } from './tables.js';
import { toDeviceView } from './views.js';

const EVENT_FOR: Partial<Record<DeviceStatus, EventType>> = {
  qr: 'device.qr',
  connected: 'device.connected',
  disconnected: 'device.disconnected',
  logged_out: 'device.logged_out',
  // Linking gave up (nobody scanned or typed the code in time); a new device is unlinked without one.
  unlinked: 'device.unlinked',
};

/**
 * Reasons a device is `disconnected` because of the node running it, not WhatsApp. Each ends in
 * `; reconnecting`: another node (or this one, once back) takes the device over by itself.
 */
export const NODE_REASONS = {
  /** Its node stopped renewing its lease (crashed, or cut off from the database). */
  nodeLost: 'node_lost; reconnecting',
  /** Its node shut down cleanly and released it. */
  nodeShutdown: 'node_shutdown; reconnecting',
  /** Its node could not renew the lease in time and stopped the device itself. */
  leaseLost: 'lease_lost; reconnecting',
} as const;

/**
 * Text from outside as it can be stored: the line's WhatsApp name (its owner sets it) and a
 * disconnect's reason (the engine's, from what the WhatsApp server said). A NUL character (U+0000),
 * which PostgreSQL cannot store in text, would fail the write that records the new status. Kept
 * with U+FFFD in its place, as a received message's text is.
 */
const storable = (text: string | null) => text?.replaceAll('\u0000', '\ufffd') ?? null;

/**
 * Moves a device to a status, with the event in the same transaction, then tells listeners.
 * Repeating the current status only updates the reason (no second event).
 */
export async function setDeviceStatus(
  ctx: AppContext,
  deviceId: string,
  status: DeviceStatus,
  extra: {
    reason?: string | null;
    phone?: string;
    displayName?: string | null;
    jid?: string;
    /** Added to the event's data (the QR to scan on device.qr). */
    eventExtra?: Record<string, unknown>;
    /**
     * The lease the writer runs the device under: the write is refused (`leaseLost`) unless that
     * lease is still held, so a node that lost the device cannot overwrite what its new holder says.
     */
    fence?: LeaseFence;
  } = {},
): Promise<DeviceRow | undefined> {
  const now = ctx.clock.now().toISOString();
  const events: WapingEvent[] = [];
  const row = await ctx.db.transaction().execute(async (trx) => {
    if (extra.fence) await holdLease(trx, ctx.dialect, extra.fence);
    const current = await findDeviceById(trx, deviceId);
    if (!current) return undefined;
    const changed = current.status !== status;
    const next: DeviceRow = {
      ...current,
      status,
      status_reason:
        extra.reason === undefined ? (changed ? null : current.status_reason) : storable(extra.reason),
      status_changed_at: changed ? now : current.status_changed_at,
      // Connecting, and dropping: either way the line was there at this moment.
      last_seen_at:
        changed && (status === 'connected' || current.status === 'connected') ? now : current.last_seen_at,
      phone: extra.phone ?? current.phone,
      display_name: extra.displayName === undefined ? current.display_name : storable(extra.displayName),
      jid: extra.jid ?? current.jid,
      updated_at: now,
    };
    await trx
      .updateTable('devices')
      .set({
        status: next.status,
        status_reason: next.status_reason,
        status_changed_at: next.status_changed_at,
        last_seen_at: next.last_seen_at,
        phone: next.phone,
        display_name: next.display_name,
        jid: next.jid,
        updated_at: now,
      })
      .where('id', '=', deviceId)
      .execute();
    const type = EVENT_FOR[status];
    if (changed && type) {
      events.push(
        await ctx.events.record(trx, {
          workspaceId: current.workspace_id,
          type,
          data: { ...toDeviceView(next), ...extra.eventExtra },
          deviceId,
          now: ctx.clock.now(),
        }),
      );
    }
    return next;
  });
  if (row) {
    ctx.events.publish(events);
    ctx.bus.publish(deviceTopic(deviceId), {
      type: 'status',
      device: toDeviceView(row),
    } satisfies DeviceStreamEvent);
  }
  return row;
}
