import { isDown, useDevices } from '../devices';
import { formatTime } from '../format';
import { Link } from '../router';

/** Shown on every page while a device cannot send: messages queue up or fail until it is back. */
export function DeviceBanner() {
  const down = useDevices().devices.filter(isDown);
  if (down.length === 0) return null;
  return (
    <div className="banner" role="alert">
      <strong>{down.length === 1 ? 'A device is offline.' : `${down.length} devices are offline.`}</strong>{' '}
      {down.map((d, i) => (
        <span key={d.id}>
          {i > 0 && '; '}
          <Link href={`/devices/${d.id}`}>{d.name}</Link> is{' '}
          {d.status === 'logged_out' ? 'logged out' : 'disconnected'}
          {d.statusReason ? ` (${d.statusReason})` : ''} since{' '}
          <time dateTime={d.statusChangedAt}>{formatTime(d.statusChangedAt)}</time>
        </span>
      ))}
    </div>
  );
}
