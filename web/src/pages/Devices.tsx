import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api';
import { useSession } from '../auth';
import { DevicePanel } from '../components/DevicePanel';
import { LastSeen } from '../components/LastSeen';
import { Empty, ErrorNote, Loading, RoleNote } from '../components/Notice';
import { StatusBadge } from '../components/StatusBadge';
import { useDevices } from '../devices';
import { formatSince } from '../format';
import { can } from '../roles';
import { Link, navigate } from '../router';
import type { Device } from '../api';

function AddDevice() {
  const { upsert } = useDevices();
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setError(null);
    try {
      const device = await api.post('/v1/devices', {
        body: {
          name: String(form.get('name')),
          // The select offers the API's engines only; the server validates whatever arrives.
          engine: String(form.get('engine')) as Device['engine'],
        },
      });
      upsert(device);
      formElement.reset();
      // Start linking right away: the panel shows the QR as soon as it exists.
      upsert(await api.post('/v1/devices/{id}/connect', { path: { id: device.id } }));
      navigate(`/devices/${device.id}`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <form className="card inline-form" onSubmit={(e) => void submit(e)} aria-labelledby="add-device-title">
      <h2 id="add-device-title">Add a device</h2>
      <label>
        Name
        <input name="name" required maxLength={100} placeholder="Support line" />
      </label>
      <label>
        Engine
        <select name="engine" defaultValue="sandbox">
          <option value="sandbox">Sandbox (simulated, for testing)</option>
          <option value="baileys">WhatsApp (a real number)</option>
        </select>
      </label>
      <button type="submit" className="primary">
        Add device
      </button>
      <ErrorNote message={error} />
    </form>
  );
}

export function Devices({ selectedId }: { selectedId: string | null }) {
  const { role } = useSession();
  const { devices, loading, error } = useDevices();
  const selected = devices.find((d) => d.id === selectedId);
  return (
    <>
      <h1>Devices</h1>
      {can(role, 'devices') ? (
        <AddDevice />
      ) : (
        <RoleNote>Your role can look at devices but not change them.</RoleNote>
      )}
      <ErrorNote message={error} />
      {loading ? (
        <Loading />
      ) : devices.length === 0 ? (
        <Empty title="No devices yet">
          Add one above, then scan its QR code with the phone of that number.
        </Empty>
      ) : (
        <div className="table-wrap">
          <table className="list stack">
            <caption className="visually-hidden">Devices</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Number</th>
                <th scope="col">Since</th>
                <th scope="col">Last seen</th>
              </tr>
            </thead>
            <tbody>
              {devices.map((d) => (
                <tr key={d.id} aria-current={d.id === selectedId ? 'true' : undefined}>
                  <td>
                    <Link href={`/devices/${d.id}`}>{d.name}</Link>
                  </td>
                  <td>
                    <StatusBadge status={d.status} />
                    {d.statusReason && <span className="muted small"> {d.statusReason}</span>}
                  </td>
                  <td>{d.phone ?? '—'}</td>
                  <td>{formatSince(d.statusChangedAt)}</td>
                  <td>
                    <LastSeen device={d} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {selectedId && !loading && !selected && <ErrorNote message="This device does not exist (any more)." />}
      {selected && <DevicePanel key={selected.id} device={selected} />}
    </>
  );
}
