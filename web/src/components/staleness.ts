import type { Device } from '../api';

/** How long a device may wait for a scan or a connection before the Overview points at it. */
export const STALE_AFTER_MS = 2 * 60_000;

const minutes = (ms: number) => {
  const n = Math.max(1, Math.floor(ms / 60_000));
  return `${n} ${n === 1 ? 'minute' : 'minutes'}`;
};

/** What needs a person about a device now, or null when it is fine (or only just started linking). */
export function staleNote(device: Device, now: number): string | null {
  const waited = now - new Date(device.statusChangedAt).getTime();
  switch (device.status) {
    case 'disconnected':
      return `Disconnected for ${minutes(waited)}`;
    case 'logged_out':
      return 'Logged out: link it again';
    case 'unlinked':
      return 'Not linked yet';
    case 'qr':
      return waited >= STALE_AFTER_MS ? `Waiting for a QR scan for ${minutes(waited)}` : null;
    case 'connecting':
      return waited >= STALE_AFTER_MS ? `Still connecting after ${minutes(waited)}` : null;
    default:
      return null;
  }
}
