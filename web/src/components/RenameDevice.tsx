import { useState, type FormEvent } from 'react';
import { api, errorMessage, type Device } from '../api';
import { ErrorNote } from './Notice';

/** "Rename": the device's name in place, edited in a small form (PATCH /v1/devices/:id). */
export function RenameDevice({ device, onSaved }: { device: Device; onSaved: (device: Device) => void }) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!editing)
    return (
      <button type="button" onClick={() => setEditing(true)}>
        Rename
      </button>
    );
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name')).trim();
    setBusy(true);
    setError(null);
    try {
      onSaved(await api.patch('/v1/devices/{id}', { path: { id: device.id }, body: { name } }));
      setEditing(false);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="inline-form rename-device" onSubmit={(e) => void submit(e)} aria-label="Rename device">
      <label>
        New name
        {/* Opened by a click on Rename: the field is what comes next. */}
        <input name="name" required maxLength={100} defaultValue={device.name} autoFocus />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        Save name
      </button>
      <button type="button" onClick={() => setEditing(false)}>
        Cancel
      </button>
      <ErrorNote message={error} />
    </form>
  );
}
