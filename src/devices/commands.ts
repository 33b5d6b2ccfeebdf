import type { Pacing } from './pacing.js';

/** Bus topic for device commands: the node that runs the device carries them out. */
export const DEVICE_COMMANDS_TOPIC = 'device-commands';
export type DeviceCommand =
  | { deviceId: string; command: 'connect'; pairingPhone?: string }
  | { deviceId: string; command: 'logout' }
  | { deviceId: string; command: 'pacing'; pacing: Pacing };
