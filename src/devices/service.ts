import type { AppContext } from '../context.js';
import { AppError, notFound } from '../http/errors.js';
import { newId } from '../lib/ids.js';
import type { Plan } from '../workspaces/plans.js';
import { defaultPacing, parsePacing, type Pacing } from './pacing.js';
import { createEngineStateStore } from './state-store.js';
import { setDeviceStatus } from './status.js';
import { countDevices, findDevice } from './store.js';
import type { DeviceSupervisor } from './supervisor.js';
import type { DeviceRow } from './tables.js';

export async function createDevice(
  ctx: AppContext,
  workspaceId: string,
  plan: Plan,
  input: { name: string; engine: 'sandbox' | 'baileys'; pacing?: Partial<Pacing> },
): Promise<DeviceRow> {
  if (input.engine === 'sandbox' && !ctx.config.sandbox) {
    throw new AppError(
      'VALIDATION_ERROR',
      'The sandbox engine is turned off on this server (WAPING_SANDBOX=false)',
      [{ field: 'body.engine', message: 'sandbox is disabled' }],
    );
  }
  if (plan.devices !== null && (await countDevices(ctx.db, workspaceId)) >= plan.devices) {
    throw new AppError(
      'FORBIDDEN',
      `The ${plan.name} plan allows ${plan.devices} device${plan.devices === 1 ? '' : 's'}; delete one or upgrade`,
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
    phone: null,
    display_name: null,
    jid: null,
    pacing: JSON.stringify({ ...defaultPacing(input.engine), ...input.pacing }),
    created_at: now,
    updated_at: now,
  };
  await ctx.db.insertInto('devices').values(row).execute();
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
): Promise<DeviceRow> {
  const pacing = { ...parsePacing(row.pacing, row.engine), ...patch.pacing };
  const next = {
    ...row,
    name: patch.name ?? row.name,
    pacing: JSON.stringify(pacing),
    updated_at: ctx.clock.now().toISOString(),
  };
  await ctx.db
    .updateTable('devices')
    .set({ name: next.name, pacing: next.pacing, updated_at: next.updated_at })
    .where('id', '=', row.id)
    .execute();
  supervisor.updatePacing(row.id, pacing);
  return next;
}

/** Starts linking (or reconnecting) a device; a stopped engine is restarted. */
export async function connectDevice(
  ctx: AppContext,
  supervisor: DeviceSupervisor,
  row: DeviceRow,
  pairingPhone?: string,
): Promise<DeviceRow> {
  if (supervisor.isRunning(row.id) && row.status !== 'disconnected' && !pairingPhone) return row;
  await supervisor.stopDevice(row.id, { release: false });
  await setDeviceStatus(ctx, row.id, 'connecting', { reason: null });
  await supervisor.ensureRunning(row.id, pairingPhone ? { pairingPhone } : {});
  return (await findDevice(ctx.db, row.workspace_id, row.id)) ?? row;
}

/** Unlinks the device from the phone and forgets its session; queued messages wait for a new link. */
export async function logoutDevice(
  ctx: AppContext,
  supervisor: DeviceSupervisor,
  row: DeviceRow,
): Promise<DeviceRow> {
  if (supervisor.isRunning(row.id)) await supervisor.stopDevice(row.id, { release: true, logout: true });
  await createEngineStateStore(ctx.db, ctx.masterKey, row.id).clear();
  return (await setDeviceStatus(ctx, row.id, 'logged_out', { reason: 'Logged out through the API' })) ?? row;
}

export async function deleteDevice(
  ctx: AppContext,
  supervisor: DeviceSupervisor,
  row: DeviceRow,
): Promise<void> {
  if (supervisor.isRunning(row.id))
    await supervisor.stopDevice(row.id, { release: true, logout: row.status === 'connected' });
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    // Queued messages have nowhere to go once their device is gone.
    const queued = await trx
      .selectFrom('messages')
      .select('id')
      .where('device_id', '=', row.id)
      .where('status', '=', 'queued')
      .execute();
    for (const { id } of queued) {
      await trx
        .updateTable('messages')
        .set({
          status: 'canceled',
          error_code: 'DEVICE_DELETED',
          error_message: 'Its device was deleted',
          sealed_body: null,
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      await trx
        .insertInto('message_status_history')
        .values({ message_id: id, status: 'canceled', at: now, error_code: 'DEVICE_DELETED' })
        .execute();
    }
    await trx.deleteFrom('devices').where('id', '=', row.id).execute();
  });
}
