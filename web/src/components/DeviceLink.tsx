import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api';
import { formatTime } from '../format';
import type { Device, QrCode } from '../api';
import { ErrorNote, Loading } from './Notice';
import { QrCountdown } from './QrCountdown';

/** Linking a number: the live QR, or an 8-character code typed on the phone. */
export function DeviceLink({
  device,
  qr,
  pairingCode,
  onPairingCode,
}: {
  device: Device;
  qr: QrCode | null;
  pairingCode: string | null;
  onPairingCode: (code: string) => void;
}) {
  // A sandbox device is linked from the sandbox phone below: no real phone, no pairing code.
  const sandbox = device.engine === 'sandbox';
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const requestCode = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const phone = String(new FormData(event.currentTarget).get('phone'));
    setBusy(true);
    setError(null);
    try {
      const answer = await api.post('/v1/devices/{id}/pairing-code', {
        path: { id: device.id },
        body: { phone },
      });
      onPairingCode(answer.code);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="link-panel" aria-labelledby="link-title">
      <h3 id="link-title">Link this number</h3>
      <div className="link-options">
        <div>
          <p>
            {sandbox
              ? 'The sandbox phone scans this QR for you: use “Scan QR code” next to it.'
              : 'On the phone: WhatsApp → Settings → Linked devices → Link a device, then scan:'}
          </p>
          {qr ? (
            <figure className="qr">
              <img src={qr.dataUrl} alt={`QR code to link ${device.name}`} width={240} height={240} />
              <figcaption className="muted small">
                <QrCountdown key={qr.expiresAt} expiresAt={qr.expiresAt} /> · refreshes by itself · this one
                is valid until {formatTime(qr.expiresAt)}
              </figcaption>
            </figure>
          ) : (
            <Loading what="Waiting for a QR code" />
          )}
        </div>
        {!sandbox && (
          <form onSubmit={(e) => void requestCode(e)}>
            <p>Or link with a code instead of the camera:</p>
            <label>
              Phone number of the line (E.164)
              <input name="phone" type="tel" required placeholder="+15551234567" autoComplete="off" />
            </label>
            <button type="submit" disabled={busy}>
              Get a pairing code
            </button>
            {pairingCode && (
              <p className="pairing-code" role="status">
                Type <strong>{pairingCode}</strong> on the phone (Link with phone number instead).
              </p>
            )}
            <ErrorNote message={error} />
          </form>
        )}
      </div>
    </section>
  );
}
