import type { LookupResult } from '../engines/engine.js';
import type { Pacing } from './pacing.js';

/** Sent on the `device-commands` topic: the node that runs the device carries them out. */
export type DeviceCommand =
  | { deviceId: string; command: 'connect'; pairingPhone?: string }
  | { deviceId: string; command: 'logout' }
  | { deviceId: string; command: 'pacing'; pacing: Pacing }
  /** Ask WhatsApp whether a number uses it; the answer comes back on `device-lookups`. */
  | { deviceId: string; command: 'lookup'; phone: string; requestId: string }
  /** Show "typing…" to `to` (E.164), or take it away: a member writes a reply in the inbox. */
  | { deviceId: string; command: 'typing'; to: string; typing: boolean };

/** The answer to a `lookup` command, from the node that runs the device. */
export type LookupAnswer = { requestId: string } & (
  { ok: true; result: LookupResult } | { ok: false; error: string }
);
