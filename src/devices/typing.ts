import type { AppContext } from '../context.js';
import type { DeviceCommand } from './commands.js';
import type { DeviceSupervisor } from './supervisor.js';

/**
 * Shows "typing…" to `to` (E.164) on a line, or takes it away, wherever the line runs: directly
 * when this node runs it, else through the node that does (a `typing` command on the bus). Fire and
 * forget: presence is cosmetic, a line that runs nowhere simply shows nothing.
 */
export async function typingThroughDevice(
  ctx: AppContext,
  supervisor: DeviceSupervisor,
  deviceId: string,
  to: string,
  typing: boolean,
): Promise<void> {
  const engine = supervisor.engineOf(deviceId);
  if (engine) {
    await engine
      .setTyping?.(to, typing)
      .catch((err: unknown) => ctx.log.debug({ err, deviceId }, 'typing presence failed'));
    return;
  }
  ctx.bus.publish('device-commands', { deviceId, command: 'typing', to, typing } satisfies DeviceCommand);
}
