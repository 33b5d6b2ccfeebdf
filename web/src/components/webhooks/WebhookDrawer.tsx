import { useState, type FormEvent } from 'react';
import { api, errorMessage, type RequestBody, type Webhook } from '../../api';
import { formatDateTime } from '../../format';
import { ConfirmButton } from '../ConfirmButton';
import { Drawer } from '../Drawer';
import { ErrorNote } from '../Notice';
import { EventPicker } from './EventPicker';
import { SecretOnce } from './SecretOnce';

type Patch = RequestBody<'patch', '/v1/webhooks/{id}'>;
/** The event filter as the API types it; the picker's values come from the server's own list. */
type Events = NonNullable<Patch['events']>;

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Changes one endpoint (URL, description, on/off, events) and rotates its signing secret. Only
 * the fields that changed are sent: saving must not turn a "disabled after failing" into "by hand".
 */
export function WebhookDrawer({
  webhook,
  eventTypes,
  onClose,
  onChange,
}: {
  webhook: Webhook;
  eventTypes: string[];
  onClose: () => void;
  /** Called with a line to confirm what was done. */
  onChange: (notice: string) => void;
}) {
  const [events, setEvents] = useState<string[]>(webhook.events);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [rotated, setRotated] = useState<{ secret: string; until: string | null } | null>(null);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (events.length === 0) {
      setError('Tick at least one event type, or All events.');
      return;
    }
    const url = String(form.get('url')).trim();
    const description = String(form.get('description')).trim() || null;
    const enabled = form.get('enabled') === 'on';
    const patch: Patch = {};
    if (url !== webhook.url) patch.url = url;
    if (description !== webhook.description) patch.description = description;
    if (enabled !== webhook.enabled) patch.enabled = enabled;
    // Checked against the server's list above; the API refuses anything else with a 400.
    if (!sameList(events, webhook.events)) patch.events = events as Events;
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    setError(null);
    setSaving(true);
    try {
      await api.patch('/v1/webhooks/{id}', { path: { id: webhook.id }, body: patch });
      onChange(`Saved ${url}.`);
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const rotate = async () => {
    setError(null);
    try {
      const answer = await api.post('/v1/webhooks/{id}/rotate-secret', {
        path: { id: webhook.id },
        idempotencyKey: crypto.randomUUID(),
      });
      setRotated({ secret: answer.secret, until: answer.webhook.previousSecretExpiresAt });
      onChange(`New signing secret for ${webhook.url}; the old one signs too until it expires.`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <Drawer title="Edit endpoint" onClose={onClose}>
      <form className="stack" onSubmit={(e) => void save(e)}>
        <label>
          URL
          <input name="url" type="url" required maxLength={2048} defaultValue={webhook.url} />
        </label>
        <label>
          Description
          <input name="description" maxLength={500} defaultValue={webhook.description ?? ''} />
        </label>
        <label className="check">
          <input name="enabled" type="checkbox" defaultChecked={webhook.enabled} /> Enabled (deliveries go
          out)
        </label>
        <EventPicker types={eventTypes} value={events} onChange={setEvents} />
        <div className="actions">
          <button type="submit" className="primary" disabled={saving}>
            Save endpoint
          </button>
        </div>
      </form>
      <ErrorNote message={error} />
      <section className="stack" aria-labelledby="rotate-title">
        <h3 id="rotate-title">Secret rotation</h3>
        <p className="muted small">
          Rotating gives a new secret, shown once. For 24 hours every delivery carries two signatures, one per
          secret, so your receiver keeps verifying while you deploy the new one.
          {webhook.previousSecretExpiresAt &&
            ` The secret before the last rotation signs until ${formatDateTime(webhook.previousSecretExpiresAt)}.`}
        </p>
        {rotated ? (
          <SecretOnce
            title="New signing secret"
            secret={rotated.secret}
            inputId="rotated-secret"
            onDone={() => setRotated(null)}
          >
            <p>
              Shown only now. The old secret keeps signing
              {rotated.until ? ` until ${formatDateTime(rotated.until)}` : ' for 24 hours'}: store this one in
              your receiver before then.
            </p>
          </SecretOnce>
        ) : (
          <div>
            <ConfirmButton
              label="Rotate secret"
              confirmLabel="Rotate: new secret now, old one for 24 h"
              onConfirm={rotate}
            />
          </div>
        )}
      </section>
    </Drawer>
  );
}
