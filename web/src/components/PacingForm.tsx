import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api';
import type { Device, Pacing } from '../api';
import { ErrorNote, RoleNote, SuccessNote } from './Notice';

const optionalInt = (value: FormDataEntryValue | null): number | null => {
  const text = String(value ?? '').trim();
  return text === '' ? null : Number(text);
};

/** How fast this number may send: WhatsApp bans numbers that send like robots. */
export function PacingForm({
  device,
  canEdit,
  onSaved,
}: {
  device: Device;
  canEdit: boolean;
  onSaved: (d: Device) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const p = device.pacing;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const pacing: Pacing = {
      minIntervalMs: Number(form.get('minIntervalMs')),
      jitterMs: Number(form.get('jitterMs')),
      perMinute: optionalInt(form.get('perMinute')),
      perDay: optionalInt(form.get('perDay')),
      presence: form.get('presence') === 'on',
    };
    setError(null);
    setSaved(false);
    try {
      onSaved(await api.patch('/v1/devices/{id}', { path: { id: device.id }, body: { pacing } }));
      setSaved(true);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="pacing-title" key={device.updatedAt}>
      <h3 id="pacing-title">Pacing</h3>
      {!canEdit && <RoleNote>Only admins and owners change a device's pacing.</RoleNote>}
      <fieldset disabled={!canEdit} className="form-grid">
        <label>
          Minimum gap between sends (ms)
          <input
            name="minIntervalMs"
            type="number"
            min={0}
            max={600000}
            defaultValue={p.minIntervalMs}
            required
          />
        </label>
        <label>
          Random jitter (ms)
          <input name="jitterMs" type="number" min={0} max={600000} defaultValue={p.jitterMs} required />
        </label>
        <label>
          At most per minute <span className="muted">(empty: no cap)</span>
          <input name="perMinute" type="number" min={1} defaultValue={p.perMinute ?? ''} />
        </label>
        <label>
          At most per day <span className="muted">(empty: no cap)</span>
          <input name="perDay" type="number" min={1} defaultValue={p.perDay ?? ''} />
        </label>
        <label className="check">
          <input name="presence" type="checkbox" defaultChecked={p.presence} /> Show “typing…” before sending
        </label>
        <div>
          <button type="submit">Save pacing</button>
        </div>
      </fieldset>
      <ErrorNote message={error} />
      {saved && <SuccessNote>Pacing saved.</SuccessNote>}
    </form>
  );
}
