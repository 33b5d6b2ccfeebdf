import { parseArgs } from 'node:util';
import { devicesHelp } from './help.js';
import { createContext } from '../app.js';
import { deviceHooks } from '../device-hooks.js';
import { leaseHolder } from '../cluster/leases.js';
import { loadConfig } from '../config.js';
import { qrTerminal } from '../devices/qr.js';
import { setDeviceStatus } from '../devices/status.js';
import { deviceTopic } from '../devices/topics.js';
import { findDeviceById, listDevices } from '../devices/store.js';
import { DeviceSupervisor } from '../devices/supervisor.js';
import { SandboxHub } from '../engines/sandbox/hub.js';
import { toE164 } from '../lib/phone.js';
import { installDeliveryFanout } from '../webhooks/fanout.js';
import pino from 'pino';
import { resolveWorkspace, table, UsageError, withDatabase } from './context.js';
import { positionalsOf } from './positionals.js';

export async function devicesCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      workspace: { type: 'string' },
      phone: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !sub || sub === '--help' || sub === '-h') return console.log(devicesHelp);
  if (sub === 'list') {
    positionalsOf('devices list', positionals);
    return withDatabase(async (handle) => {
      const ws = await resolveWorkspace(handle, values.workspace);
      const rows = await listDevices(handle.db, ws.id, { limit: 1000 });
      console.log(
        table(
          rows.map((d) => ({
            id: d.id,
            name: d.name,
            engine: d.engine,
            status: d.status,
            phone: d.phone ?? '',
            since: d.status_changed_at,
            reason: d.status_reason ?? '',
          })),
        ),
      );
    });
  }
  if (sub === 'link') {
    const [id] = positionalsOf('devices link', positionals, ['the device id']);
    if (!id) throw new UsageError('devices link needs the device id');
    return linkHere(id, values.phone);
  }
  throw new UsageError(`unknown command "devices ${sub}"\n${devicesHelp}`);
}

/** Runs the device's engine in this process just long enough to link it, then hands it back. */
async function linkHere(deviceId: string, phone: string | undefined): Promise<void> {
  const config = loadConfig();
  const { ctx, database } = await createContext(config, { logger: pino({ level: 'warn' }) });
  // Status events recorded here reach webhooks like the server's: their deliveries are queued too.
  installDeliveryFanout(ctx.events);
  const hub = new SandboxHub({
    deliveredMs: config.sandboxDeliveredMs,
    readMs: config.sandboxReadMs,
    qrRefreshMs: config.sandboxQrRefreshMs,
  });
  // Stores what the device sends and receives meanwhile; the server answers inbound messages.
  const supervisor = new DeviceSupervisor(ctx, hub, deviceHooks(ctx));
  try {
    const device = await findDeviceById(ctx.db, deviceId);
    if (!device) throw new UsageError(`no device ${deviceId}`);
    if (device.status === 'connected') return console.log(`${deviceId} is already linked to ${device.phone}`);
    const holder = await leaseHolder(ctx.db, ctx.dialect, deviceId);
    if (holder && holder !== ctx.nodeId) {
      throw new UsageError(
        `${deviceId} is being run by the server (${holder}); link it from the dashboard or GET /v1/devices/${deviceId}/qr`,
      );
    }
    const outcome = new Promise<string>((resolve) => {
      ctx.bus.subscribe(deviceTopic(deviceId), (event) => {
        if (event.type === 'qr') {
          void qrTerminal(event.qr).then((art) => {
            console.log(
              `\nScan with WhatsApp → Linked devices → Link a device (refreshes until ${event.expiresAt}):\n${art}`,
            );
            if (device.engine === 'sandbox' && phone) void hub.scan(deviceId, toE164(phone, 'phone'));
          });
        }
        if (
          event.type === 'status' &&
          ['connected', 'unlinked', 'logged_out'].includes(event.device.status)
        ) {
          resolve(
            event.device.status === 'connected'
              ? `linked: ${event.device.phone}`
              : `not linked: ${event.device.statusReason ?? event.device.status}`,
          );
        }
      });
    });
    await setDeviceStatus(ctx, deviceId, 'connecting', { reason: null });
    if (!(await supervisor.ensureRunning(deviceId)))
      throw new UsageError(`${deviceId} could not be started here`);
    if (device.engine === 'sandbox' && !phone)
      console.log('(sandbox device: pass --phone +1… to simulate the scan)');
    console.log(await outcome);
  } finally {
    await supervisor.stop();
    await ctx.bus.close();
    await database.destroy();
  }
}
