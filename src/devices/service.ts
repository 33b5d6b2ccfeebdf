import { recordAudit, SYSTEM_ACTOR, type AuditBy } from '../audit/record.js';
import type { AppContext } from '../context.js';
import type { CreationHook, DbOrTx } from '../db/database.js';
import { AppError, notFound } from '../lib/errors.js';
import { leaseHolder } from '../cluster/leases.js';
import type { DeviceCommand } from './commands.js';
import { newId } from '../lib/ids.js';
import type { Plan } from '../workspaces/plans.js';
import { lockWorkspace } from '../workspaces/store.js';
import { defaultPacing, parsePacing, type Pacing } from './pacing.js';
import { countDevices, findDevice, lockedDevice, lockedDeviceToDelete } from './store.js';
import type { DeviceSupervisor } from './supervisor.js';
import type { DeviceRow } from './tables.js';

/**
 * The plan's device limit, counted in the transaction that writes the new device, after the
 * workspace's lock: counted before it, devices created at once on PostgreSQL each missed the others.
 */
async function assertRoomForDevice(ctx: AppContext, trx: DbOrTx, workspaceId: string, plan: Plan) {
  if (plan.devices === null) return;
  await lockWorkspace(trx, ctx.dialect, workspaceId);
  if ((await countDevices(trx, workspaceId)) >= plan.devices) {
    throw new AppError(
      'FORBIDDEN',
      `The ${plan.name} plan allows ${plan.devices} device${plan.devices === 1 ? '' : 's'}; delete one or upgrade`,
    );
  }
}

export async function createDevice(
  ctx: AppContext,
  workspaceId: string,
  plan: Plan,
  input: { name: string; engine: 'sandbox' | 'baileys'; pacing?: Partial<Pacing> },
  /** Runs in the creating transaction (an Idempotency-Key's claim records the device with it). */
  onCreate?: CreationHook,
  by: AuditBy = SYSTEM_ACTOR,
): Promise<DeviceRow> {
  if (input.engine === 'sandbox' && !ctx.config.sandbox) {
    throw new AppError(
      'VALIDATION_ERROR',
      'The sandbox engine is turned off on this server (WAPING_SANDBOX=false)',
      [{ field: 'body.engine', message: 'sandbox is disabled' }],
    );
  }
  const now = ctx.clock.now().toISOString();
  const row: DeviceRow = {
    id: newId('dev'),
    workspace_id: workspaceId,
    name: input.name,
    engine: input.engine,
    status: 'unlinked',
    status_reason: null,
    status_changed_at: now,
    last_seen_at: null,
    phone: null,
    display_name: null,
    jid: null,
    pacing: JSON.stringify({ ...defaultPacing(input.engine), ...input.pacing }),
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await assertRoomForDevice(ctx, trx, workspaceId, plan);
    await trx.insertInto('devices').values(row).execute();
    await onCreate?.(trx, row.id);
    await recordAudit(trx, by, {
      workspaceId,
      action: 'device.created',
      target: { type: 'device', id: row.id },
      changes: { name: row.name, engine: row.engine },
      now: new Date(now),
    });
  });
  return row;
}

export async function requireDevice(ctx: AppContext, workspaceId: string, id: string): Promise<DeviceRow> {
  const row = await findDevice(ctx.db, workspaceId, id);
  if (!row) throw notFound('Device');
  return row;
}

export async function updateDevice(
  ctx: AppContext,
  supervisor: DeviceSupervisor,
  row: DeviceRow,
  patch: { name?: string; pacing?: Partial<Pacing> },
  by: AuditBy = SYSTEM_ACTOR,
): Promise<DeviceRow> {
  const updatedAt = ctx.clock.now().toISOString();
  const next = await ctx.db.transaction().execute(async (trx) => {
    // Merged with the device as it is now, locked on PostgreSQL: merged with `row`, read before
    // the transaction, a rename at the moment of a pace change wrote the old pace back.
    const current = (await lockedDevice(trx, ctx.dialect, row.id)) ?? row;
    const pacing = { ...parsePacing(current.pacing, current.engine), ...patch.pacing };
    const after = {
      ...current,
      name: patch.name ?? current.name,
      pacing: JSON.stringify(pacing),
      updated_at: updatedAt,
    };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (after.name !== current.name) changes.name = { from: current.name, to: after.name };
    if (after.pacing !== current.pacing)
      changes.pacing = { from: JSON.parse(current.pacing) as unknown, to: pacing };
    await trx
      .updateTable('devices')
      .set({ name: after.name, pacing: after.pacing, updated_at: after.updated_at })
      .where('id', '=', row.id)
      .execute();
    if (Object.keys(changes).length > 0)
      await recordAudit(trx, by, {
        workspaceId: row.workspace_id,
        // A rename is what people look for; a pacing change alone is an update.
        action: changes.name ? 'device.renamed' : 'device.updated',
        target: { type: 'device', id: row.id },
        changes,
        now: new Date(updatedAt),
      });
    return after;
  });
  const pacing = parsePacing(next.pacing, next.engine);
  supervisor.updatePacing(row.id, pacing);
  ctx.bus.publish('device-commands', {
    deviceId: row.id,
    command: 'pacing',
    pacing,
  } satisfies DeviceCommand);
  return next;
}

