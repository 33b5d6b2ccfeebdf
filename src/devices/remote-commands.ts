import type { AppContext } from '../context.js';
import type { Engine } from '../engines/engine.js';
import type { DeviceCommand } from './commands.js';
import type { Pacing } from './pacing.js';
import { findDeviceById } from './store.js';
import type { DeviceRow } from './tables.js';

/** What a command from another node may ask of the supervisor running the device here. */
export interface CommandTarget {
  engineOf(deviceId: string): Engine | undefined;
  updatePacing(deviceId: string, pacing: Pacing): void;
  connect(row: DeviceRow, pairingPhone?: string): Promise<void>;
  logout(deviceId: string, reason: string): Promise<void>;
}

/** Carries out a command another node sent about a device this node runs (others are ignored). */
export function handleDeviceCommand(ctx: AppContext, target: CommandTarget, command: DeviceCommand): void {
  const engine = target.engineOf(command.deviceId);
  if (!engine) return;
  const work = async () => {
    if (command.command === 'pacing') return target.updatePacing(command.deviceId, command.pacing);
    if (command.command === 'lookup') return answerLookup(ctx, engine, command);
    if (command.command === 'typing') return engine.setTyping?.(command.to, command.typing);
    const row = await findDeviceById(ctx.db, command.deviceId);
    if (!row) return;
    if (command.command === 'connect') await target.connect(row, command.pairingPhone);
    else await target.logout(command.deviceId, 'Logged out through the API');
  };
  work().catch((err: unknown) => ctx.log.error({ err, command }, 'device command failed'));
}

async function answerLookup(
  ctx: AppContext,
  engine: Engine,
  command: { phone: string; requestId: string },
): Promise<void> {
  try {
    const result = await engine.lookup(command.phone);
    ctx.bus.publish('device-lookups', { requestId: command.requestId, ok: true, result });
  } catch (err) {
    const error = err instanceof Error ? err.message : 'The lookup failed';
    ctx.bus.publish('device-lookups', { requestId: command.requestId, ok: false, error });
  }
}
