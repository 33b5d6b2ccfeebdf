import type { DeviceCommand, LookupAnswer } from './commands.js';
import type { DeviceView } from './views.js';

export const deviceTopic = (deviceId: string) => `device:${deviceId}` as const;

/** What a device's SSE stream carries. */
export type DeviceStreamEvent =
  | { type: 'status'; device: DeviceView }
  | { type: 'qr'; qr: string; expiresAt: string }
  | { type: 'pairing_code'; code: string };

declare module '../events/bus.js' {
  interface Topics {
    /** A device's status changes, QR codes and pairing codes (its SSE stream, waiting requests). */
    [topic: `device:${string}`]: DeviceStreamEvent;
    /** Commands for the node that runs a device: it carries them out (commands.ts). */
    'device-commands': DeviceCommand;
    /** Answers to `lookup` commands, by request id. */
    'device-lookups': LookupAnswer;
    /** The latest QR of a device, so every node can answer GET /v1/devices/:id/qr. */
    'device-qr': { deviceId: string; qr: string; expiresAt: string };
  }
}
