import type { Pacing } from './pacing.js';

/** Sent on the `device-commands` topic: the node that runs the device carries them out. */
export type DeviceCommand =
  | { deviceId: string; command: 'connect'; pairingPhone?: string }
  | { deviceId: string; command: 'logout' }
  | { deviceId: string; command: 'pacing'; pacing: Pacing };
