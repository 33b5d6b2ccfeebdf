import type { EventBus } from '../events/bus.js';
import type { Clock } from '../lib/time.js';

export interface ShownQr {
  qr: string;
  expiresAt: string;
}

/** The latest QR of devices other nodes run, heard on the bus, so any node can answer GET /qr. */
export class RemoteQrCache {
  private readonly latest = new Map<string, ShownQr>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {
    this.unsubscribe = bus.subscribe('device-qr', ({ deviceId, qr, expiresAt }) => {
      this.latest.set(deviceId, { qr, expiresAt });
    });
  }

  /** Tells the other nodes about a QR shown here. */
  share(deviceId: string, shown: ShownQr): void {
    this.bus.publish('device-qr', { deviceId, ...shown });
  }

  current(deviceId: string): ShownQr | null {
    const remote = this.latest.get(deviceId);
    return remote && remote.expiresAt > this.clock.now().toISOString() ? remote : null;
  }

  close(): void {
    this.unsubscribe();
  }
}
