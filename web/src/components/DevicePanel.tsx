import { useState } from 'react';
import { api, errorMessage } from '../api';
import { useSession } from '../auth';
import { useDevices } from '../devices';
import { formatDateTime, formatSince } from '../format';
import { useDeviceStream } from '../hooks/useDeviceStream';
import { can } from '../roles';
import { navigate } from '../router';
import type { Device } from '../api';
import { ConfirmButton } from './ConfirmButton';
import { DeviceLink } from './DeviceLink';
import { LastSeen } from './LastSeen';
import { ErrorNote } from './Notice';
import { OtpOnlyOffer } from './OtpOnlyOffer';
import { PacingForm } from './PacingForm';
import { RenameDevice } from './RenameDevice';
import { SandboxPhone } from './SandboxPhone';
import { StatusBadge } from './StatusBadge';

/** One device: its status as it changes, how to link it, and what can be done with it. */
export function DevicePanel({ device }: { device: Device }) {
  const { role } = useSession();
  const { upsert, remove } = useDevices();
  const { qr, pairingCode, setPairingCode } = useDeviceStream(device.id);
  const [error, setError] = useState<string | null>(null);
  const canManage = can(role, 'devices');

  const act = async (path: '/v1/devices/{id}/connect' | '/v1/devices/{id}/logout') => {
    setError(null);
    try {
      upsert(await api.post(path, { path: { id: device.id } }));
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const destroy = async () => {
    try {
      await api.delete('/v1/devices/{id}', { path: { id: device.id } });
      remove(device.id);
      navigate('/devices');
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const canConnect = ['unlinked', 'disconnected', 'logged_out'].includes(device.status);

  return (
    <section className="card device-panel" aria-labelledby="device-title">
      <div className="row-between">
        <h2 id="device-title">{device.name}</h2>
        <span aria-live="polite">
          Status: <StatusBadge status={device.status} />
        </span>
      </div>
      <dl className="facts">
        <dt>Since</dt>
        <dd>
          <time dateTime={device.statusChangedAt} title={formatDateTime(device.statusChangedAt)}>
            {formatSince(device.statusChangedAt)}
          </time>
        </dd>
        <dt>Last seen</dt>
        <dd>
          <LastSeen device={device} />
        </dd>
        {device.statusReason && (
          <>
            <dt>Reason</dt>
            <dd>{device.statusReason}</dd>
          </>
        )}
        <dt>Number</dt>
        <dd>
          {device.phone
            ? `${device.phone}${device.displayName ? ` (${device.displayName})` : ''}`
            : 'not linked yet'}
        </dd>
        <dt>Engine</dt>
        <dd>{device.engine === 'sandbox' ? 'sandbox (simulated WhatsApp)' : 'WhatsApp Web (Baileys)'}</dd>
        <dt>Id</dt>
        <dd>
          <code>{device.id}</code>
        </dd>
      </dl>
      {canManage && (
        <div className="actions">
          <RenameDevice device={device} onSaved={upsert} />
          {canConnect && (
            <button type="button" className="primary" onClick={() => void act('/v1/devices/{id}/connect')}>
              {device.status === 'unlinked' ? 'Link' : 'Reconnect'}
            </button>
          )}
          {device.status === 'connected' && (
            <button type="button" onClick={() => void act('/v1/devices/{id}/logout')}>
              Log out
            </button>
          )}
          <ConfirmButton
            label="Delete device"
            confirmLabel="Delete it and cancel its queued messages"
            onConfirm={destroy}
          />
        </div>
      )}
      <ErrorNote message={error} />
      {/* A sandbox device is linked and tried from its simulated phone: it comes first. */}
      {device.engine === 'sandbox' && <SandboxPhone device={device} canUse={canManage} />}
      {device.status === 'qr' &&
        (canManage ? (
          <DeviceLink device={device} qr={qr} pairingCode={pairingCode} onPairingCode={setPairingCode} />
        ) : (
          // The QR links a phone as the business line: only roles that manage devices see it.
          <p className="muted">Waiting for an owner or admin to link a phone.</p>
        ))}
      {device.status === 'connected' && can(role, 'messages') && <OtpOnlyOffer deviceId={device.id} />}
      <PacingForm device={device} canEdit={canManage} onSaved={upsert} />
    </section>
  );
}
