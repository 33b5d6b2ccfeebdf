import { leaseHolder } from '../cluster/leases.js';
import type { AppContext } from '../context.js';
import type { LookupResult } from '../engines/engine.js';
import { randomToken } from '../lib/crypto.js';
import { AppError } from '../lib/errors.js';
import type { DeviceSupervisor } from './supervisor.js';

/** How long a node waits for the node that runs a device to answer a lookup. */
const REMOTE_LOOKUP_MS = 10_000;

/**
 * Asks WhatsApp, through one device, whether a number uses it. Any node may ask: a device running
 * here answers directly; one running on another node answers through that node (a `lookup`
 * command on the bus, answered on `device-lookups`). Undefined when no node runs the device.
 */
export async function lookupThroughDevice(
  ctx: AppContext,
  supervisor: DeviceSupervisor,
  deviceId: string,
  phone: string,
  timeoutMs = REMOTE_LOOKUP_MS,
): Promise<LookupResult | undefined> {
  const engine = supervisor.engineOf(deviceId);
  if (engine) return engine.lookup(phone);
  const holder = await leaseHolder(ctx.db, ctx.dialect, deviceId);
  if (!holder || holder === ctx.nodeId) return undefined;
  const requestId = randomToken(12);
  return new Promise<LookupResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new AppError('SESSION_DISCONNECTED', 'The node that runs the device did not answer in time'));
    }, timeoutMs);
    const off = ctx.bus.subscribe('device-lookups', (answer) => {
      if (answer.requestId !== requestId) return;
      clearTimeout(timer);
      off();
      if (answer.ok) resolve(answer.result);
      else reject(new Error(`lookup on ${deviceId} failed: ${answer.error}`));
    });
    ctx.bus.publish('device-commands', { deviceId, command: 'lookup', phone, requestId });
  });
}
