import { useEffect, useState } from 'react';
import { api } from '../api';
import { useDevices } from '../devices';
import type { Device, QrCode } from '../api';

type StreamEvent =
  | { type: 'status'; device: Device }
  | { type: 'qr'; qr: string; expiresAt: string }
  | { type: 'pairing_code'; code: string };

/**
 * Follows one device over its SSE stream while its panel is open: status changes, each fresh QR
 * (fetched as an image from /qr) and pairing codes.
 */
export function useDeviceStream(deviceId: string) {
  const { upsert } = useDevices();
  const [qr, setQr] = useState<QrCode | null>(null);
  const [pairingCode, setPairingCode] = useState<string | null>(null);

  useEffect(() => {
    let open = true;
    setQr(null);
    setPairingCode(null);
    const source = new EventSource(`/v1/devices/${deviceId}/events`);
    const handle = (event: MessageEvent<string>) => {
      const data = JSON.parse(event.data) as StreamEvent;
      if (data.type === 'status') {
        upsert(data.device);
        if (data.device.status !== 'qr') {
          setQr(null);
          if (data.device.status === 'connected') setPairingCode(null);
        }
      } else if (data.type === 'qr') {
        api
          .get('/v1/devices/{id}/qr', { path: { id: deviceId } })
          .then((code) => open && setQr(code))
          // The device got linked between the event and this request: the status event follows.
          .catch(() => undefined);
      } else if (data.type === 'pairing_code') {
        setPairingCode(data.code);
      }
    };
    for (const name of ['status', 'qr', 'pairing_code'])
      source.addEventListener(name, handle as EventListener);
    return () => {
      open = false;
      source.close();
    };
  }, [deviceId, upsert]);

  return { qr, pairingCode, setPairingCode };
}
