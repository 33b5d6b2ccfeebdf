import type { Device } from '../api';
import { formatDateTime, formatSince } from '../format';

/** When the line was last there: "online now" while connected, else when it was last connected. */
export function LastSeen({ device }: { device: Device }) {
  if (device.status === 'connected') return <>online now</>;
  if (!device.lastSeenAt) return <>never connected</>;
  return (
    <time dateTime={device.lastSeenAt} title={formatDateTime(device.lastSeenAt)}>
      {formatSince(device.lastSeenAt)}
    </time>
  );
}