/** Whether another live node holds the device's lease: then that node must act on it. */
async function runsElsewhere(
  ctx: AppContext,
  supervisor: DeviceSupervisor,
  deviceId: string,
): Promise<boolean> {
  if (supervisor.isRunning(deviceId)) return false;
  const holder = await leaseHolder(ctx.db, ctx.dialect, deviceId);
  return holder !== null && holder !== ctx.nodeId;
}

/** Waits briefly for another node to report the outcome of a command in the database. */
async function settledElsewhere(
  ctx: AppContext,
  row: DeviceRow,
  done: (r: DeviceRow) => boolean,
): Promise<DeviceRow> {
  for (let i = 0; i < 50; i++) {
    const now = await findDevice(ctx.db, row.workspace_id, row.id);
    if (!now || done(now)) return now ?? row;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return row;
}

/** Starts linking (or reconnecting) a device, here or on the node that runs it. */
export async function connectDevice(
  ctx: AppContext,
  supervisor: DeviceSupervisor,
  row: DeviceRow,
  pairingPhone?: string,
): Promise<DeviceRow> {
  if (await runsElsewhere(ctx, supervisor, row.id)) {
    ctx.bus.publish('device-commands', {
      deviceId: row.id,
      command: 'connect',
      pairingPhone,
    } satisfies DeviceCommand);
    return row;
  }
  await supervisor.connect(row, pairingPhone);
  return (await findDevice(ctx.db, row.workspace_id, row.id)) ?? row;
}

/** Unlinks the device from the phone and forgets its session; its queued messages fail. */
export async function logoutDevice(
  ctx: AppContext,
  supervisor: DeviceSupervisor,
  row: DeviceRow,
  by: AuditBy = SYSTEM_ACTOR,
): Promise<DeviceRow> {
  let after: DeviceRow;
  if (await runsElsewhere(ctx, supervisor, row.id)) {
    ctx.bus.publish('device-commands', { deviceId: row.id, command: 'logout' } satisfies DeviceCommand);
    after = await settledElsewhere(ctx, row, (r) => r.status === 'logged_out');
  } else {
    await supervisor.logout(row.id, 'Logged out through the API');
    after = (await findDevice(ctx.db, row.workspace_id, row.id)) ?? row;
  }
  // The engine logs out outside any transaction of ours: the row follows the logout it asked for.
  await recordAudit(ctx.db, by, {
    workspaceId: row.workspace_id,
    action: 'device.logged_out',
    target: { type: 'device', id: row.id },
    changes: { name: row.name, phone: row.phone },
    now: ctx.clock.now(),
  });
  return after;
}

/**
 * Stops and deletes a device. `beforeDelete` runs in the deleting transaction (the messages
 * feature cancels the device's queue there); what it returns runs after the commit.
 */
export async function deleteDevice(
  ctx: AppContext,
  supervisor: DeviceSupervisor,
  row: DeviceRow,
  beforeDelete: (trx: DbOrTx) => Promise<() => void>,
  by: AuditBy = SYSTEM_ACTOR,
): Promise<void> {
  if (supervisor.isRunning(row.id))
    await supervisor.stopDevice(row.id, { release: true, logout: row.status === 'connected' });
  const afterCommit = await ctx.db.transaction().execute(async (trx) => {
    // Locked before its queue is canceled: a message accepted meanwhile is in the queue canceled or
    // refused (lockedDeviceToDelete). Gone: a delete at the same moment came first.
    if (!(await lockedDeviceToDelete(trx, ctx.dialect, row.id))) throw notFound('Device');
    const after = await beforeDelete(trx);
    await trx.deleteFrom('devices').where('id', '=', row.id).execute();
    await recordAudit(trx, by, {
      workspaceId: row.workspace_id,
      action: 'device.deleted',
      target: { type: 'device', id: row.id },
      changes: { name: row.name, phone: row.phone },
      now: ctx.clock.now(),
    });
    return after;
  });
  afterCommit();
}
